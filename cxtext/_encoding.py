"""Detect and decode the text encoding of a file (private helpers of :mod:`cxtext.io`).

Chinese bank exports come as UTF-8, UTF-8 with a BOM (Excel's "CSV UTF-8"), or
GBK/GB18030 (Excel's default "CSV" on a Chinese Windows). The encoding is
detected, never assumed:

1. a byte-order mark decides (UTF-8-sig, UTF-32, UTF-16);
2. strict UTF-8;
3. *mostly* UTF-8: the file is UTF-8 with a few broken bytes (a truncated
   character, a row pasted from a GBK file). GBK text read as UTF-8 has about
   two thirds of its non-ASCII bytes invalid, so a low share of invalid bytes
   means "UTF-8 with damage", not "some other encoding". Without this step a
   damaged UTF-8 file could decode strictly as GB18030 and turn silently into
   mojibake;
4. strict GB18030 (a superset of GBK and GB2312), unless the text then holds many
   characters Chinese text does not (kana, Greek, box drawing, private use …) and strict
   Big5 (cp950) does not: Big5 bytes always decode as GB18030, into mojibake;
5. *mostly* GB18030, by the same measure (a GBK export with a damaged row);
   charset-normalizer's guess for such short files is often a Cyrillic or Latin
   code page, which would turn every Chinese character into mojibake;
6. charset-normalizer's best guess (UTF-16 without BOM, ...), if installed;
7. whichever of UTF-8 and GB18030 leaves fewer bytes undecodable.

Decoding never fails: a byte that does not decode becomes a lone surrogate
``U+DC00 + byte`` (like Python's ``surrogateescape``, extended to ASCII bytes),
so the reader can tell the user which row and column held it, instead of
crashing or dropping the row. :func:`split_undecodable` turns such a string
back into clean text plus the offending bytes.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_HANDLER = "cxtext.undecodable"
_BAD = re.compile("[\udc00-\udcff]+")
#: Share of non-ASCII bytes that may be invalid for a file to count as damaged
#: UTF-8 (or damaged GB18030) rather than some other encoding.
MOSTLY_VALID = 0.25

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes: the text, the codec used, and the number of bad bytes."""

    text: str
    encoding: str
    n_bad: int

    @property
    def lossy(self) -> bool:
        return self.n_bad > 0


def _escape(exc: UnicodeError) -> tuple[str, int]:
    if isinstance(exc, UnicodeDecodeError):
        bad = exc.object[exc.start : exc.end]
        return "".join(chr(0xDC00 + b) for b in bad), exc.end
    raise exc


def _handler() -> str:
    """Register the error handler on first use (importing cxtext has no side effects)."""
    try:
        codecs.lookup_error(_HANDLER)
    except LookupError:
        codecs.register_error(_HANDLER, _escape)
    return _HANDLER


