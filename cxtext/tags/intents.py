"""Rule-based customer intents: churn, escalation, repeat contact and urgency.

:func:`intents` tags each text with four booleans and the evidence that fired
them. The rules live in ``cxtext/resources/rules/intents.tsv`` (format and
decisions in ``intents.md`` beside it); this module is the small engine that
applies them.

How a text is read
------------------
1. The text is normalised for matching (full/half width, Traditional → Simplified,
   ASCII lower case, ASR spacing removed) without losing track of positions, so
   every evidence span indexes the **original** text: ``text[start:end]`` is the
   trigger as the customer wrote it (``銷戶`` in a Traditional text).
2. A *cue* (销户, 转到别的银行, 12378, 第三次打来, 急用 …) proposes an intent.
3. The cue is dropped when, within its clause or sentence:

   * a negator stands before it in the same scope (我不会销户, 我没说要告你们,
     钱我暂时不取走); ``就``/``才``/``的话``/``但是`` … end a negator's scope, so a
     conditional threat stays a threat (如果再不处理我就销户, 不退我就去消协);
   * its clause is a procedure or information question (销户需要什么材料,
     12378是什么电话, 转到别的银行收费不, 咨询一下注销的事) — unless it is a rhetorical
     threat (是不是非得等我找监管才肯处理) or follows a stated decision (我要销户，需要带什么);
   * it sits in the antecedent of a hypothetical (如果销户的话零钱怎么处理), or its clause
     is the condition of a question that follows (注销账户的话，卡里的利息怎么结？);
   * it is the consequent of a counterfactual (要不是…，我早就换银行了) — but
     要不是你们乱扣费，我也不会销户 is churn: there the negator is a double negative;
   * it is hearsay (网上说可以在App上销户) or denied (谁会销户, 我从没说过…);
   * someone else is the subject (我朋友说要销户, 催收说要起诉我; a bank employee's words
     reach only to the end of their clause: 客服说这是规定，那行，销户 is churn), it is quoted
     (柜员说“嫌麻烦就去别的银行”), passive (账户要被注销), withdrawn
     (上次说要销户是气话), counterfactual (要不是朋友劝我，我早就去监管投诉了);
   * it has another sense: 注销 of 户口/手机号/营业执照/抵押/手机银行, a secondary
     card while the main one stays (副卡注销、主卡继续用), money moving **to** the
     bank, a police report about a scammer, 律师 collecting statements, 监管规定,
     a journalist asking for an interview, 马上 describing the customer's own next
     step (查出来我马上就销户 is churn, not urgency), 停卡 to stop fraud (卡被盗刷了，快帮我停卡);
   * it is a topic declined right after it (销户我就不办了, 律师我不请了).

Agent and system turns never carry customer intents (all ``False``, evidence ``[]``),
even when the agent repeats the customer's threat.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

import numpy as np
import pandas as pd

from cxtext.labels import INTENTS
from cxtext.tags._rules import (
    Context,
    Cue,
    Filter,
    LabelRules,
    RuleSet,
    as_series,
    compile_rule_table,
    passes_filters,
    prepare_texts,
    result_frame,
    speaker_values,
    text_values,
)

__all__ = ["INTENT_COLUMNS", "intents"]

#: Intent ids in output order (the keys of :data:`cxtext.labels.INTENTS`).
INTENT_NAMES: Final[tuple[str, ...]] = tuple(INTENTS)
#: Columns of :func:`intents`, in order.
INTENT_COLUMNS: Final[tuple[str, ...]] = (
    *(f"intent_{name}" for name in INTENT_NAMES),
    "intent_evidence",
)

RULE_FILE: Final = "intents.tsv"
_EXTRA_KINDS: Final = (
    "breaker", "question", "question_end", "rhetorical", "decision", "counterfactual",
    "antecedent",
)
_CUE_FLAGS: Final = ("selfneg", "strong")
#: How far (characters) before and after a cue the question check looks within its clause.
_QUESTION_REACH: Final = 14


@lru_cache(maxsize=1)
def _rules() -> RuleSet:
    """Compile ``intents.tsv`` once per process."""
    return compile_rule_table(
        RULE_FILE, INTENT_NAMES, cue_flags=_CUE_FLAGS, extra_kinds=_EXTRA_KINDS
    )


def _negator_scope(ctx: Context, breaker: re.Pattern[str] | None) -> str:
    """The clause text before the cue, after the last word that ends a negator's scope."""
    prefix = ctx.prefix
    if breaker is None or not prefix:
        return prefix
    last = None
    for last in breaker.finditer(prefix):  # noqa: B007 - we want the last match
        pass
    return prefix[last.end():] if last is not None else prefix


