"""Personal-data audit: what masking did in a run, and whether an output still holds PII.

Three tools for a bank's data-protection officer:

* :class:`PiiAudit` counts what :func:`cxtext.mask_pii_many` masked, per type, over a run.
  It holds **counts only, never a value**, and writes ``audit.json`` beside the outputs
  (``cxtext ingest --out`` does this).
* :func:`scan_outputs` (``cxtext audit-pii PATH``) reads finished outputs (HTML, CSV/TSV,
  XLSX, Parquet, JSON/JSONL, notebooks, text) and lists every unmasked phone, landline, ID,
  card number and e-mail address it finds: file, location, type and a preview in which the
  value itself is replaced by its placeholder. The raw value is never printed or stored.
* :class:`RowLedger` keeps the books of a pipeline run: rows in, rows out and rows rejected
  (with reasons) at every step, so nothing can go missing unnoticed.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from html.parser import HTMLParser
from os import PathLike
from pathlib import Path
from typing import Final

import pandas as pd

from cxtext.errors import ReadError
from cxtext.text.pii import PII_TYPES, PLACEHOLDERS, _check_types, find_pii, mask_pii

__all__ = ["AUDIT_TYPES", "PiiAudit", "PiiFinding", "RowLedger", "scan_outputs"]

#: Types ``scan_outputs`` looks for by default: the ones a pattern finds with high precision.
#: Names and addresses depend on context and are opt-in (``types=PII_TYPES``).
AUDIT_TYPES: Final[tuple[str, ...]] = ("phone", "landline", "id_card", "bank_card", "email")

_TEXT_SUFFIXES: Final = frozenset({".txt", ".md", ".log"})
_CSV_SUFFIXES: Final = frozenset({".csv", ".tsv"})
_HTML_SUFFIXES: Final = frozenset({".html", ".htm"})
_JSON_SUFFIXES: Final = frozenset({".json", ".ipynb"})
_EXCEL_SUFFIXES: Final = frozenset({".xlsx", ".xlsm"})
_PARQUET_SUFFIXES: Final = frozenset({".parquet", ".pq"})
SCANNED_SUFFIXES: Final = (
    _TEXT_SUFFIXES | _CSV_SUFFIXES | _HTML_SUFFIXES | _JSON_SUFFIXES | _EXCEL_SUFFIXES
    | _PARQUET_SUFFIXES | {".jsonl"}
)  # fmt: skip
_PREVIEW_CHARS: Final = 12


# --- the run audit --------------------------------------------------------------------------


@dataclass
class PiiAudit:
    """Counts of masked personal data per type over one run (no values, ever).

    Pass one to :func:`cxtext.mask_pii_many` (``audit=``) for every column masked in a run,
    then print :meth:`summary` or write :meth:`write` (``audit.json``).

    Parameters
    ----------
    run : str, optional
        A label for the run (a command line, a job name). Stored as given.

    Attributes
    ----------
    counts : dict of str to int
        Masked spans per PII type (every type in :data:`cxtext.PII_TYPES`, zeros included).
    texts : int
        Texts seen (missing values included).
    texts_masked : int
        Texts in which at least one span was masked.
    steps : list of dict
        One entry per :meth:`add` call: ``step``, ``texts``, ``texts_masked``, ``counts``.

    Examples
    --------
    >>> import cxtext as cx
    >>> audit = cx.PiiAudit(run="demo")
    >>> _ = cx.mask_pii_many(["我叫张伟", "电话13812345678", None], audit=audit)
    >>> audit.counts["phone"], audit.counts["name"], audit.texts, audit.texts_masked
    (1, 1, 3, 2)
    """

    run: str | None = None
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PII_TYPES, 0))
    texts: int = 0
    texts_masked: int = 0
    steps: list[dict] = field(default_factory=list)

    def add(self, masked: pd.DataFrame, *, step: str = "mask_pii_many") -> None:
        """Add the counts of one :func:`cxtext.mask_pii_many` result (its ``pii_*`` columns)."""
        cols = [f"pii_{t}" for t in PII_TYPES]
        missing = [c for c in cols if c not in masked.columns]
        if missing:
            raise ValueError(
                f"PiiAudit.add expects the output of mask_pii_many; columns {missing} are missing."
            )
        step_counts = {t: int(masked[f"pii_{t}"].sum()) for t in PII_TYPES}
        n_masked = int((masked[cols].sum(axis=1) > 0).sum())
        for t, n in step_counts.items():
            self.counts[t] += n
        self.texts += len(masked)
        self.texts_masked += n_masked
        self.steps.append(
            {"step": step, "texts": len(masked), "texts_masked": n_masked, "counts": step_counts}
        )

    @property
    def total(self) -> int:
        """All masked spans over the run."""
        return sum(self.counts.values())

    def to_dict(self) -> dict:
        """JSON-ready summary: run, time, totals, per-type counts and per-step counts."""
        return {
            "run": self.run,
            "written_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "texts": self.texts,
            "texts_masked": self.texts_masked,
            "masked_total": self.total,
            "masked_per_type": dict(self.counts),
            "placeholders": dict(PLACEHOLDERS),
            "steps": list(self.steps),
            "note": "counts only; no personal data value is ever recorded here",
        }

    def write(self, path: str | PathLike[str]) -> Path:
        """Write :meth:`to_dict` as JSON and return the file's path.

        ``path`` is a folder (it gets ``audit.json`` inside; created if missing) or a file
        name ending in ``.json``, or an existing file (its folder is created if missing).
        """
        target = Path(path)
        if target.is_dir() or (not target.exists() and target.suffix.lower() != ".json"):
            target = target / "audit.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        return target

    def summary(self) -> str:
        """One line for a log: ``masked 12 span(s) in 9 of 100 text(s): phone 5, name 7``."""
        parts = ", ".join(f"{t} {n}" for t, n in self.counts.items() if n)
        return (
            f"masked {self.total} span(s) in {self.texts_masked} of {self.texts} text(s)"
            + (f": {parts}" if parts else "")
        )


# --- the books of a run ---------------------------------------------------------------------


@dataclass
class RowLedger:
    """Rows in, rows out and rows rejected (with reasons) at every step of a run.

    Each step must balance: ``rows_in == rows_out + rows_rejected``. Rejections are
    summarised by reason (the column and what was expected, without the offending value, so
    the ledger holds no personal data).

    Examples
    --------
    >>> import pandas as pd
    >>> books = RowLedger()
    >>> rejects = pd.DataFrame({"reason": ["text: expected a non-empty string, got missing"]})
    >>> books.record("read calls.csv", rows_in=3, rows_out=2, rejects=rejects)
    >>> books.record("mask", rows_in=2, rows_out=2)
    >>> books.balanced
    True
    >>> books.to_frame()[["step", "rows_in", "rows_out", "rows_rejected"]].values.tolist()
    [['read calls.csv', 3, 2, 1], ['mask', 2, 2, 0]]
    """

    steps: list[dict] = field(default_factory=list)

    def record(
        self,
        step: str,
        *,
        rows_in: int,
        rows_out: int,
        rejects: pd.DataFrame | None = None,
    ) -> None:
        """Add one step; ``rejects`` is a reader's or validator's rejects table (``reason``)."""
        reasons: dict[str, int] = {}
        if rejects is not None and len(rejects):
            for reason in rejects["reason"].astype(str):
                key = reason.split(", got", 1)[0]
                reasons[key] = reasons.get(key, 0) + 1
        n_rej = 0 if rejects is None else len(rejects)
        self.steps.append({
            "step": step, "rows_in": int(rows_in), "rows_out": int(rows_out),
            "rows_rejected": int(n_rej), "balanced": int(rows_in) == int(rows_out) + n_rej,
            "reasons": reasons,
        })  # fmt: skip

    @property
    def balanced(self) -> bool:
        """Every step balances."""
        return all(s["balanced"] for s in self.steps)

    def to_frame(self) -> pd.DataFrame:
        """One row per step: ``step, rows_in, rows_out, rows_rejected, balanced, reasons``."""
        return pd.DataFrame(
            self.steps,
            columns=["step", "rows_in", "rows_out", "rows_rejected", "balanced", "reasons"],
        )

    def __str__(self) -> str:
        if not self.steps:
            return "RowLedger: no step recorded yet"
        unbalanced = sum(not s["balanced"] for s in self.steps)
        lines = [
            f"RowLedger: {len(self.steps)} step(s), "
            + ("all balance" if not unbalanced else f"{unbalanced} do not balance")
        ]
        for s in self.steps:
            mark = "" if s["balanced"] else "  <-- does not balance"
            lines.append(f"{s['step']}: in {s['rows_in']:,} = out {s['rows_out']:,} + rejected "
                         f"{s['rows_rejected']:,}{mark}")
            lines += [f"    {n:,} x {r}" for r, n in sorted(s["reasons"].items())]
        return "\n".join(lines)


# --- scanning outputs -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PiiFinding:
    """One unmasked piece of personal data in an output file (the value is not kept).

    Attributes
    ----------
    file : str
        The file.
    location : str
        Where in it: ``line 12``, ``row 3, column 'text'``, ``sheet 'Sheet1'!B7``,
        ``$.rows[2].quote``, ``line 40, attribute 'title'``.
    type : str
        The PII type.
    preview : str
        Up to 12 characters either side, masked, with the value shown as its placeholder.

    Examples
    --------
    :func:`scan_outputs` returns the findings as a table, one row per finding:

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "export.csv").write_text("客户,备注\\n王先生,回电13812345678\\n", encoding="utf-8")
    >>> found = scan_outputs(d)
    >>> found[["location", "type", "preview"]].values.tolist()
    [["row 2, column '备注'", 'phone', '回电[手机号]']]
    """

    file: str
    location: str
    type: str
    preview: str


def _preview(text: str, start: int, end: int, typ: str) -> str:
    before = text[max(0, start - _PREVIEW_CHARS) : start]
    after = text[end : end + _PREVIEW_CHARS]
    out = mask_pii(before) + PLACEHOLDERS[typ] + mask_pii(after)
    return " ".join(out.split())


def _scan_text(text: str, wanted: frozenset[str]) -> Iterator[tuple[str, str]]:
    if not text or len(text) < 5:
        return
    for m in find_pii(text):
        if m.type in wanted:
            yield m.type, _preview(text, m.start, m.end, m.type)


class _HtmlStrings(HTMLParser):
    """Text nodes and attribute values of an HTML page, with their line numbers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            # data: URIs carry images and fonts (base64), not text
            if value and not value.lstrip().lower().startswith("data:"):
                self.items.append((f"line {line}, <{tag}> attribute {name!r}", value))

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.items.append((f"line {self.getpos()[0]}", data))


