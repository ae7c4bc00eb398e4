"""The DuckDB store: idempotent loads, masking, lossless round-trips, resumable tagging."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import cxtext as cx
from cxtext.store import Store, StoreError

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus(small_corpus: Path) -> cx.Corpus:
    return cx.read_corpus(small_corpus)


def _turns_with_pii() -> pd.DataFrame:
    return pd.DataFrame({
        "conversation_id": ["k1", "k1", "k2"],
        "speaker": ["客服", "客户", "客户"],
        "text": ["您好", "我的手机号是13812345678，年费乱扣，再不退我就销户", "卡被冻结了"],
        "customer_id": ["u1", "u1", "u2"],
        "started_at": ["2025-03-01 10:00", "2025-03-01 10:00", "2025-03-02 21:00"],
        "channel": ["电话", "电话", "微信"],
    })


def test_load_twice_adds_nothing(tmp_path: Path, small_corpus: Path, corpus: cx.Corpus) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as s:
        first = s.load_corpus(small_corpus)
        assert first.inserted == {"customers": len(corpus.customers),
                                  "conversations": len(corpus.conversations),
                                  "turns": len(corpus.turns)}
        assert first.n_rejected == 0
        counts = s.counts()
    # a new process / connection, the same files again: nothing added, everything skipped
    with Store(path) as s:
        again = s.load_corpus(small_corpus)
        assert again.n_inserted == 0
        assert again.skipped == first.inserted
        same_file = s.load(turns=small_corpus / "turns.csv")
        assert same_file.inserted == {"turns": 0}
        assert s.counts() == counts
        loads = s.sql("SELECT table_name, n_inserted FROM _loads ORDER BY load_id, table_name")
        assert loads["n_inserted"].tolist()[:3] == [len(corpus.conversations),
                                                    len(corpus.customers), len(corpus.turns)]


def test_partial_overlap_adds_only_new_rows(corpus: cx.Corpus) -> None:
    conv = corpus.conversations
    ids = conv["conversation_id"].tolist()
    first_ids, later_ids = set(ids[:50]), set(ids[30:])
    t = corpus.turns
    with Store() as s:
        s.load(turns=t[t["conversation_id"].isin(first_ids)],
               conversations=conv[conv["conversation_id"].isin(first_ids)])
        rep = s.load(turns=t[t["conversation_id"].isin(later_ids)],
                     conversations=conv[conv["conversation_id"].isin(later_ids)])
        assert rep.inserted["conversations"] == len(ids) - 50
        assert rep.skipped["conversations"] == 20
        assert s.counts()["turns"] == len(t)
        stored = s.read_table("turns")
        assert not stored.duplicated(["conversation_id", "turn"]).any()


def test_turns_are_masked_by_default_and_opt_out_keeps_text() -> None:
    raw = _turns_with_pii()
    with Store() as s:
        rep = s.load(turns=raw)
        assert rep.inserted == {"conversations": 2, "turns": 3}
        texts = s.read_table("turns")["text"].tolist()
        assert "13812345678" not in "".join(texts)
        assert texts[1] == "我的手机号是[手机号]，年费乱扣，再不退我就销户"
        assert s.sql("SELECT masked FROM _loads WHERE table_name = 'turns'")["masked"].tolist() \
            == [True]
        conv = s.read_table("conversations")
        assert conv["channel"].tolist() == ["phone", "online_chat"]
        assert conv["customer_id"].tolist() == ["u1", "u2"]
    with Store() as s:
        s.load(turns=raw, mask_pii=False)
        assert "13812345678" in s.read_table("turns")["text"].iloc[1]


def test_bad_rows_are_rejected_reported_and_kept_masked() -> None:
    raw = _turns_with_pii()
    raw.loc[3] = ["k3", "路人", "我的手机号是13912345678", "u3", "2025-03-03", "电话"]
    with Store() as s:
        rep = s.load(turns=raw)
        assert rep.inserted["turns"] == 3
        assert rep.n_rejected == 1
        assert rep.rejects.loc[0, "table"] == "turns"
        assert rep.rejects.loc[0, "row"] == 4
        assert "13912345678" not in rep.rejects.loc[0, "record"]
        stored = s.sql("SELECT * FROM _rejects")
        assert len(stored) == 1 and "speaker" in stored.loc[0, "reason"]
        assert "rejected 1" in str(rep)
    with Store() as s:
        with pytest.raises(cx.SchemaError):
            s.load(turns=raw, strict=True)
        assert s.counts()["turns"] == 0


def test_tag_round_trip_is_lossless(corpus: cx.Corpus) -> None:
    ids = corpus.conversations["conversation_id"].head(25)
    turns = corpus.turns[corpus.turns["conversation_id"].isin(ids)]
    with Store() as s:
        s.load(turns=turns, conversations=corpus.conversations, mask_pii=False)
        assert s.tag(chunk_size=7) == 25
        assert s.tag() == 0
        stored_conv = s.read_table("conversation_tags")
        stored_turns = s.read_table("turn_tags")
    expected = cx.tag(turns)
    exp_conv = expected.conversations.sort_values("conversation_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(stored_conv, exp_conv, check_dtype=False)
    # list/dict columns come back as Python lists and dicts, equal to what cx.tag made
    for col in ("categories", "category_evidence", "intent_evidence", "emotion_mix",
                "quality_deductions"):
        assert stored_conv[col].tolist() == exp_conv[col].tolist()
        assert all(isinstance(v, (list, dict)) for v in stored_conv[col])
    exp_turns = expected.turns.drop(columns=["text", "start_s", "end_s"])
    exp_turns = exp_turns.sort_values(["conversation_id", "turn"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(stored_turns, exp_turns[stored_turns.columns])
    assert list(stored_turns.columns) == list(exp_turns.columns)


def test_write_table_round_trip_keeps_dtypes() -> None:
    df = pd.DataFrame({
        "customer_id": ["a", "b", "c"],
        "risk_score": [0.9, 0.5, np.nan],
        "n": pd.array([1, None, 3], dtype="Int64"),
        "flag": [True, False, True],
        "level": pd.Categorical(["高", "中", "高"]),
        "reasons": [["投诉3次", "有销户意向"], [], ["理财亏损"]],
        "mix": [{"anger": 0.5, "neutral": 0.5}, {}, {"joy": 1.0}],
        "evidence": [[{"text": "我要销户", "turn": 3}], [], None],
        "at": pd.to_datetime(["2025-01-01 10:00", None, "2025-02-01 00:00"]),
    })
    with Store() as s:
        assert s.write_table("warnings", df) == 3
        back = s.read_table("warnings")
        pd.testing.assert_frame_equal(back, df)
        s.write_table("warnings", df.head(1), replace=False)
        assert s.counts()["warnings"] == 4
        s.write_table("warnings", df.head(2))
        assert s.counts()["warnings"] == 2
        sub = s.read_table("warnings", columns=["customer_id", "reasons"],
                           where="risk_score > ?", params=[0.6])
        assert sub.to_dict("list") == {"customer_id": ["a"], "reasons": [["投诉3次", "有销户意向"]]}
        with pytest.raises(StoreError, match="no table"):
            s.read_table("nope")
        with pytest.raises(StoreError, match="no column"):
            s.read_table("warnings", columns=["nope"])
        with pytest.raises(StoreError):
            s.write_table("_loads", df)
        with pytest.raises(StoreError):
            s.write_table("bad name;", df)


def test_new_conversations_are_tagged_once_and_new_turns_retag(corpus: cx.Corpus) -> None:
    conv = corpus.conversations
    ids = conv["conversation_id"].tolist()[:30]
    t = corpus.turns[corpus.turns["conversation_id"].isin(ids)]
    first = t[t["conversation_id"].isin(ids[:20])]
    with Store() as s:
        s.load(turns=first, conversations=conv)
        assert s.tag(chunk_size=8) == 20
        runs = s.sql("SELECT count(*) AS n FROM _tag_runs")["n"].iloc[0]
        assert runs == 3
        s.load(turns=t)                      # 10 new conversations, 20 already stored
        assert s.untagged() == ids[20:]
        assert s.tag() == 10
        assert s.counts()["conversation_tags"] == 30
        # a late turn for an already tagged conversation: its tags are cleared and redone
        cid = ids[0]
        last = int(t.loc[t["conversation_id"] == cid, "turn"].max())
        late = pd.DataFrame({"conversation_id": [cid], "turn": [last + 1],
                             "speaker": ["customer"], "text": ["再不处理我就去银保监会投诉"]})
        s.load(turns=late)
        assert s.untagged() == [cid]
        assert s.tag() == 1
        tags = s.read_table("conversation_tags", where="conversation_id = ?", params=[cid])
        assert bool(tags["intent_escalation"].iloc[0]) is True
        n = s.sql("SELECT count(*) AS n FROM turn_tags WHERE conversation_id = ?", [cid])
        assert n["n"].iloc[0] == last + 2
        assert s.counts()["turn_tags"] == s.counts()["turns"]


def test_to_parquet_exports_every_table(tmp_path: Path, corpus: cx.Corpus) -> None:
    ids = corpus.conversations["conversation_id"].head(5)
    with Store() as s:
        s.load(turns=corpus.turns[corpus.turns["conversation_id"].isin(ids)],
               conversations=corpus.conversations, customers=corpus.customers)
        s.tag()
        files = s.to_parquet(tmp_path / "export")
        counts = s.counts()
    names = {f.stem for f in files}
    assert names == set(counts)
    for f in files:
        assert len(pd.read_parquet(f)) == counts[f.stem]
    tags = pd.read_parquet(tmp_path / "export" / "conversation_tags.parquet")
    assert tags["conversation_id"].tolist() == sorted(ids)


def test_read_only_store_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "ro.duckdb"
    with Store(path) as s:
        s.load(turns=_turns_with_pii())
    with Store(path, read_only=True) as s:
        assert s.counts()["turns"] == 3
        with pytest.raises(StoreError, match="read-only"):
            s.load(turns=_turns_with_pii())


_KILL_SCRIPT = textwrap.dedent("""
    import sys, time
    import cxtext as cx

    def progress(done, total):
        print(done, total, flush=True)
        time.sleep(0.05)

    with cx.Store(sys.argv[1]) as store:
        store.tag(chunk_size=int(sys.argv[2]), progress=progress)
    print("finished", flush=True)