def _is_negator(f: Filter) -> bool:
    return f.scope == "prefix" and f.rule.startswith("neg")


def _keeper(rules: LabelRules):
    """The acceptance test of one intent's cues (blocks, requirements, question check)."""
    breaker = rules.extra["breaker"]
    question = rules.extra["question"]
    question_end = rules.extra["question_end"]
    rhetorical = rules.extra["rhetorical"]
    decision = rules.extra["decision"]
    counterfactual = rules.extra["counterfactual"]
    antecedent = rules.extra["antecedent"]
    negators = tuple(f for f in rules.filters if _is_negator(f))

    def keep(cue: Cue, ctx: Context) -> bool:
        if ctx.in_quote():
            return False
        selfneg = "selfneg" in cue.flags
        neg_scope = _negator_scope(ctx, breaker)
        if counterfactual is not None and counterfactual.search(ctx.before):
            # 要不是P，我早就销户了: it did not happen. 要不是P，我也不会销户: it did (a
            # double negative), so the negator keeps the cue instead of dropping it.
            scope = neg_scope.rpartition("要不是")[2]
            negated = any(f.applies_to(cue.rule) and f.regex.search(scope) for f in negators)
            if selfneg or not negated:
                return False
            skip_neg = True
        else:
            skip_neg = selfneg
        if not passes_filters(
            cue, ctx, rules.filters,
            negator_prefix=neg_scope,
            skip=_is_negator if skip_neg else None,
        ):
            return False
        if question is None or "strong" in cue.flags:
            return True
        # the cue itself is left out (银什么监 is an ASR guess at a name, not a question)
        # near the cue only: an unpunctuated ASR turn is one long clause, and a question
        # asked ten words earlier says nothing about the cue
        prefix, suffix = ctx.prefix[-_QUESTION_REACH:], ctx.suffix[:_QUESTION_REACH]
        asks = (
            ctx.clause_end_mark == "?"
            or question.search(prefix) is not None
            or question.search(suffix) is not None
            or (question_end is not None and question_end.search(ctx.suffix) is not None)
        )
        if not asks and antecedent is not None and antecedent.search(ctx.suffix):
            # the clause is the condition of what follows: 注销账户的话，利息怎么结？
            lo, hi = ctx.clause_bounds[1], ctx.sentence_bounds[1]
            asks = ctx.sentence_end_mark == "?" or question.search(ctx.text, lo, hi) is not None
        if not asks:
            return True
        if rhetorical is not None and rhetorical.search(ctx.sentence):
            return True
        return decision is not None and decision.search(ctx.prefix) is not None

    return keep


@lru_cache(maxsize=1)
def _keepers() -> dict[str, object]:
    return {name: _keeper(r) for name, r in _rules().items()}


#: Position of each intent in :data:`INTENT_NAMES` (row of the flag matrix, sort key).
_INTENT_ROW: Final[dict[str, int]] = {name: k for k, name in enumerate(INTENT_NAMES)}


def _sorted_evidence(found: dict[str, list[dict]]) -> list[dict]:
    """The evidence of every intent found, by position (then intent order)."""
    evidence = [d for name in INTENT_NAMES for d in found.get(name, ())]
    if len(evidence) > 1:
        evidence.sort(key=lambda d: (d["start"], d["end"], _INTENT_ROW[d["intent"]]))
    return evidence