def normalize_name(encoding: str) -> str:
    """Python's canonical name of a codec (``GBK`` -> ``gbk``); ValueError if unknown."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise ValueError(encoding) from None
    return {"utf_8_sig": "utf-8-sig", "utf_16": "utf-16", "utf_32": "utf-32"}.get(name, name)


def decode_lenient(data: bytes, encoding: str) -> Decoded:
    """Decode with ``encoding``; undecodable bytes become lone surrogates (never raises)."""
    text = data.decode(encoding, errors=_handler())
    n_bad = sum(len(m) for m in _BAD.findall(text))
    return Decoded(text.removeprefix("\ufeff"), encoding, n_bad)


def _strict(data: bytes, encoding: str) -> Decoded | None:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return Decoded(text.removeprefix("\ufeff"), encoding, 0)


def _charset_normalizer(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: the steps before it cover UTF-8 and GBK
        return None
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    try:
        return normalize_name(best.encoding)
    except ValueError:
        return None


#: Characters that GBK/GB18030 text hardly ever holds but Big5 bytes read as GB18030 give in
#: numbers (Big5's most frequent characters, 的 我 你 了 …, fall on GB2312's rows of kana,
#: Greek, Cyrillic, pinyin letters, box drawing and on the user-defined area): letters with
#: diacritics, Greek, Cyrillic, box drawing, kana, private use, vertical and compatibility
#: forms.
_NOT_GB_TEXT = re.compile(
    "[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u04ff\u2500-\u257f"
    "\u3040-\u30ff\ue000-\uf8ff\ufe10-\ufe1f\ufe30-\ufe4f]"
)
#: The most frequent characters of customer-service text (demo turns and waimai_10k reviews),
#: simplified and traditional: real text holds many, mojibake almost none.
_FREQUENT = frozenset(
    "的您了我是好一请不服有行问这务还为个下么银到你没可人已在送谢就时要工号们帮客很电吗以什次"
    "来话点会理后经小等题提给心吃都说对按也再能份卡接意转通稍录身实多太本快感上四信用高餐道户前"
    "别那系满被记看手天进位度核过证费候二三账分评见量机打里生味"
    "來個們別務問嗎實對幫後戶時會機沒滿為爲給經號裡裏見記評話說請謝證費賬帳轉這進過還銀錄電題"
    "麼點"
)
#: Bytes looked at to choose between GB18030 and Big5.
_SAMPLE = 256 * 1024


def _big5_if_likelier(data: bytes, as_gb: Decoded) -> Decoded:
    """``as_gb`` (a strict GB18030 decoding), or the strict Big5 (cp950) decoding when that
    reads as Chinese and the GB18030 one does not: Big5 bytes (traditional Chinese exports
    from Taiwan or Hong Kong) always decode as GB18030, into mojibake. Decided on the first
    :data:`_SAMPLE` bytes."""
    head = data[:_SAMPLE]
    gb = head.decode("gb18030", errors="replace")
    odd_gb = len(_NOT_GB_TEXT.findall(gb))
    if odd_gb < 3:
        return as_gb
    big5 = head.decode("cp950", errors="replace")
    if len(_NOT_GB_TEXT.findall(big5)) * 4 > odd_gb:
        return as_gb
    frequent_gb = sum(ch in _FREQUENT for ch in gb)
    frequent_big5 = sum(ch in _FREQUENT for ch in big5)
    if frequent_big5 < 3 or frequent_big5 < 2 * frequent_gb:
        return as_gb
    return _strict(data, "cp950") or as_gb


def decode_auto(data: bytes) -> Decoded:
    """Detect the encoding of ``data`` (see the module docstring) and decode it."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return decode_lenient(data, name)
    strict = _strict(data, "utf-8")
    if strict is not None:
        return strict
    as_utf8 = decode_lenient(data, "utf-8")
    non_ascii = sum(1 for b in data if b >= 0x80)
    if as_utf8.n_bad <= MOSTLY_VALID * non_ascii:
        return as_utf8
    strict = _strict(data, "gb18030")
    if strict is not None:
        return _big5_if_likelier(data, strict)
    as_gb = decode_lenient(data, "gb18030")
    if as_gb.n_bad <= MOSTLY_VALID * non_ascii:
        return as_gb
    guess = _charset_normalizer(data)
    if guess is not None:
        strict = _strict(data, guess)
        if strict is not None:
            return Decoded(strict.text, guess, 0)
    return as_utf8 if as_utf8.n_bad < as_gb.n_bad else as_gb


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data`` with ``encoding`` (leniently) or, when None, a detected encoding."""
    if encoding is None:
        return decode_auto(data)
    return decode_lenient(data, normalize_name(encoding))


def detect(data: bytes) -> str:
    """The encoding :func:`decode` would use for ``data``."""
    return decode_auto(data).encoding


def has_undecodable(text: str) -> bool:
    return _BAD.search(text) is not None


def split_undecodable(text: str) -> tuple[str, bytes]:
    """Replace each run of undecodable bytes by U+FFFD; return the text and the bytes."""
    bad = bytearray()

    def repl(m: re.Match[str]) -> str:
        bad.extend(ord(c) - 0xDC00 for c in m.group())
        return "\ufffd"

    return _BAD.sub(repl, text), bytes(bad)
