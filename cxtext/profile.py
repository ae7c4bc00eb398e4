"""Corpus profile: volumes, lengths, speakers and personal data found, as tables.

Feeds the ``corpus_profile`` report and is useful on its own when a new export
arrives: how much is there, from which channels and months, how long are the
conversations, and how much personal data had to be masked.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cxtext import labels
from cxtext.io import Corpus, conversations_from_turns
from cxtext.schema import validate
from cxtext.text.normalize import has_traditional
from cxtext.text.pii import PII_TYPES, mask_pii_many


@dataclass
class CorpusProfile:
    """Tables describing a corpus. Every table is a plain DataFrame.

    Attributes
    ----------
    summary : Series
        Key numbers (conversations, customers, turns, date range, …).
    by_month_channel : DataFrame
        Conversations per month (rows, ``YYYY-MM``) and channel (columns).
    by_channel : DataFrame
        Per channel: conversations, share, turns and customer characters per
        conversation, mean duration.
    lengths : DataFrame
        One row per conversation: ``channel``, ``n_turns``, ``customer_chars``.
    speakers : DataFrame
        Turns and characters per speaker.
    pii : DataFrame
        Personal data found and masked, per type and speaker (counts only).

    Examples
    --------
    >>> import pandas as pd
    >>> turns = pd.DataFrame({"conversation_id": ["c1", "c1"], "speaker": ["agent", "customer"],
    ...                       "text": ["您好", "我的手机号是13812345678"]})
    >>> profile = profile_corpus(turns)          # built by cx.profile_corpus
    >>> profile.speakers["turns"].to_dict()
    {'customer': 1, 'agent': 1}
    >>> int(profile.summary["turns_with_pii"])
    1
    """

    summary: pd.Series
    by_month_channel: pd.DataFrame
    by_channel: pd.DataFrame
    lengths: pd.DataFrame
    speakers: pd.DataFrame
    pii: pd.DataFrame

    def __repr__(self) -> str:
        # A notebook shows this when a cell ends with `profile`: the key numbers and the
        # tables to look at, not six frames printed one after the other.
        s = self.summary

        def count(key: str) -> str:
            value = s.get(key)
            return "?" if value is None or pd.isna(value) else f"{int(value):,}"

        first, last = s.get("first_contact"), s.get("last_contact")
        period = ("no start times" if first is None or pd.isna(first)
                  else f"{pd.Timestamp(first):%Y-%m-%d} … {pd.Timestamp(last):%Y-%m-%d}")
        return (f"CorpusProfile({count('conversations')} conversations, {count('customers')} "
                f"customers, {count('turns')} turns, {period}; tables: .summary, "
                ".by_month_channel, .by_channel, .lengths, .speakers, .pii)")


def profile_corpus(
    conversations: pd.DataFrame | Corpus, turns: pd.DataFrame | None = None
) -> CorpusProfile:
    """Describe a corpus of conversations and their turns.

    Parameters
    ----------
    conversations : DataFrame or Corpus
        The canonical ``conversations`` table, or a :class:`~cxtext.Corpus` from
        :func:`~cxtext.read_corpus` (then leave ``turns`` out).
    turns : DataFrame, optional
        The canonical ``turns`` table. Both tables are validated here; inputs are
        not modified. ``profile_corpus(turns)`` alone (a turns table, no
        conversations table) builds the conversations with
        :func:`~cxtext.conversations_from_turns`.

    Returns
    -------
    CorpusProfile

    Examples
    --------
    >>> import pandas as pd
    >>> conv = pd.DataFrame({"conversation_id": ["c1"], "customer_id": ["u1"],
    ...                      "started_at": ["2025-03-01 10:00"], "channel": ["phone"]})
    >>> turns = pd.DataFrame({"conversation_id": ["c1", "c1"], "speaker": ["agent", "customer"],
    ...                       "text": ["您好", "我的手机号是13812345678"]})
    >>> p = profile_corpus(conv, turns)
    >>> int(p.summary["conversations"]), int(p.pii.loc["phone", "total"])
    (1, 1)
    >>> int(profile_corpus(turns).summary["turns"])       # a turns table alone
    2

    With a corpus folder: ``profile_corpus(cx.read_corpus("corpora/demo"))``.
    """
    if turns is None:
        if isinstance(conversations, Corpus):
            conversations, turns = conversations.conversations, conversations.turns
        elif isinstance(conversations, pd.DataFrame):
            turns = conversations
            conversations = conversations_from_turns(turns)
        else:
            raise TypeError(
                "profile_corpus expects (conversations, turns) DataFrames, a Corpus from "
                f"cx.read_corpus(folder), or a turns DataFrame alone; got "
                f"{type(conversations).__name__}"
            )
    conv = validate(conversations, "conversations")
    tr = validate(turns, "turns")
    missing = sorted(set(tr["conversation_id"]) - set(conv["conversation_id"]))
    if missing:
        from cxtext.errors import CxTextError

        raise CxTextError(
            f"{len(missing)} conversation id(s) in turns have no row in conversations, "
            f"e.g. {missing[:3]}. Build the table with cx.conversations_from_turns(turns)."
        )

    chars = tr["text"].str.len()
    is_cust = (tr["speaker"] == "customer").to_numpy()
    per_conv = pd.DataFrame({
        "n_turns": tr.groupby("conversation_id").size(),
        "customer_chars": chars[is_cust].groupby(tr.loc[is_cust, "conversation_id"]).sum(),
    }).fillna({"customer_chars": 0})
    lengths = (
        conv.set_index("conversation_id")[["channel"]]
        .join(per_conv, how="left")
        .fillna({"n_turns": 0, "customer_chars": 0})
        .astype({"n_turns": int, "customer_chars": int})
    )

    month = conv["started_at"].dt.strftime("%Y-%m")
    channel_order = [c for c in labels.CHANNELS if c in set(conv["channel"].dropna())]
    by_month_channel = (
        pd.crosstab(month, conv["channel"]).reindex(columns=channel_order, fill_value=0)
        if conv["started_at"].notna().any() else pd.DataFrame(columns=channel_order)
    )
    by_month_channel.index.name = "month"
    by_month_channel.columns.name = "channel"

    dur = conv.set_index("conversation_id")["duration_s"]
    by_channel = lengths.join(dur).groupby("channel").agg(
        conversations=("n_turns", "size"),
        turns_mean=("n_turns", "mean"),
        customer_chars_median=("customer_chars", "median"),
        duration_s_mean=("duration_s", "mean"),
    ).reindex(channel_order)
    by_channel.insert(1, "share", by_channel["conversations"] / max(len(conv), 1))

    speakers = pd.DataFrame({
        "turns": tr.groupby("speaker").size(),
        "chars": chars.groupby(tr["speaker"]).sum(),
    }).reindex([s for s in labels.SPEAKERS if s in set(tr["speaker"])])
    speakers["chars_per_turn"] = speakers["chars"] / speakers["turns"]

    found = mask_pii_many(tr["text"])
    counts = found[[f"pii_{t}" for t in PII_TYPES]].groupby(tr["speaker"].to_numpy()).sum().T
    counts.index = list(PII_TYPES)
    counts = counts.reindex(columns=[s for s in labels.SPEAKERS if s in counts.columns])
    counts["total"] = counts.sum(axis=1)
    counts["turns_with"] = [(found[f"pii_{t}"] > 0).sum() for t in PII_TYPES]

    trad = tr["text"].map(has_traditional)
    n_trad_conv = tr.loc[trad.to_numpy(), "conversation_id"].nunique()
    started = conv["started_at"].dropna()
    summary = pd.Series({
        "conversations": len(conv),
        "customers": conv["customer_id"].nunique(),
        "turns": len(tr),
        "customer_turns": int(is_cust.sum()),
        "first_contact": started.min() if len(started) else pd.NaT,
        "last_contact": started.max() if len(started) else pd.NaT,
        "months": int(month.nunique()),
        "channels": len(channel_order),
        "turns_per_conversation": float(np.round(lengths["n_turns"].mean(), 2)),
        "customer_chars_median": float(lengths["customer_chars"].median()),
        "pii_found": int(counts["total"].sum()),
        "turns_with_pii": int((found["pii_total"] > 0).sum()),
        "traditional_conversations": int(n_trad_conv),
        "unresolved_share": float(conv["resolved"].eq(False).mean())
        if conv["resolved"].notna().any() else float("nan"),
    })
    return CorpusProfile(summary, by_month_channel, by_channel, lengths, speakers, counts)
