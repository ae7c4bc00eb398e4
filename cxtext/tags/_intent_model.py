"""Learned churn and escalation detectors beside the intent rules (private helper).

:func:`cxtext.tags.intents.intents` asks the rules first. A customer text the rules leave
without churn (or escalation) is then scored by a small character n-gram model
(``cxtext/resources/models/intents.*``, trained by :func:`cxtext.train.train_intent_model`);
it gets the intent when

* the head's probability reaches the threshold stored in the model card (chosen by grouped
  cross-validation on the development half of the gold set), and
* no rule cue of that intent was seen in the text at all: a cue the rules saw and dropped
  (negated, asked about, hypothetical, someone else's, quoted …) is a veto the model never
  overrides. Agent and system turns are never scored.

The model file holds one head per intent over one shared vocabulary: three classes each
(the intent, the other threat intent only, neither), stored as classes ``"<head>|<class>"``
and softmaxed within the head, so one feature pass serves both intents.

The evidence of a model hit is the clause (between punctuation marks) the head scores
highest, with ``rule`` ``"model:intents"``, so every intent still points at the words that
carry it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final

import numpy as np

from cxtext.tags._linear import (
    _DIGITS_RE,
    _MENTION_RE,
    _REPEAT_RE,
    _URL_RE,
    LinearModel,
    _finish,
    last_batch_rows,
    load_linear_model,
    packaged_model_path,
)
from cxtext.tags._rules import Context, Cue, Prepared, RuleSet, prepare_texts

#: File stem of the model in ``cxtext/resources/models``.
MODEL_NAME: Final = "intents"
#: The ``rule`` value of a model hit's evidence.
MODEL_RULE: Final = f"model:{MODEL_NAME}"
#: Texts shorter than this (characters) are not scored: too little context for n-grams
#: (every churn or escalation item of the gold development half has at least 9), and the
#: rules already cover the short explicit forms (我要销户, 打12378).
MIN_CHARS: Final = 6
_CLAUSE_RE: Final = re.compile(r"[^，。！？；,.!?;\n…～~]+")


@cache
def intent_model() -> tuple[LinearModel, dict[str, float], re.Pattern[str]] | None:
    """The shipped model, its threshold per head and its gate (a text the gate does not
    find is not scored), or ``None`` when the model is absent."""
    path = packaged_model_path(MODEL_NAME)
    if not path.is_file():
        return None
    model = load_linear_model(path)
    gate = re.compile("[" + re.escape(model.card["gate_chars"]) + "]")
    return model, {k: float(v) for k, v in model.card["thresholds"].items()}, gate


def model_text(matching_text: str) -> str:
    """What the detectors read: the rules' matching text (width, Traditional -> Simplified,
    lower case, ASR spacing) finished as :func:`cxtext.tags._linear.prepare_text` finishes a
    text (URLs and @mentions out, numbers as ``0``, 4+ repeats cut to 3), so that
    ``prepare_text(model_text(t)) == model_text(t)`` and the rules' normalisation is reused."""
    text = matching_text
    if "http" in text or "www" in text:
        text = _URL_RE.sub(" ", text)
    if "@" in text:
        text = _MENTION_RE.sub(" ", text)
    return _finish(_REPEAT_RE.sub(r"\1\1\1", _DIGITS_RE.sub("0", text)))


def _model_texts_of(matching: Sequence[str]) -> list[str]:
    """:func:`model_text` of many matching texts (the regular expressions run once over the
    batch joined by NUL, which no pattern crosses; URLs and @mentions are taken out of the
    texts that have them first, one by one)."""
    if not matching:
        return []
    texts = list(matching)
    joined = "\0".join(texts)
    if "http" in joined or "www" in joined or "@" in joined:
        # a mention pattern could run across a NUL: clean those texts on their own
        for i, text in enumerate(texts):
            if "http" in text or "www" in text:
                text = _URL_RE.sub(" ", text)
            if "@" in text:
                text = _MENTION_RE.sub(" ", text)
            texts[i] = text
        joined = "\0".join(texts)
    # a NUL inside a text, or a run of them (empty texts), would split or repeat wrongly
    if "\0\0" in joined or joined.count("\0") != len(texts) - 1:
        return [model_text(t) for t in matching]
    joined = _DIGITS_RE.sub("0", joined)
    if _REPEAT_RE.search(joined) is not None:
        joined = _REPEAT_RE.sub(r"\1\1\1", joined)
    return [_finish(t) for t in joined.split("\0")]


def model_texts(texts: Sequence[str]) -> list[str]:
    """:func:`model_text` of raw texts (training and clause scoring)."""
    return [model_text(p.text) if p is not None else "" for p in prepare_texts(list(texts))]


def _prepared_scores(model: LinearModel, docs: Sequence[str]) -> np.ndarray:
    """``model.prepared_scores(docs)``. In ``cx.tag`` the sentiment and emotion models have
    just cut the same customer texts into n-grams, and most of them read the same to both
    (:func:`model_text` and ``prepare_text`` differ on whitespace, 著 and a few other
    characters): those texts reuse that batch's (text, n-gram) pairs (a text's scores do
    not depend on the other texts scored with it)."""
    held = last_batch_rows(docs, *model.features.ngram_range) >= 0
    if held.all() or not held.any():
        return model.prepared_scores(docs)
    inside, outside = np.flatnonzero(held).tolist(), np.flatnonzero(~held).tolist()
    out = np.empty((len(docs), len(model.classes)))
    # the held texts first: scoring the others replaces the kept batch
    out[inside] = model.prepared_scores([docs[i] for i in inside])
    out[outside] = model.prepared_scores([docs[i] for i in outside])
    return out


