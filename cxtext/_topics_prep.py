"""Input handling for topic discovery (private): what a document is and how it is tokenised.

A *document* is one conversation: the chosen speakers' turns (customers by default), each
normalised (width, traditional -> simplified, ASR fillers, emoji) and masked
(:func:`~cxtext.text.pii.mask_pii`), keeping only turns with at least one content word.
Three views of it are built:

* ``turns``: the masked turns, from which representative quotes are taken;
* ``docs``: the turns joined by :data:`TURN_SEP`, with no spaces, for BERTopic's
  CountVectorizer (BERTopic joins a topic's documents with spaces, so the tokenizer can cut
  each document and each turn on its own and reuse the turn's cached tokens);
* ``embed_texts``: the turns joined by "。", cut to ``max_chars``, for the sentence encoder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import pandas as pd

from cxtext import labels
from cxtext.errors import CxTextError

__all__ = ["TURN_SEP", "DocTokenizer", "Prepared", "prepare"]

#: Separator between turns inside a BERTopic document (never left in normalised text).
TURN_SEP: Final = "\u2029"
_SPACE_RE: Final = re.compile(r"\s+")
# Amounts, dates, codes and read-out digits are not topics: tokens made only of digits,
# Chinese numerals, number punctuation and units (五千元, 三号, 2025年), or holding a run of
# 5+ digits (codes, partial numbers).
_NUMERIC_RE: Final = re.compile(
    r"[0-9０-９零〇一二三四五六七八九十百千万亿两幺点.,，%:：/\-元块钱角号年月日]+"
)
_LONG_DIGITS_RE: Final = re.compile(r"\d{5,}")
_BRACKETED_RE: Final = re.compile(r"^\[[^\[\]]*\]$")
_RESERVED: Final = frozenset({"emptydoc"})  # what BERTopic writes for an empty document


class DocTokenizer:
    """CountVectorizer tokenizer: the project's Segmenter, per turn, with a token filter.

    Splits BERTopic's space-joined text into documents and each document into turns
    (:data:`TURN_SEP`), cuts each turn with the Segmenter (jieba + banking dictionary +
    stopwords; placeholders dropped) and keeps tokens of at least ``min_word_length``
    characters that are neither placeholders nor numbers. Whitespace never splits words
    inside a turn: the text there has none.

    Parameters
    ----------
    segmenter : Segmenter
    min_word_length : int
    """

    def __init__(self, segmenter: Any, min_word_length: int = 2) -> None:
        self.segmenter = segmenter
        self.min_word_length = min_word_length
        self._memo: dict[str, tuple[str, ...]] = {}
        self._protected: frozenset[str] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"segmenter": self.segmenter, "min_word_length": self.min_word_length}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["segmenter"], state["min_word_length"])  # type: ignore[misc]

    def _protected_words(self) -> frozenset[str]:
        if self._protected is None:
            from cxtext.text.segment import load_banking_dictionary

            self._protected = frozenset(w for w, _, _ in load_banking_dictionary())
        return self._protected

    def keep(self, token: str) -> bool:
        """Whether ``token`` may be a topic word."""
        if len(token) < self.min_word_length or token in _RESERVED:
            return False
        if _BRACKETED_RE.match(token):
            return False
        if token in self._protected_words():
            return True
        return not (_NUMERIC_RE.fullmatch(token) or _LONG_DIGITS_RE.search(token))

    def turn_tokens(self, turn: str) -> tuple[str, ...]:
        """Kept tokens of one turn (memoised until :meth:`clear`)."""
        hit = self._memo.get(turn)
        if hit is None:
            hit = tuple(t for t in self.segmenter.cut(turn) if self.keep(t))
            self._memo[turn] = hit
        return hit

    def __call__(self, text: str) -> list[str]:
        out: list[str] = []
        for doc in text.split(" "):
            for turn in doc.split(TURN_SEP):
                if turn:
                    out.extend(self.turn_tokens(turn))
        return out

    def clear(self) -> None:
        """Forget memoised tokens."""
        self._memo = {}


@dataclass
class Prepared:
    """Documents built from the input, one per conversation, in input order."""

    ids: list[str]
    started_at: pd.Series | None
    turns: list[list[str]]
    docs: list[str]
    embed_texts: list[str]

    @property
    def has_content(self) -> np.ndarray:
        return np.fromiter((bool(t) for t in self.turns), bool, len(self.turns))


def _is_corpus(data: object) -> bool:
    return isinstance(getattr(data, "turns", None), pd.DataFrame) and isinstance(
        getattr(data, "conversations", None), pd.DataFrame
    )


def _str_ids(values: Iterable[Any]) -> list[str]:
    out = []
    for v in values:
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        out.append(str(v))
    return out


def _texts(values: Sequence[Any], owner: str) -> list[str | None]:
    out: list[str | None] = []
    for i, v in enumerate(values):
        if isinstance(v, str):
            out.append(v)
        elif v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
            out.append(None)
        else:
            raise TypeError(
                f"{owner} expects texts as str (or missing); item {i} is "
                f"{type(v).__name__}: {v!r:.60}"
            )
    return out


def _speaker_ids(values: pd.Series) -> pd.Series:
    from cxtext.schema import SPEAKER_ALIASES

    key = values.astype(str).str.strip().str.lower()
    return key.map(SPEAKER_ALIASES).fillna(key)


def as_turns(
    data: Any, speakers: Sequence[str] | None, owner: str
) -> tuple[pd.DataFrame, list[str], pd.Series | None]:
    """Normalise every accepted input to (turns[conversation_id, text], ids, started_at)."""
    started: pd.Series | None = None
    if _is_corpus(data):
        conv = data.conversations
        turns = data.turns
        ids = _str_ids(conv["conversation_id"])
        if "started_at" in conv:
            started = pd.Series(pd.to_datetime(conv["started_at"], errors="coerce").to_numpy(),
                                index=ids)
    elif isinstance(data, pd.DataFrame):
        if "text" not in data.columns:
            raise CxTextError(
                f"{owner}: the table has no 'text' column (columns: {list(map(str, data.columns))}"
                "). Pass a turns table, a table of complaints with a 'text' column, a Corpus "
                "(cx.read_corpus) or a list of texts."
            )
        turns = data
        if "conversation_id" in data.columns:
            ids = list(dict.fromkeys(_str_ids(data["conversation_id"])))
        else:
            turns = data.assign(conversation_id=_str_ids(data.index))
            ids = list(turns["conversation_id"])
            if len(set(ids)) != len(ids):
                raise CxTextError(f"{owner}: the table's index has duplicates; give it a "
                                  "'conversation_id' column or reset_index()")
        if "started_at" in data.columns:
            first = turns.assign(_cid=_str_ids(turns["conversation_id"])).drop_duplicates("_cid")
            started = pd.Series(
                pd.to_datetime(first["started_at"], errors="coerce").to_numpy(),
                index=first["_cid"].tolist(),
            ).reindex(ids)
    elif isinstance(data, str):
        raise TypeError(f"{owner} expects many texts (a list, Series, table or Corpus), got "
                        "one str: wrap it in a list")
    elif isinstance(data, pd.Series):
        ids = _str_ids(data.index)
        if len(set(ids)) != len(ids):
            ids = [str(i) for i in range(len(data))]
        turns = pd.DataFrame({"conversation_id": ids, "text": data.to_numpy(dtype=object)})
    elif isinstance(data, Iterable):
        values = list(data)
        ids = [str(i) for i in range(len(values))]
        turns = pd.DataFrame({"conversation_id": ids, "text": pd.Series(values, dtype=object)})
    else:
        raise TypeError(f"{owner} expects a Corpus, a DataFrame or a list of texts, got "
                        f"{type(data).__name__}")

    frame = pd.DataFrame({
        "conversation_id": _str_ids(turns["conversation_id"]),
        "text": _texts(turns["text"].tolist(), owner),
    })
    if "turn" in turns.columns:
        frame["turn"] = pd.to_numeric(turns["turn"], errors="coerce").to_numpy()
    if "speaker" in turns.columns and speakers is not None:
        spk = _speaker_ids(turns["speaker"].reset_index(drop=True))
        frame = frame[spk.isin(list(speakers)).to_numpy()]
    if "turn" in frame.columns:
        order = {cid: i for i, cid in enumerate(ids)}
        frame = frame.assign(_o=frame["conversation_id"].map(order))
        frame = frame.sort_values(["_o", "turn"], kind="stable").drop(columns=["_o", "turn"])
    return frame.reset_index(drop=True), ids, started


def _clean(unique_texts: list[str], normalize: bool) -> list[str]:
    from cxtext.text.normalize import normalize as normalize_many
    from cxtext.text.pii import mask_pii

    texts = normalize_many(unique_texts).tolist() if normalize else list(unique_texts)
    return [mask_pii(t) for t in texts]


def prepare(
    data: Any,
    *,
    speakers: Sequence[str] | None,
    normalize: bool,
    max_chars: int,
    tokenizer: DocTokenizer,
    owner: str,
) -> Prepared:
    """Build the documents (see the module docstring)."""
    frame, ids, started = as_turns(data, speakers, owner)
    frame = frame[frame["text"].notna()]
    codes, uniques = pd.factorize(frame["text"], sort=False)
    cleaned = _clean([str(u) for u in uniques], normalize)
    # a turn is content when it keeps a token; the memo makes BERTopic's pass free
    content = [bool(tokenizer.turn_tokens(_SPACE_RE.sub("，", c))) for c in cleaned]
    keep = np.fromiter((content[c] for c in codes), bool, len(codes))
    kept = frame.assign(clean=[cleaned[c] for c in codes])[keep]
    grouped = kept.groupby("conversation_id", sort=False)["clean"].agg(list)
    turns = [grouped.get(cid, []) for cid in ids]
    docs = [TURN_SEP.join(_SPACE_RE.sub("，", t) for t in ts) for ts in turns]
    embed_texts = []
    for ts in turns:
        text = "。".join(t.rstrip("。.!！?？") for t in ts)
        embed_texts.append(text[:max_chars])
    return Prepared(ids=ids, started_at=started, turns=turns, docs=docs,
                    embed_texts=embed_texts)


def speaker_names() -> tuple[str, ...]:
    """The canonical speaker ids accepted by ``speakers``."""
    return tuple(labels.SPEAKERS)