def _read_text_file(path: Path) -> str:
    from cxtext._encoding import decode

    return decode(path.read_bytes()).text


def _strings(path: Path) -> Iterator[tuple[str, str]]:
    """(location, text) pairs of every string in one output file."""
    suffix = path.suffix.lower()
    if suffix in _HTML_SUFFIXES:
        parser = _HtmlStrings()
        parser.feed(_read_text_file(path))
        parser.close()
        yield from parser.items
    elif suffix in _CSV_SUFFIXES:
        delim = "\t" if suffix == ".tsv" else ","
        rows = csv.reader(_read_text_file(path).splitlines(), delimiter=delim)
        header: list[str] = []
        for r, row in enumerate(rows, start=1):
            if r == 1:
                header = row
            for c, value in enumerate(row):
                col = header[c] if r > 1 and c < len(header) else f"#{c + 1}"
                yield f"row {r}, column {col!r}", value
    elif suffix in _EXCEL_SUFFIXES:
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
        try:
            for sheet in book.worksheets:
                for row in sheet.iter_rows():
                    for cell in row:
                        if isinstance(cell.value, str):
                            yield f"sheet {sheet.title!r}!{cell.coordinate}", cell.value
                        elif _big_integer(cell.value):
                            # a phone or card number stored as a number
                            yield f"sheet {sheet.title!r}!{cell.coordinate}", str(int(cell.value))
        finally:
            book.close()
    elif suffix in _PARQUET_SUFFIXES:
        frame = pd.read_parquet(path)
        for col in frame.columns:
            s = frame[col]
            if not (pd.api.types.is_string_dtype(s) or pd.api.types.is_object_dtype(s)
                    or pd.api.types.is_integer_dtype(s)):
                continue
            for r, value in enumerate(s.tolist(), start=1):
                if isinstance(value, str):
                    yield f"row {r}, column {str(col)!r}", value
                elif _big_integer(value):
                    yield f"row {r}, column {str(col)!r}", str(int(value))
                elif isinstance(value, (list, tuple, dict)) or hasattr(value, "tolist"):
                    yield from (
                        (f"row {r}, column {str(col)!r}{loc[1:]}", text)
                        for loc, text in _json_strings(value, "$")
                    )
    elif suffix in _JSON_SUFFIXES:
        yield from _json_strings(json.loads(_read_text_file(path)), "$")
    elif suffix == ".jsonl":
        for n, line in enumerate(_read_text_file(path).splitlines(), start=1):
            if line.strip():
                yield from _json_strings(json.loads(line), f"line {n}: $")
    else:  # plain text
        for n, line in enumerate(_read_text_file(path).splitlines(), start=1):
            yield f"line {n}", line


