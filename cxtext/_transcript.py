"""Parse raw transcripts into turns (private helpers of :mod:`cxtext.io`).

Three shapes are handled here:

* role-prefixed text (``"客服：您好 客户：我的卡被冻结了"``), one turn per line or
  several on one line, with optional ``[00:01:23]`` / ``00:01:23`` / ``[01:23]``
  timestamps before or after the role word;
* the JDDC 2019 ``chat.txt`` layout (headerless TSV of seven fields);
* speaker labels that carry no role (ASR ``spk0``/``spk1``), for which
  :func:`infer_roles` guesses which speaker is the agent.

Everything returns plain Python records; :mod:`cxtext.io` builds the tables and
validates them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

#: Role words recognised before a colon, lower-cased, with the speaker they stand for.
ROLE_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ["客服", "坐席", "座席", "人工客服", "客服人员", "客服代表", "客服人員", "agent", "staff",
         "a"],
        "agent",
    ),
    **dict.fromkeys(
        ["客户", "用户", "顾客", "来电人", "来电客户", "客戶", "用戶", "顧客", "customer", "user",
         "caller", "client", "c"],
        "customer",
    ),
    **dict.fromkeys(["系统", "机器人", "智能客服", "系統", "機器人", "ivr", "system", "bot"],
                    "system"),
}

# A role word starts a turn only at the start of a line or after a space or a
# sentence-ending mark: "您好？客户：…" splits, "我是你们的客户：张三" does not.
_BOUNDARY = r"(?:^|(?<=[\s。！？!?；;…~～」』”\"'）)】\].,，、]))"
_TS = r"(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_TS_AFTER = r"(?:\d{1,3}:\d{1,2}:\d{2}(?:[.,]\d{1,3})?)(?=\s)"  # bare hh:mm:ss + space
_OPEN, _CLOSE = r"[\[【(（]", r"[\]】)）]"


def _ts(name: str, *, bare: str) -> str:
    """A timestamp group: bracketed, or bare (``bare`` is the pattern allowed without brackets)."""
    return rf"(?:{_OPEN}\s*(?P<{name}b>{_TS})\s*{_CLOSE}|(?P<{name}u>{bare}))"


def _pattern(roles: Iterable[str]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(r) for r in sorted(set(roles), key=len, reverse=True))
    return re.compile(
        _BOUNDARY
        + rf"(?:{_ts('t1', bare=_TS)}\s*)?"  # [00:01:23] 客服：
        + rf"[\[【]?(?P<role>{alternation})[\]】]?"
        + rf"\s*(?:{_ts('t2', bare=_TS)}\s*)?"  # 客服 00:01:23：
        + r"[:：][ \t\u3000]*"
        # after the colon only a bracketed time or a bare hh:mm:ss followed by a space
        # counts, so that "客户：10:30到的网点" keeps its text.
        + rf"(?:{_ts('t3', bare=_TS_AFTER)}\s*)?",
        re.IGNORECASE,
    )


@lru_cache(maxsize=64)
def _cached_pattern(extra: tuple[str, ...]) -> re.Pattern[str]:
    return _pattern([*ROLE_WORDS, *extra])


def role_pattern(speaker_map: Mapping[str, str] | None = None) -> re.Pattern[str]:
    """The regex of a turn start: built-in role words plus the keys of ``speaker_map``."""
    extra = tuple(sorted(str(k).strip() for k in (speaker_map or {}) if str(k).strip()))
    return _cached_pattern(extra)


def seconds(stamp: str) -> float:
    """``"01:02:03.5"`` -> 3723.5, ``"01:23"`` -> 83.0."""
    parts = stamp.replace(",", ".").split(":")
    total = 0.0
    for p in parts:
        total = total * 60 + float(p)
    return total


def speaker_of(word: str, speaker_map: Mapping[str, str] | None = None) -> str:
    """The speaker a role word stands for; ``speaker_map`` wins over the built-in words."""
    key = word.strip().lower()
    for k, v in (speaker_map or {}).items():
        if str(k).strip().lower() == key:
            return v
    return ROLE_WORDS.get(key, word.strip())


@dataclass
class ParsedTurn:
    """One turn found in a transcript; ``line`` is the 1-based line it starts on."""

    role: str
    text: str
    line: int
    start_s: float | None = None
    end_s: float | None = None


@dataclass(frozen=True)
class Orphan:
    """Text that belongs to no turn (it comes before any role prefix)."""

    line: int
    text: str


def _stamp(m: re.Match[str]) -> float | None:
    for name in ("t1b", "t1u", "t2b", "t2u", "t3b", "t3u"):
        value = m.group(name)
        if value:
            return seconds(value)
    return None


def split_turns(
    text: str, speaker_map: Mapping[str, str] | None = None, *, first_line: int = 1
) -> tuple[list[ParsedTurn], list[Orphan]]:
    """Split a role-prefixed transcript into turns.

    Lines without a role prefix continue the previous turn (joined with a
    newline); blank lines are ignored; text before the first role prefix is
    returned as :class:`Orphan` records. When any timestamp is present, each
    turn's ``end_s`` is the next turn's ``start_s``.
    """
    pattern = role_pattern(speaker_map)
    turns: list[ParsedTurn] = []
    orphans: list[Orphan] = []

    def add_text(piece: str, line: int) -> None:
        piece = piece.strip()
        if not piece:
            return
        if turns:
            turns[-1].text = f"{turns[-1].text}\n{piece}" if turns[-1].text else piece
        else:
            orphans.append(Orphan(line, piece))

    for offset, line in enumerate(re.split(r"\r\n|\r|\n", text)):
        line_no = first_line + offset
        if not line.strip():
            continue
        pos = 0
        for m in pattern.finditer(line):
            add_text(line[pos : m.start()], line_no)
            turns.append(ParsedTurn(m.group("role"), "", line_no, _stamp(m)))
            pos = m.end()
        add_text(line[pos:], line_no)

    for cur, nxt in zip(turns, turns[1:], strict=False):
        if cur.start_s is not None and nxt.start_s is not None:
            cur.end_s = nxt.start_s
    return turns, orphans


def starts_with_role(line: str, speaker_map: Mapping[str, str] | None = None) -> bool:
    """Whether ``line`` (stripped) begins with a role prefix such as ``客服：``."""
    m = role_pattern(speaker_map).match(line.strip())
    return m is not None


# --------------------------------------------------------------------------- JDDC

JDDC_FIELDS: tuple[str, ...] = (
    "session_id", "user_id", "waiter_send", "is_transfer", "is_repeat", "sku", "content",
)


def looks_like_jddc(lines: Sequence[str], sample: int = 20) -> bool:
    """Headerless TSV whose rows have 7 fields with 0/1 flags in fields 3–5.

    Looks at the first ``sample`` non-blank lines; at least 80% of them (and the
    first one, so that a header line rules it out) must fit.
    """
    seen = fits = 0
    for line in lines:
        if not line.strip():
            continue
        fields = line.rstrip("\r").split("\t")
        ok = len(fields) >= len(JDDC_FIELDS) and all(f in ("0", "1") for f in fields[2:5])
        if seen == 0 and not ok:
            return False
        seen += 1
        fits += ok
        if seen >= sample:
            break
    return seen > 0 and fits >= 0.8 * seen


def split_jddc(line: str) -> list[str] | None:
    """The seven fields of one JDDC line (tabs inside the content are kept); None if short."""
    fields = line.rstrip("\r").split("\t")
    if len(fields) < len(JDDC_FIELDS):
        return None
    head = fields[: len(JDDC_FIELDS) - 1]
    return [*head, "\t".join(fields[len(JDDC_FIELDS) - 1 :])]


# --------------------------------------------------------------------------- roles

#: Phrases only an agent says in an opening (customer service ID, service formula).
AGENT_PHRASES: tuple[str, ...] = (
    "工号", "很高兴为您服务", "请问有什么可以帮您", "有什么可以帮您", "为您服务", "欢迎致电",
)
#: Weaker evidence, used when no speaker says one of :data:`AGENT_PHRASES`.
GREETINGS: tuple[str, ...] = ("您好", "你好")


def infer_roles(labels: Sequence[str], texts: Sequence[str]) -> dict[str, str]:
    """Guess which of the speaker labels (``spk0``, ``spk1`` …) is the agent.

    The heuristic: the speaker who first says an agent phrase (工号,
    很高兴为您服务, 请问有什么可以帮您 …) is the agent; if nobody does, the
    speaker who first greets (您好); if nobody does, the first speaker (in an
    inbound call the agent answers first). Every other label is the customer.

    Examples
    --------
    >>> infer_roles(["spk1", "spk0"], ["喂", "您好，工号1234，很高兴为您服务"])
    {'spk1': 'customer', 'spk0': 'agent'}
    """
    order: list[str] = []
    for label in labels:
        if label not in order:
            order.append(label)
    if not order:
        return {}
    agent = None
    for phrases in (AGENT_PHRASES, GREETINGS):
        for label, text in zip(labels, texts, strict=False):
            if isinstance(text, str) and any(p in text for p in phrases):
                agent = label
                break
        if agent is not None:
            break
    if agent is None:
        agent = order[0]
    return {label: ("agent" if label == agent else "customer") for label in order}
