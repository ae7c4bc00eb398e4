"""Rule-based complaint categories: the banking taxonomy of :data:`cxtext.labels.CATEGORIES`.

:func:`categories` gives each text a multi-label list of taxonomy ids and the evidence
span behind each. The rules live in ``cxtext/resources/rules/categories.tsv`` (format
and decisions in ``categories.md``); this module applies them.

Decisions
---------
* Multi-label, in the order of :data:`cxtext.labels.CATEGORIES`: 信用卡年费 is
  ``["fees", "credit_card"]``.
* Words are read in context: 卡 alone is not ``credit_card`` (信用卡, 副卡, 账单分期,
  临时额度 are); 信用卡被盗刷 is ``fraud`` (the card type is incidental there);
  冻结 is ``fraud`` (account security) unless a court or the customer's own travel
  freeze is meant; 排队 on the phone line is not ``branch``; 推销保险 is ``marketing``,
  not ``wealth``; 利率 is ``loans`` only next to 贷/月供.
* A topic named only in passing (网点 as the place, 转账 as the means) gives way to a topic
  the text is about, except that a branch stays beside ``attitude``: 网点的柜员很不耐烦 is
  ``["branch", "attitude"]``.
* ``other`` follows the gold set's labelling rule (``corpora/gold/README.md``): it is
  given when a text is about something (a complaint, a question, a request) but no
  specific category matches — deposits and interest, passwords, a bare request to close
  an account, a complaint with no topic. It is never combined with another category.
  Pure small talk (喂，你好 / 好的，谢谢，再见 / 稍等一下) gets ``[]``. The demo corpus's
  ``truth.csv`` leaves neutral inquiries without a category; here they get their topic
  or ``other``.
* A negated topic is still the topic (我不是要投诉年费 is about ``fees``); negation
  matters for intents, not for categories.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

import pandas as pd

from cxtext.labels import CATEGORIES
from cxtext.tags._rules import (
    CLAUSE_END,
    FilterKeeper,
    LabelRules,
    Prepared,
    RuleSet,
    as_series,
    compile_rule_table,
    prepare_texts,
    result_frame,
    text_values,
)

__all__ = ["CATEGORY_COLUMNS", "categories"]

#: Taxonomy ids in output order (the keys of :data:`cxtext.labels.CATEGORIES`).
CATEGORY_NAMES: Final[tuple[str, ...]] = tuple(CATEGORIES)
#: Columns of :func:`categories`, in order.
CATEGORY_COLUMNS: Final[tuple[str, ...]] = ("categories", "category_evidence")

RULE_FILE: Final = "categories.tsv"
OTHER: Final = "other"
_SPECIFIC: Final[tuple[str, ...]] = tuple(c for c in CATEGORY_NAMES if c != OTHER)
#: Weak categories kept beside these strong ones: a branch named in passing is still where
#: the staff behaviour happened (网点的柜员很不耐烦 is ``["branch", "attitude"]``).
_KEPT_BESIDE: Final[dict[str, frozenset[str]]] = {"branch": frozenset({"attitude"})}
_CATEGORY_RANK: Final[dict[str, int]] = {c: i for i, c in enumerate(CATEGORY_NAMES)}
_CLAUSE_MARK_RE: Final = re.compile("[" + "".join(map(re.escape, CLAUSE_END)) + "]")


@lru_cache(maxsize=1)
def _rules() -> RuleSet:
    """Compile ``categories.tsv`` once per process."""
    return compile_rule_table(
        RULE_FILE, CATEGORY_NAMES, cue_flags=("weak",), extra_kinds=("smalltalk",)
    )


@lru_cache(maxsize=1)
def _weak_rules() -> frozenset[str]:
    """Rules flagged ``weak``: they count only when no other category has a strong cue."""
    return frozenset(c.rule for r in _rules().values() for c in r.cues if "weak" in c.flags)


def _keeper(rules: LabelRules) -> FilterKeeper:
    """Keep a cue match that passes the label's blocks and requirements."""
    return FilterKeeper(rules.filters)


@lru_cache(maxsize=1)
def _keepers() -> dict[str, object]:
    return {name: _keeper(r) for name, r in _rules().items()}


