"""``cxtext tag-parquet`` and ``cxtext tag --n-jobs``: the streaming path from the command
line, and errors that name the Parquet file, its own row and the column (session 11)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import cxtext as cx
from cxtext.cli import main
from cxtext.errors import CxTextError, SchemaError

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    turns = pd.read_csv(REPO / "corpora" / "demo" / "turns.csv",
                        dtype={"conversation_id": str, "text": str}, keep_default_na=False)
    keep = turns["conversation_id"].isin(turns["conversation_id"].unique()[:40])
    turns = turns[keep].drop(columns=["start_s", "end_s"])
    turns = turns.sort_values(["conversation_id", "turn"]).reset_index(drop=True)
    # a phone number the command must mask in what it writes
    turns.loc[3, "text"] = "我的手机号13812345678，你们记一下"
    turns.loc[3, "speaker"] = "customer"
    return turns


def test_tag_parquet_command_writes_what_the_function_writes(sample, tmp_path, capsys):
    src = tmp_path / "turns.parquet"
    sample.to_parquet(src)
    rc = main(["tag-parquet", str(src), str(tmp_path / "cli"), "--batch-size", "101",
               "--tokens", "--quiet"])
    out = capsys.readouterr().out
    assert rc == 0
    assert f"tagged {len(sample):,} turn(s) of {sample['conversation_id'].nunique()} " in out
    assert "(texts and evidence masked)" in out
    info = cx.tag_parquet(src, tmp_path / "fn", batch_size=101, tokens=True, progress=False)
    for name in ("turn_tags", "conversation_tags"):
        got = pd.read_parquet(tmp_path / "cli" / f"{name}.parquet")
        want = pd.read_parquet(info[name])
        pd.testing.assert_frame_equal(got, want)
    turns = pd.read_parquet(tmp_path / "cli" / "turn_tags.parquet")
    assert turns.loc[3, "text"] == "我的手机号[手机号]，你们记一下"
    assert not turns["text"].str.contains("13812345678").any()


def test_tag_parquet_keep_pii_writes_texts_as_read(sample, tmp_path, capsys):
    src = tmp_path / "turns.parquet"
    sample.to_parquet(src)
    assert main(["tag-parquet", str(src), str(tmp_path / "raw"), "--keep-pii", "--quiet"]) == 0
    assert "masked" not in capsys.readouterr().out
    turns = pd.read_parquet(tmp_path / "raw" / "turn_tags.parquet")
    assert turns.loc[3, "text"] == "我的手机号13812345678，你们记一下"


@pytest.mark.parametrize("args, message", [
    (["--n-jobs", "0"], "argument --n-jobs: expected a non-zero whole number"),
    (["--batch-size", "0"], "argument --batch-size: expected a whole number >= 1"),
    (["--n-jobs", "two"], "got 'two'"),
])
def test_tag_parquet_options_are_checked_while_parsing(sample, tmp_path, capsys, args, message):
    src = tmp_path / "turns.parquet"
    sample.to_parquet(src)
    with pytest.raises(SystemExit) as exc:
        main(["tag-parquet", str(src), str(tmp_path / "out"), *args])
    assert exc.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_store_tag_command_checks_n_jobs(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["tag", str(tmp_path / "cx.duckdb"), "--n-jobs", "0"])
    assert exc.value.code == 2
    assert "argument --n-jobs" in capsys.readouterr().err


def test_tag_parquet_command_on_files_that_are_not_turns(sample, tmp_path, capsys):
    csv = tmp_path / "turns.csv"
    sample.to_csv(csv, index=False)
    assert main(["tag-parquet", str(csv), str(tmp_path / "a"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert f"'{csv}' is not a readable Parquet file" in err and "cx.read_turns(path)" in err

    assert main(["tag-parquet", str(tmp_path / "nope.parquet"), str(tmp_path / "b")]) == 2
    assert "no Parquet file" in capsys.readouterr().err

    wrong = tmp_path / "wrong.parquet"
    sample.rename(columns={"text": "内容"}).to_parquet(wrong)
    assert main(["tag-parquet", str(wrong), str(tmp_path / "c"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert f"{wrong} has no column 'text'" in err and "'内容'" in err
    assert not (tmp_path / "c").exists()  # refused before any output

    src = tmp_path / "turns.parquet"
    sample.to_parquet(src)
    a_file = tmp_path / "taken"
    a_file.write_text("x")
    assert main(["tag-parquet", str(src), str(a_file), "--quiet"]) == 2
    assert "is a file; give a folder" in capsys.readouterr().err


def test_bad_rows_are_named_by_file_and_row_across_batches(sample, tmp_path):
    bad = sample.copy()
    bad.loc[250, "text"] = None  # the file's row 251, in the third batch of 101 rows
    bad.loc[252, "speaker"] = "路人甲"
    src = tmp_path / "bad.parquet"
    bad.to_parquet(src)
    with pytest.raises(SchemaError) as exc:
        cx.tag_parquet(src, tmp_path / "out", batch_size=101, progress=False)
    problems = exc.value.problems
    assert problems["row"].tolist() == [251, 253]
    assert problems["column"].tolist() == ["text", "speaker"]
    assert set(problems["source"]) == {str(src)}
    message = str(exc.value)
    assert f"{src}, row 251, column 'text'" in message
    assert "return_rejects=True) gives the bad rows back" in message
    assert "column_map" not in message  # not an option of tag_parquet


def test_a_missing_conversation_id_is_named_not_a_type_error(sample, tmp_path):
    bad = sample.copy()
    bad["conversation_id"] = bad["conversation_id"].astype(object)
    bad.loc[120, "conversation_id"] = None
    src = tmp_path / "bad.parquet"
    bad.to_parquet(src)
    with pytest.raises(SchemaError, match=r"row 121, column 'conversation_id'"):
        cx.tag_parquet(src, tmp_path / "out", batch_size=101, progress=False)


def test_worker_errors_name_the_file_row_too(sample, tmp_path):
    bad = sample.copy()
    bad.loc[180, "speaker"] = "路人甲"
    src = tmp_path / "bad.parquet"
    bad.to_parquet(src)
    with pytest.raises(CxTextError) as exc:
        cx.tag_parquet(src, tmp_path / "out", batch_size=150, n_jobs=2, progress=False)
    assert f"{src}, row 181, column 'speaker'" in str(exc.value)


def test_store_tag_command_with_workers_gives_the_tags_of_one_process(sample, tmp_path, capsys):
    for name, jobs in (("one", "1"), ("two", "2")):
        store = tmp_path / f"{name}.duckdb"
        with cx.Store(store) as s:
            s.load(turns=sample.assign(customer_id="u1"))
        assert main(["tag", str(store), "--n-jobs", jobs, "--quiet",
                     "--chunk-size", "15"]) == 0
        assert "tagged 40 conversation(s)" in capsys.readouterr().out
    with cx.Store(tmp_path / "one.duckdb") as a, cx.Store(tmp_path / "two.duckdb") as b:
        for table in ("turn_tags", "conversation_tags"):
            order = ["conversation_id", "turn"] if table == "turn_tags" else ["conversation_id"]
            got = b.read_table(table).sort_values(order).reset_index(drop=True)
            want = a.read_table(table).sort_values(order).reset_index(drop=True)
            pd.testing.assert_frame_equal(got, want)


def test_dask_partition_errors_name_the_conversation_and_turn(sample):
    dd = pytest.importorskip("dask.dataframe")
    import dask

    bad = sample.copy()
    bad.loc[200, "speaker"] = "路人甲"
    conv, turn = bad.loc[200, "conversation_id"], bad.loc[200, "turn"]
    ddf = cx.partition_by_conversation(dd.from_pandas(bad, npartitions=3), npartitions=3)
    res = cx.tag(ddf)
    with dask.config.set(scheduler="synchronous"), pytest.raises(SchemaError) as exc:
        dask.compute(res.turns)
    message = str(exc.value)
    # a row number inside a shuffled partition points nowhere: the conversation and turn do
    assert f"conversation_id {conv!r}, turn {turn}, column 'speaker'" in message
    assert "Dask partition " in message and "column_map" not in message
    assert exc.value.problems["where"].tolist() == [f"conversation_id {conv!r}, turn {turn}"]


def test_sort_gives_the_files_of_a_sorted_input_and_leaves_nothing_behind(sample, tmp_path,
                                                                           capsys):
    shuffled = sample.sample(frac=1.0, random_state=3)  # turns out of order too
    src = tmp_path / "shuffled.parquet"
    shuffled.to_parquet(src)  # with pandas' index column, which sorting must not keep
    with pytest.raises(CxTextError, match=r"Pass sort=True \(cxtext tag-parquet --sort\)"):
        cx.tag_parquet(src, tmp_path / "refused", progress=False)
    assert main(["tag-parquet", str(src), str(tmp_path / "s"), "--sort", "--quiet",
                 "--batch-size", "101"]) == 0
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == [
        "conversation_tags.parquet", "turn_tags.parquet"]  # the sorted copy is gone
    ordered = tmp_path / "ordered.parquet"
    sample.to_parquet(ordered, index=False)
    cx.tag_parquet(ordered, tmp_path / "o", batch_size=101, progress=False)
    for name in ("turn_tags", "conversation_tags"):
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "s" / f"{name}.parquet"),
                                      pd.read_parquet(tmp_path / "o" / f"{name}.parquet"))


def test_sort_orders_numeric_ids_as_text_and_names_the_rows_of_the_given_file(sample,
                                                                              tmp_path):
    ids = {c: i for i, c in enumerate(sample["conversation_id"].unique(), start=1)}
    numeric = sample.assign(conversation_id=sample["conversation_id"].map(ids))
    numeric = numeric.iloc[::-1].reset_index(drop=True)  # 40 ... 1: 9 before 10 as numbers
    src = tmp_path / "numeric.parquet"
    numeric.to_parquet(src, index=False)
    info = cx.tag_parquet(src, tmp_path / "n", batch_size=64, sort=True, progress=False)
    conv = pd.read_parquet(tmp_path / "n" / "conversation_tags.parquet")
    assert info["conversations"] == 40 and conv["conversation_id"].is_unique
    assert conv["conversation_id"].astype(str).tolist() == sorted(map(str, ids.values()))

    bad = numeric.copy()
    bad.loc[7, "speaker"] = "路人甲"  # row 8 of the file the user gave, wherever it sorts to
    bad.to_parquet(src, index=False)
    with pytest.raises(SchemaError) as exc:
        cx.tag_parquet(src, tmp_path / "b", batch_size=64, sort=True, progress=False)
    assert exc.value.problems["row"].tolist() == [8]
    assert f"{src}, row 8, column 'speaker'" in str(exc.value)


def test_the_last_batch_holds_nothing_back(sample, tmp_path):
    src = tmp_path / "turns.parquet"
    sample.to_parquet(src, index=False)
    # 512 turns in batches of 101: six reads, six tagging batches (the held-back last
    # conversation used to be a seventh)
    assert cx.tag_parquet(src, tmp_path / "a", batch_size=101, progress=False)["batches"] == 6
    assert cx.tag_parquet(src, tmp_path / "b", batch_size=5000, progress=False)["batches"] == 1


def test_a_failed_run_leaves_no_partial_result_and_keeps_the_last_good_one(sample, tmp_path):
    good = tmp_path / "good.parquet"
    sample.to_parquet(good, index=False)
    out = tmp_path / "out"
    cx.tag_parquet(good, out, batch_size=101, progress=False)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = sample.copy()
    bad.loc[450, "text"] = None  # found in the fifth batch, after four were written
    src = tmp_path / "bad.parquet"
    bad.to_parquet(src, index=False)
    with pytest.raises(SchemaError, match="row 451"):
        cx.tag_parquet(src, out, batch_size=101, progress=False)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # nothing half-written

    fresh = tmp_path / "fresh"
    with pytest.raises(SchemaError):
        cx.tag_parquet(src, fresh, batch_size=101, progress=False)
    assert list(fresh.iterdir()) == []


def test_a_file_without_turns_gives_files_without_rows(sample, tmp_path):
    src = tmp_path / "none.parquet"
    sample.iloc[:0].to_parquet(src, index=False)
    info = cx.tag_parquet(src, tmp_path / "out", progress=False)
    assert (info["turns"], info["conversations"]) == (0, 0)
    full = tmp_path / "full.parquet"
    sample.to_parquet(full, index=False)
    cx.tag_parquet(full, tmp_path / "full_out", progress=False)
    for name in ("turn_tags", "conversation_tags"):
        empty = pd.read_parquet(info[name])
        assert len(empty) == 0
        assert list(empty.columns) == list(
            pd.read_parquet(tmp_path / "full_out" / f"{name}.parquet").columns)


def test_reject_mode_goes_on_and_lists_every_bad_row_masked(sample, tmp_path, capsys):
    bad = sample.copy()
    bad["conversation_id"] = bad["conversation_id"].astype(object)
    bad.loc[5, "text"] = ""
    bad.loc[130, "speaker"] = "=HYPERLINK(路人甲 13812345678)"  # a formula, a phone number
    bad.loc[260, "conversation_id"] = None
    bad.loc[400, "text"] = None
    src = tmp_path / "bad.parquet"
    bad.to_parquet(src, index=False)
    assert main(["tag-parquet", str(src), str(tmp_path / "out"), "--reject-bad-rows",
                 "--batch-size", "101", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert f"rows read {len(bad)} = tagged {len(bad) - 4} + rejected 4" in out
    rejects = pd.read_csv(tmp_path / "out" / "rejected_turns.csv", encoding="utf-8-sig")
    assert rejects["row"].tolist() == [6, 131, 261, 401]
    assert rejects["reason"].str.split(":").str[0].tolist() == [
        "text", "speaker", "conversation_id", "text"]
    assert not rejects.to_string().count("13812345678")  # masked like the texts
    assert rejects.loc[1, "record"].count("[手机号]") == 1
    turns = pd.read_parquet(tmp_path / "out" / "turn_tags.parquet")
    assert len(turns) == len(bad) - 4  # the books balance

    # the same rows with the workers, and the same rows after sorting on disk
    info = cx.tag_parquet(src, tmp_path / "w", batch_size=101, n_jobs=2, progress=False,
                          on_bad_rows="reject")
    assert (info["rows_read"], info["turns"], info["rejected"]) == (len(bad), len(bad) - 4, 4)
    assert pd.read_csv(info["rejected_turns"], encoding="utf-8-sig").equals(rejects)
    shuffled = tmp_path / "shuffled.parquet"
    bad.iloc[::-1].to_parquet(shuffled, index=False)
    info = cx.tag_parquet(shuffled, tmp_path / "s", sort=True, progress=False,
                          on_bad_rows="reject")
    got = pd.read_csv(info["rejected_turns"], encoding="utf-8-sig")
    assert got["row"].tolist() == sorted(len(bad) + 1 - r for r in [6, 131, 261, 401])
    assert info["rejected_turns"] and cx.tag_parquet(src, tmp_path / "r", progress=False,
                                                     batch_size=101, on_bad_rows="reject")


def test_reject_mode_with_nothing_bad_writes_an_empty_list(sample, tmp_path):
    src = tmp_path / "ok.parquet"
    sample.to_parquet(src, index=False)
    info = cx.tag_parquet(src, tmp_path / "out", progress=False, on_bad_rows="reject")
    assert (info["rows_read"], info["turns"], info["rejected"]) == (len(sample), len(sample), 0)
    assert len(pd.read_csv(info["rejected_turns"], encoding="utf-8-sig")) == 0
    assert cx.tag_parquet(src, tmp_path / "plain", progress=False)["rejected_turns"] is None
    with pytest.raises(ValueError, match="'raise' or 'reject'"):
        cx.tag_parquet(src, tmp_path / "x", on_bad_rows="skip")


def test_reject_mode_tags_the_good_rows_as_a_clean_file_would(sample, tmp_path):
    bad = sample.copy()
    bad["conversation_id"] = bad["conversation_id"].astype(object)
    bad.loc[[17, 222], "text"] = None
    bad.loc[300, "conversation_id"] = None
    src = tmp_path / "bad.parquet"
    bad.to_parquet(src, index=False)
    info = cx.tag_parquet(src, tmp_path / "r", batch_size=101, progress=False,
                          on_bad_rows="reject")
    rows = pd.read_csv(info["rejected_turns"], encoding="utf-8-sig")["row"]
    assert rows.tolist() == [18, 223, 301]
    clean = tmp_path / "clean.parquet"
    bad.drop(index=rows - 1).to_parquet(clean, index=False)
    cx.tag_parquet(clean, tmp_path / "c", batch_size=101, progress=False)
    for name in ("turn_tags", "conversation_tags"):
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "r" / f"{name}.parquet"),
                                      pd.read_parquet(tmp_path / "c" / f"{name}.parquet"))


def test_as_of_on_the_command_line_may_be_written_in_chinese(tmp_path, capsys):
    from cxtext.cli import build_parser

    args = build_parser().parse_args(["portrait", "cx.duckdb", "--as-of", "2025年10月1日"])
    assert pd.Timestamp(args.as_of) == pd.Timestamp("2025-10-01")
    with pytest.raises(SystemExit):
        build_parser().parse_args(["portrait", "cx.duckdb", "--as-of", "2025年13月1日"])
    assert "write it like 2025-10-01 or 2025年10月1日" in capsys.readouterr().err


def _parts(sample: pd.DataFrame, folder: Path) -> None:
    """The sample as three part files, conversations split across parts, rows shuffled."""
    folder.mkdir()
    shuffled = sample.sample(frac=1.0, random_state=5).reset_index(drop=True)
    for k, rows in enumerate(np.array_split(np.arange(len(shuffled)), 3)):
        shuffled.iloc[rows].to_parquet(folder / f"part-{k}.parquet", index=False)


def test_a_folder_of_part_files_gives_the_files_of_one_sorted_file(sample, tmp_path):
    _parts(sample, tmp_path / "lake")
    (tmp_path / "lake" / ".hidden.parquet").write_bytes(b"not parquet")  # skipped
    info = cx.tag_parquet(tmp_path / "lake", tmp_path / "lake" / "tags", batch_size=101,
                          progress=False)
    one = tmp_path / "one.parquet"
    sample.to_parquet(one, index=False)
    want = cx.tag_parquet(one, tmp_path / "want", batch_size=101, progress=False)
    for name in ("turn_tags", "conversation_tags"):
        pd.testing.assert_frame_equal(pd.read_parquet(info[name]), pd.read_parquet(want[name]))
    # run again: the output folder inside the input folder is not read as input
    again = cx.tag_parquet(tmp_path / "lake", tmp_path / "lake" / "tags", batch_size=101,
                           progress=False)
    assert again["turns"] == len(sample)
    glob_info = cx.tag_parquet(str(tmp_path / "lake" / "part-*.parquet"), tmp_path / "g",
                               progress=False)
    assert glob_info["turns"] == len(sample)


def test_errors_in_part_files_name_the_part_and_its_row(sample, tmp_path, capsys):
    _parts(sample, tmp_path / "lake")
    part = tmp_path / "lake" / "part-1.parquet"
    bad = pd.read_parquet(part)
    bad.loc[9, "speaker"] = "路人甲"
    bad.to_parquet(part, index=False)
    with pytest.raises(SchemaError) as exc:
        cx.tag_parquet(tmp_path / "lake", tmp_path / "out", batch_size=101, progress=False)
    assert exc.value.problems["source"].tolist() == [str(part)]
    assert exc.value.problems["row"].tolist() == [10]
    assert f"{part}, row 10, column 'speaker'" in str(exc.value)
    assert main(["tag-parquet", str(tmp_path / "lake"), str(tmp_path / "cli"),
                 "--reject-bad-rows", "--quiet"]) == 0
    rejects = pd.read_csv(tmp_path / "cli" / "rejected_turns.csv", encoding="utf-8-sig")
    assert rejects[["source", "row"]].values.tolist() == [[str(part), 10]]
    assert f"rows read {len(sample)} = tagged {len(sample) - 1} + rejected 1" in (
        capsys.readouterr().out)
    with pytest.raises(CxTextError, match="no .parquet files"):
        cx.tag_parquet(tmp_path / "out", tmp_path / "x", progress=False)