def intents(
    texts: Iterable[str] | pd.Series,
    speaker: str | Iterable[str] | pd.Series = "customer",
    *,
    model: bool = True,
) -> pd.DataFrame:
    """Tag churn, escalation, repeat-contact and urgency intents, with evidence.

    Parameters
    ----------
    texts : pandas.Series or iterable of str
        One utterance, chat message or written complaint per item. Missing values
        (``None``, ``NaN``, ``pd.NA``) get no tags; any other non-``str`` value
        raises ``TypeError``. The input is never modified.
    speaker : str or iterable of str, default "customer"
        Who speaks: one value for every text, or one per text. ``customer``,
        ``agent``, ``system`` or an alias the turns table accepts (客户, 客服, 坐席 …).
        Agent and system turns never carry customer intents. A missing speaker is
        read as ``customer``.
    model : bool, default True
        Also ask the learned churn and escalation detectors
        (``cxtext/resources/models/intents.*``) about customer texts the rules leave
        without that intent; a text in which the rules saw a cue and dropped it (negated,
        asked about, someone else's …) is never overridden. ``False``: rules only.

    Returns
    -------
    pandas.DataFrame
        One row per text, in input order, with the input's index when ``texts`` is a
        Series (else a ``RangeIndex``). Columns:

        ``intent_churn``, ``intent_escalation``, ``intent_repeat``, ``intent_urgency``
            bool.
        ``intent_evidence``
            list of dicts ``{"intent", "start", "end", "text", "rule"}``, one per
            trigger that fired, sorted by position; ``start``/``end`` index the
            original text and ``text`` is ``original[start:end]``; ``rule`` names
            the rule in ``intents.tsv`` (``model:intents`` for a model hit, whose
            span is the clause the model scores highest). ``[]`` when nothing fired.

    Raises
    ------
    TypeError
        If a text is neither a ``str`` nor missing, or ``texts`` is a single string.
    ValueError
        If a speaker is unknown or the number of speakers differs from the number of texts.

    See Also
    --------
    cxtext.tags.taxonomy.categories : Complaint categories of the same texts.

    Notes
    -----
    Rules first: precise on the phrasings they know, blind to the rest; the small
    character n-gram models add churn and escalation phrasings the rules have no cue for.
    Figures on the gold set are in ``benchmarks/results/intents.json``.

    Examples
    --------
    >>> df = intents(["如果再不处理我就销户", "我不会销户的", "銷戶需要什麼材料？"])
    >>> df["intent_churn"].tolist()
    [True, False, False]
    >>> df.loc[0, "intent_evidence"]
    [{'intent': 'churn', 'start': 8, 'end': 10, 'text': '销户', 'rule': 'close_account'}]
    >>> intents(["您是要销户吗？"], speaker="agent")["intent_churn"].tolist()
    [False]
    >>> row = intents(["我急用钱，上次说好的退款还没到"]).iloc[0]
    >>> bool(row["intent_repeat"]), bool(row["intent_urgency"])
    (True, True)
    """
    _rules()  # compile first: the matching texts depend on the rules' anchors
    series = as_series(texts, "intents", "texts")
    values = text_values(series, "intents")
    speakers = speaker_values(speaker, len(values), "intents")
    n = len(values)
    flags = np.zeros((len(INTENT_NAMES), n), dtype=bool)
    evidence: list[list[dict]] = [[] for _ in range(n)]
    todo = [v if sp in ("customer", None) else None for v, sp in zip(values, speakers, strict=True)]
    prepared = prepare_texts(todo)
    rules, keepers, row_of = _rules(), _keepers(), _INTENT_ROW
    # text -> (rows of the intents found, evidence); most texts find nothing: their row
    # keeps the False flags and the empty list it starts with
    cache: dict[str, tuple[list[int], list[dict]] | None] = {}
    for i, prep in enumerate(prepared):
        if prep is None or not prep.text:
            continue
        original = prep.original
        if original in cache:
            got = cache[original]
            if got is None:
                continue
            rows, row_ev = got[0], [dict(d) for d in got[1]]  # a repeat gets its own copies
        else:
            found = rules.scan(prep, keepers, "intent")
            if not found:
                cache[original] = None
                continue
            rows, row_ev = [row_of[name] for name in found], _sorted_evidence(found)
            cache[original] = (rows, row_ev)
        flags[rows, i] = True
        evidence[i] = row_ev
    if model:  # the learned detectors (issue #3): see cxtext/tags/_intent_model.py
        from cxtext.tags._intent_model import add_model_hits

        add_model_hits(prepared, flags, evidence, rules, INTENT_NAMES)
    columns: dict[str, list[object] | np.ndarray] = {
        f"intent_{name}": flags[k] for k, name in enumerate(INTENT_NAMES)
    }
    columns["intent_evidence"] = evidence
    return result_frame(columns, series.index)
