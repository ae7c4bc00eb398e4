from __future__ import annotations

import pandas as pd

from cxtext.cli import main


def test_ingest_prints_kept_and_rejected(tmp_path, capsys):
    src = tmp_path / "calls.csv"
    src.write_text(
        "会话ID,角色,内容\n"
        "c1,客服,您好，请问有什么可以帮您？\n"
        "c1,客户,我的手机号13812345678收不到验证码\n"
        "c2,路人,随便说说\n"
        "c2,客户,\n",
        encoding="gbk",
    )
    rc = main(["ingest", str(src), "--out", str(tmp_path / "out")])
    out = capsys.readouterr().out
    assert rc == 0
    assert "read 4 turns: kept 2 in 1 conversations, rejected 2" in out
    assert "total: in 4 = kept 2 + rejected 2" in out
    assert "13812345678" not in out
    kept = pd.read_parquet(tmp_path / "out" / "turns.parquet")
    # what leaves the library is masked unless the user opts out
    assert kept["text"].tolist()[1] == "我的手机号[手机号]收不到验证码"
    rejects = pd.read_csv(tmp_path / "out" / "turns_rejects.csv")
    assert rejects["row"].tolist() == [4, 5]
    assert "13812345678" not in rejects.to_csv()


def test_ingest_strict_exits_nonzero(tmp_path):
    src = tmp_path / "t.csv"
    src.write_text("conversation_id,speaker,text\nc1,customer,\n", encoding="utf-8")
    assert main(["ingest", str(src), "--strict"]) == 1


def test_missing_file_is_a_clear_error(tmp_path, capsys):
    rc = main(["ingest", str(tmp_path / "nope.csv")])
    assert rc == 2
    assert "nope.csv" in capsys.readouterr().err


def test_ingest_keep_pii_opt_out(tmp_path):
    src = tmp_path / "t.csv"
    src.write_text("conversation_id,speaker,text\nc1,customer,电话13812345678\n", encoding="utf-8")
    assert main(["ingest", str(src), "--out", str(tmp_path / "o"), "--keep-pii"]) == 0
    assert pd.read_parquet(tmp_path / "o" / "turns.parquet")["text"].tolist() == ["电话13812345678"]


def test_eval_subcommand_prints_json_metrics(tmp_path, capsys):
    import json

    src = tmp_path / "labelled.csv"
    src.write_text(
        "text,label\n客服态度非常好，谢谢,pos\n你们乱扣我年费，太过分了,neg\n"
        "请问信用卡年费怎么收,neu\n",
        encoding="utf-8",
    )
    rc = main(["eval", "sentiment", "--data", str(src), "--text-col", "text",
               "--label-col", "label", "--label-map", "polarity"])
    assert rc == 0
    metrics = json.loads(capsys.readouterr().out)
    assert metrics["n"] == 3 and 0 <= metrics["macro_f1"] <= 1
    assert "confusion_matrix" in metrics and "docs_per_s" in metrics