def _first_substantive_clause(prep: Prepared) -> tuple[int, int] | None:
    """Span (matching text) of the first clause that is not small talk; None if all are."""
    smalltalk = _rules()[OTHER].extra["smalltalk"]
    next_mark = _CLAUSE_MARK_RE.search
    text = prep.text
    start = 0
    n = len(text)
    while start < n:
        m = next_mark(text, start)
        end = n if m is None else m.start()
        clause = text[start:end]
        if clause.strip() and (smalltalk is None or smalltalk.search(clause) is None):
            return start, end
        start = end + 1
    return None


def _match_text(prep: Prepared) -> tuple[list[str], list[dict]]:
    labels: list[str] = []
    evidence: list[dict] = []
    found_by = _rules().scan(prep, _keepers(), "category", _SPECIFIC)
    weak = _weak_rules()
    strong = {name for name, found in found_by.items()
              if any(d["rule"] not in weak for d in found)}
    for name, found in found_by.items():
        # a topic named only in passing (网点 as the place, 转账 as the means) gives way
        # to a topic the text is about, unless it is where that topic happened
        if strong and name not in strong and not (_KEPT_BESIDE.get(name, frozenset()) & strong):
            continue
        labels.append(name)
        evidence.extend(found)
    if not labels:
        span = _first_substantive_clause(prep)
        if span is not None:
            s, e, quote = prep.evidence_text(*span)
            labels.append(OTHER)
            evidence.append(
                {"category": OTHER, "start": s, "end": e, "text": quote, "rule": "fallback"}
            )
    if len(evidence) > 1:
        evidence.sort(key=lambda d: (d["start"], d["end"], _CATEGORY_RANK[d["category"]]))
    return labels, evidence


def categories(texts: Iterable[str] | pd.Series) -> pd.DataFrame:
    """Tag complaint categories (multi-label) with the evidence behind each.

    Parameters
    ----------
    texts : pandas.Series or iterable of str
        One utterance, chat message or written complaint per item (any speaker: an agent
        turn is tagged with the topic it talks about). Missing values (``None``, ``NaN``,
        ``pd.NA``) get ``[]``; any other non-``str`` value raises ``TypeError``. The input
        is never modified.

    Returns
    -------
    pandas.DataFrame
        One row per text, in input order, with the input's index when ``texts`` is a
        Series. Columns:

        ``categories``
            list of taxonomy ids from :data:`cxtext.labels.CATEGORIES`, in that order;
            ``["other"]`` when the text is about something no specific category covers;
            ``[]`` for small talk and missing texts.
        ``category_evidence``
            list of dicts ``{"category", "start", "end", "text", "rule"}`` sorted by
            position; ``start``/``end`` index the original text. ``other`` points at the
            first clause that is not small talk, with rule ``"fallback"``.

    Raises
    ------
    TypeError
        If a text is neither a ``str`` nor missing, or ``texts`` is a single string.

    See Also
    --------
    cxtext.tags.intents.intents : Churn, escalation, repeat and urgency intents.
    cxtext.labels.display_name : Chinese display names (``display_name("category", "fees")``).

    Examples
    --------
    >>> df = categories(["信用卡年费乱扣", "ATM吞卡了", "我想问一下存款利息", "好的，谢谢"])
    >>> df["categories"].tolist()
    [['fees', 'credit_card'], ['atm'], ['other'], []]
    >>> [(d["category"], d["text"]) for d in df.loc[0, "category_evidence"]]
    [('credit_card', '信用卡'), ('fees', '年费'), ('fees', '乱扣')]
    """
    _rules()  # compile first: the matching texts depend on the rules' anchors
    series = as_series(texts, "categories", "texts")
    values = text_values(series, "categories")
    prepared = prepare_texts(values)
    labels: list[list[str]] = []
    evidence: list[list[dict]] = []
    cache: dict[str, tuple[list[str], list[dict]]] = {}
    for prep in prepared:
        if prep is None or not prep.text:
            labels.append([])
            evidence.append([])
            continue
        got = cache.get(prep.original)
        if got is None:
            got = cache[prep.original] = _match_text(prep)
            labels.append(got[0])
            evidence.append(got[1])
        else:  # a repeated text: its own copies, so editing one row leaves the others alone
            labels.append(list(got[0]))
            evidence.append([dict(d) for d in got[1]])
    return result_frame({"categories": labels, "category_evidence": evidence}, series.index)