""")


def test_kill_during_tagging_then_resume_tags_every_conversation_once(
    tmp_path: Path, demo_dir: Path
) -> None:
    conv = pd.read_csv(demo_dir / "conversations.csv", dtype=str).head(300)
    turns = pd.read_csv(demo_dir / "turns.csv", dtype=str)
    turns = turns[turns["conversation_id"].isin(set(conv["conversation_id"]))]
    path = tmp_path / "kill.duckdb"
    with Store(path) as s:
        s.load(turns=turns, conversations=conv)
        total_turns = s.counts()["turns"]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    proc = subprocess.Popen(
        [sys.executable, "-c", _KILL_SCRIPT, str(path), "10"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=REPO, env=env,
    )
    try:
        first = proc.stdout.readline().split()   # blocks until chunk 1 is committed
        assert first and first[0] == "10", first
        second = proc.stdout.readline().split()
        assert second and second[0] == "20", second
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with Store(path) as s:
        tagged = s.counts().get("conversation_tags", 0)
        assert 20 <= tagged < 300          # finished chunks kept, not everything done
        assert tagged % 10 == 0            # no half chunk: a chunk commits whole or not at all
        assert s.sql("SELECT count(DISTINCT conversation_id) AS n FROM turn_tags")["n"].iloc[0] \
            == tagged
        done = s.tag(chunk_size=50)
        assert done == 300 - tagged
        per_conv = s.sql("SELECT conversation_id, count(*) AS n FROM conversation_tags "
                         "GROUP BY ALL")
        assert len(per_conv) == 300 and per_conv["n"].eq(1).all()
        mismatch = s.sql("""
            SELECT t.conversation_id FROM
              (SELECT conversation_id, count(*) AS n FROM turns GROUP BY ALL) t
              FULL JOIN (SELECT conversation_id, count(*) AS n FROM turn_tags GROUP BY ALL) g
              USING (conversation_id)
            WHERE t.n IS DISTINCT FROM g.n""")
        assert mismatch.empty
        assert s.counts()["turn_tags"] == total_turns
        dup = s.sql("SELECT conversation_id, turn FROM turn_tags GROUP BY ALL HAVING count(*) > 1")
        assert dup.empty
        assert s.tag() == 0


def test_store_tag_validates_chunk_size() -> None:
    with Store() as s, pytest.raises(ValueError, match="chunk_size"):
        s.tag(chunk_size=0)


def test_counts_and_repr(corpus: cx.Corpus) -> None:
    with Store() as s:
        assert s.counts() == {"conversations": 0, "turns": 0, "customers": 0}
        s.load(customers=corpus.customers)
        assert s.counts()["customers"] == len(corpus.customers)
        assert f"customers={len(corpus.customers):,}" in repr(s)


def test_on_conflict_replace_overwrites_and_retags(corpus: cx.Corpus) -> None:
    crm = corpus.customers.head(3).copy()
    ids = corpus.conversations["conversation_id"].head(2).tolist()
    turns = corpus.turns[corpus.turns["conversation_id"].isin(ids)]
    with Store() as s:
        s.load(customers=crm, turns=turns, conversations=corpus.conversations)
        s.tag()
        newer = crm.assign(avg_daily_assets=[6_000_000.0, 1.0, 2.0], tier=None)
        rep = s.load(customers=newer)
        assert rep.skipped == {"customers": 3}
        rep = s.load(customers=newer.head(2), on_conflict="replace")
        assert rep.replaced == {"customers": 2} and rep.inserted == {"customers": 0}
        assert "replaced 2" in str(rep)
        stored = s.read_table("customers").set_index("customer_id")
        assert stored["tier"].tolist() == ["diamond", "standard", crm["tier"].iloc[2]]
        assert s.counts()["customers"] == 3
        fixed = turns[turns["conversation_id"] == ids[0]].assign(text="我要销户")
        s.load(turns=fixed, on_conflict="replace")
        assert s.untagged() == [ids[0]]
        s.tag()
        tags = s.read_table("conversation_tags", where="conversation_id = ?", params=[ids[0]])
        assert bool(tags["intent_churn"].iloc[0])
        with pytest.raises(ValueError, match="on_conflict"):
            s.load(customers=crm, on_conflict="update")


def test_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.duckdb"
    with Store(path):
        code = f"import cxtext as cx; cx.Store({str(path)!r})"
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             cwd=REPO)
    assert res.returncode != 0
    assert "StoreError" in res.stderr and "read_only=True" in res.stderr


def test_cli_load_tag_portrait(tmp_path: Path, small_corpus: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    from cxtext.cli import main

    db = str(tmp_path / "cli.duckdb")
    assert main(["load", db, str(small_corpus)]) == 0
    assert main(["load", db, str(small_corpus / "turns.csv")]) == 0
    out = capsys.readouterr().out
    assert "turns: read" in out and "inserted 0, already stored" in out
    assert main(["tag", db, "--quiet", "--chunk-size", "30"]) == 0
    assert "tagged 80 conversation(s)" in capsys.readouterr().out
    assert main(["tag", db, "--quiet"]) == 0
    assert "tagged 0 conversation(s)" in capsys.readouterr().out
    target = tmp_path / "p.csv"
    assert main(["portrait", db, "--as-of", "2025-06-01", "--out", str(target)]) == 0
    written = pd.read_csv(target, encoding="utf-8-sig")
    with Store(db, read_only=True) as s:
        stored = s.read_table("portraits")
        n_customers = s.counts()["customers"]
    assert len(written) == len(stored) == n_customers
    assert (written["as_of"] == "2025-06-01").all()
    assert written["categories"].str.startswith("[").all()


def test_category_values_outside_recorded_categories_are_kept() -> None:
    first = pd.DataFrame({"customer_id": ["a"], "level": pd.Categorical(["高"])})
    later = pd.DataFrame({"customer_id": ["b"], "level": pd.Categorical(["低"])})
    with Store() as s:
        s.write_table("warnings", first)
        s.write_table("warnings", later, replace=False)
        assert s.read_table("warnings")["level"].tolist() == ["高", "低"]


def test_docstring_examples_run() -> None:
    import doctest

    import cxtext.store as module

    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted >= 8


def test_cli_portrait_csv_neutralises_formulas(tmp_path: Path) -> None:
    from cxtext.cli import main

    db = tmp_path / "f.duckdb"
    turns = _turns_with_pii().assign(customer_id=["=cmd|' /C calc'!A0"] * 2 + ["u2"])
    with Store(db) as s:
        s.load(turns=turns)
        s.tag()
    target = tmp_path / "p.csv"
    assert main(["portrait", str(db), "--out", str(target)]) == 0
    ids = pd.read_csv(target, encoding="utf-8-sig", dtype=str)["customer_id"].tolist()
    assert ids == ["'=cmd|' /C calc'!A0", "u2"]


def test_tagging_more_with_other_settings_is_refused_unless_allowed():
    first = pd.DataFrame({"conversation_id": ["c1", "c1"], "speaker": ["客服", "客户"],
                          "text": ["您好", "再乱扣年费我就销户"], "customer_id": "u1"})
    with Store() as s:
        s.load(turns=first)
        assert s.tag() == 1
        # the defaults spelled out (and n_jobs, which changes no tag) are the same settings
        s.load(turns=first.assign(conversation_id="c2"))
        assert s.tag(sentiment_backend="model", mood_speakers=["customer"], n_jobs=1) == 1
        s.load(turns=first.assign(conversation_id="c3"))
        with pytest.raises(StoreError, match=r"sentiment_backend='model'.*"
                                             r"sentiment_backend='lexicon'.*allow_mixed"):
            s.tag(sentiment_backend="lexicon")
        assert s.untagged() == ["c3"]
        assert s.tag(sentiment_backend="lexicon", allow_mixed=True) == 1
        # now the last run is the lexicon one: the default model is the odd one out
        s.load(turns=first.assign(conversation_id="c4"))
        with pytest.raises(StoreError, match="sentiment_backend='lexicon'"):
            s.tag()