def _big_integer(value: object) -> bool:
    """A whole number of 11+ digits (a phone or card number a spreadsheet stored as a number)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return abs(value) >= 10**10 and float(value).is_integer()
    except (OverflowError, ValueError):
        return False


def _json_strings(value: object, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from _json_strings(v, f"{where}.{k}")
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from _json_strings(v, f"{where}[{i}]")
    elif _big_integer(value):
        yield where, str(int(value))  # type: ignore[call-overload]
    elif hasattr(value, "tolist"):  # numpy arrays from Parquet list columns
        yield from _json_strings(value.tolist(), where)


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for p in paths:
        if p.is_dir():
            yield from sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in SCANNED_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        elif p.is_file():
            yield p
        else:
            raise ReadError(f"scan_outputs: no such file or folder: {str(p)!r}")


def scan_outputs(
    paths: str | PathLike[str] | Iterable[str | PathLike[str]],
    *,
    types: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Find unmasked personal data in finished outputs (reports, exports, stores' Parquet).

    Parameters
    ----------
    paths : path or iterable of paths
        Files or folders (folders are searched recursively for .html, .csv, .tsv, .xlsx,
        .parquet, .json, .jsonl, .ipynb, .txt and .md files; hidden folders are skipped).
    types : iterable of str, optional
        PII types to look for; default :data:`AUDIT_TYPES` (phone, landline, ID card, bank
        card and e-mail). Pass :data:`cxtext.PII_TYPES` to include names and addresses.

    Returns
    -------
    pandas.DataFrame
        One row per finding, columns ``file``, ``location``, ``type``, ``preview``; empty
        when the outputs are clean. ``preview`` never contains the value itself.

    Raises
    ------
    cxtext.ReadError
        If a path does not exist or a file cannot be parsed (the message names the file).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "out.csv").write_text("text\\n客户电话13812345678\\n", encoding="utf-8")
    >>> scan_outputs(folder)[["location", "type", "preview"]].values.tolist()
    [["row 2, column 'text'", 'phone', '客户电话[手机号]']]
    """
    wanted = frozenset(AUDIT_TYPES) if types is None else _check_types(types, "scan_outputs")
    if isinstance(paths, (str, PathLike)):
        paths = [paths]
    findings: list[PiiFinding] = []
    for path in _files(Path(p) for p in paths):
        try:
            for where, text in _strings(path):
                for typ, preview in _scan_text(text, wanted):
                    findings.append(PiiFinding(str(path), where, typ, preview))
        except ReadError:
            raise
        except Exception as exc:  # a file the parser cannot read: say which
            raise ReadError(
                f"audit-pii: could not read {path} ({type(exc).__name__}: {exc}). "
                "Only HTML, CSV/TSV, XLSX, Parquet, JSON/JSONL and text files are scanned."
            ) from exc
    return pd.DataFrame(
        [(f.file, f.location, f.type, f.preview) for f in findings],
        columns=["file", "location", "type", "preview"],
    )