def head_proba(model: LinearModel, docs: Sequence[str]) -> dict[str, np.ndarray]:
    """P(head's intent) of each :func:`model_text` text, per head: softmax within each
    head's classes ``"<head>|<class>"``; a model without ``|`` in its class names is one
    head, and P of each of its classes is returned."""
    heads: dict[str, tuple[list[int], int]] = {}  # head -> (its columns, its own class)
    if "|" not in model.classes[0]:
        every = list(range(len(model.classes)))
        heads = {c: (every, j) for j, c in enumerate(model.classes)}
    else:
        columns: dict[str, list[int]] = {}
        for j, name in enumerate(model.classes):
            columns.setdefault(name.partition("|")[0], []).append(j)
        heads = {h: (cols, cols.index(model.classes.index(f"{h}|{h}")))
                 for h, cols in columns.items()}
    if not docs:
        return {h: np.zeros(0) for h in heads}
    scores = _prepared_scores(model, docs)
    out = {}
    for head, (cols, own) in heads.items():
        block = scores[:, cols]
        block = np.exp(block - block.max(axis=1, keepdims=True))
        out[head] = block[:, own] / block.sum(axis=1)
    return out


def evidence_span(model: LinearModel, intent: str, text: str) -> tuple[int, int]:
    """``(start, end)`` of the clause of ``text`` that the ``intent`` head scores highest."""
    return evidence_spans(model, [(intent, text)])[0]


def evidence_spans(
    model: LinearModel, hits: Sequence[tuple[str, str]]
) -> list[tuple[int, int]]:
    """:func:`evidence_span` of each ``(intent, text)``, the clauses of every text scored in
    one batch (a clause's scores do not depend on the others scored with it)."""
    clauses: list[list[tuple[int, int]]] = []
    pieces: list[str] = []
    for _, text in hits:
        spans = [m.span() for m in _CLAUSE_RE.finditer(text) if m.group().strip()]
        clauses.append(spans)
        if len(spans) > 1:
            pieces.extend(text[a:b] for a, b in spans)
    proba = head_proba(model, model_texts(pieces)) if pieces else {}
    out = []
    at = 0
    for (intent, text), spans in zip(hits, clauses, strict=True):
        if not spans:
            out.append((0, len(text)))
            continue
        if len(spans) > 1:
            best = int(np.argmax(proba[intent][at:at + len(spans)]))
            at += len(spans)
            spans = [spans[best]]
        start, end = spans[0]
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append((start, end))
    return out


def any_cue(cue: Cue, ctx: Context) -> bool:
    """A keeper that keeps every cue match: ``has_match`` with it tells whether a cue occurs."""
    return True


def add_model_hits(
    prepared: Sequence[Prepared | None],
    flags: np.ndarray,
    evidence: list[list[dict]],
    rules: RuleSet,
    names: Sequence[str],
) -> None:
    """Add the model hits to ``flags`` (intents in ``names`` order x texts) and ``evidence``.

    Only prepared (customer), non-empty texts without a rule hit for an intent are scored for
    it; a hit is kept only when no rule cue of the intent occurs in the text (see the module
    docstring), and only texts of at least :data:`MIN_CHARS` characters that the model's gate
    finds (one of a few characters every positive training text holds) are scored at all.
    ``flags`` and ``evidence`` are changed in place.
    """
    loaded = intent_model()
    if loaded is None:
        return
    model, thresholds, gate = loaded
    heads = [(names.index(h), h, t) for h, t in thresholds.items() if h in names]
    need = ~flags[[k for k, _, _ in heads]].all(axis=0)
    find = gate.search
    todo = [i for i in np.flatnonzero(need).tolist()
            if (prep := prepared[i]) is not None and len(prep.text) >= MIN_CHARS
            and find(prep.text)]
    if not todo:
        return
    proba = head_proba(model, _model_texts_of([prepared[i].text for i in todo]))  # type: ignore[union-attr]
    order = {name: n for n, name in enumerate(names)}
    hits = []  # (intent row, head, text number): each (row, text) once
    for k, head, threshold in heads:
        for j in np.flatnonzero(proba[head] >= threshold).tolist():
            i = todo[j]
            prep = prepared[i]
            if flags[k, i] or prep is None or rules.has_match(prep, any_cue, head):
                continue  # a rule hit already, or a cue the rules dropped: their veto stands
            hits.append((k, head, i))
    spans = evidence_spans(model, [(head, prepared[i].original) for _, head, i in hits])  # type: ignore[union-attr]
    for (k, head, i), (start, end) in zip(hits, spans, strict=True):
        original = prepared[i].original  # type: ignore[union-attr]
        flags[k, i] = True
        evidence[i] = sorted(
            [*evidence[i], {"intent": head, "start": start, "end": end,
                            "text": original[start:end], "rule": MODEL_RULE}],
            key=lambda d: (d["start"], d["end"], order[d["intent"]]),
        )
