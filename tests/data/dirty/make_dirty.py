"""Write the deliberately dirty input set in this folder (see README.md here).

Every value is invented. The small files are committed; the 2 MB transcript is written on demand
(``write_big_transcript``) so the repository stays small::

    python tests/data/dirty/make_dirty.py          # rewrites the committed files
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent


def mixed_encoding_csv() -> bytes:
    """UTF-8 with a BOM, one row in GBK, a NUL byte, blank rows and every kind of bad row."""
    lines = [
        "conversation_id,turn,speaker,text".encode("utf-8-sig"),
        "c1,0,客服,您好，工号1024很高兴为您服务".encode(),
        "c1,1,客户,我的手机号13812345678，卡号6222021234567890128被盗刷了".encode(),
        # a row pasted from a GBK export: undecodable as UTF-8 -> rejected, named
        "c1,2,客户,我要投诉你们的服务态度".encode("gbk"),
        "c1,3,客服,非常抱歉给您带来不便\x00".encode(),  # NUL byte in the text
        b"",  # blank line
        b",,,",  # Excel's empty row
        "c1,4,客户,".encode(),  # empty text
        "c1,5,路人,随便说说".encode(),  # unknown speaker
        "c1,1,客户,重复的轮次编号".encode(),  # duplicate (conversation_id, turn)
        'c2,0,customer,"=HYPERLINK(""http://evil.example"",""点我"")"'.encode(),  # formula
        "c2,1,agent,<script>alert('x')</script>您好".encode(),  # HTML
        "c2,2,customer,太多,的,字段".encode(),  # too many fields
        "c2,x,customer,轮次不是数字".encode(),  # bad turn number
        ",3,customer,没有会话编号".encode(),  # missing conversation_id
        "c2,4,customer,\u202e反转字符\u200b零宽字符\U0001f621😡".encode(),  # odd Unicode
        "c3,0,customer,我叫张伟，身份证11010519491231002X，邮箱zhang.wei@163.com".encode(),
    ]
    return b"\r\n".join(lines) + b"\r\n"


def gbk_csv() -> bytes:
    """A whole GBK export with Chinese headers, as Excel writes "CSV" on a Chinese Windows."""
    rows = [
        "会话ID,角色,内容",
        "g1,坐席,您好，请问有什么可以帮您",
        "g1,客户,我的信用卡年费怎么又扣了，手机号是15912345678",
        "g1,坐席,",
        "g2,客户,銀行帳戶凍結了怎麼辦",
        "g2,机器人,系统消息",
    ]
    return ("\r\n".join(rows) + "\r\n").encode("gbk")


def merged_cells_xlsx(path: Path) -> None:
    """A sheet whose conversation ids are merged cells (only the first cell holds the value)."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "通话记录"
    ws.append(["会话编号", "说话人", "内容"])
    ws.append(["x1", "客服", "您好"])
    ws.append([None, "客户", "我想销户，把钱都转走"])
    ws.append([None, "客服", "好的，请问您的卡号是多少"])
    ws.append(["x2", "客户", "卡号 6222 0212 3456 7890 128"])
    ws.append([None, None, None])  # an empty row in the middle
    ws.append(["x2", "客服", None])  # empty text
    ws.merge_cells("A2:A4")
    book.create_sheet("说明").append(["这一页不是数据"])
    book.save(path)


def missing_columns_csv() -> bytes:
    return "会话ID,备注\nm1,没有说话人和内容列\n".encode()


def dialogues_jsonl() -> bytes:
    lines = [
        json.dumps({"id": "d1", "messages": [
            {"role": "user", "content": "我要投诉，你们乱扣费"},
            {"role": "assistant", "content": "非常抱歉，我马上为您核实"},
        ]}, ensure_ascii=False),
        "{this is not json",
        json.dumps(["a", "list", "not", "a", "record"]),
        "",
        json.dumps({"id": "d2", "turns": [{"speaker": "customer", "text": ""},
                                          {"speaker": "外星人", "text": "你好"}]},
                   ensure_ascii=False),
    ]  # fmt: skip
    return ("\n".join(lines) + "\n").encode()


def write_big_transcript(path: Path, size: int = 2_000_000, seed: int = 8) -> int:
    """A raw "客服：… 客户：…" transcript of about ``size`` bytes; returns its line count."""
    rng = random.Random(seed)
    agent = ["您好，请问有什么可以帮您", "请您提供一下身份证后四位", "好的，我帮您查询一下",
             "非常抱歉给您带来不便", "还有其他可以帮您的吗"]
    customer = ["我的卡被冻结了", "你们怎么又乱扣年费", "我要销户", "手机号是13812345678",
                "嗯嗯好的", "我已经打了三次电话了，一直没人处理", "卡号6222021234567890128"]
    lines, total = [], 0
    while total < size:
        who = rng.random()
        if who < 0.45:
            line = "客服：" + rng.choice(agent)
        elif who < 0.9:
            line = "客户：" + rng.choice(customer)
        elif who < 0.95:
            line = "   "  # blank
        else:
            line = "系统提示：通话已转接"
        lines.append(line)
        total += len(line.encode()) + 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def main() -> None:
    (HERE / "mixed_encoding.csv").write_bytes(mixed_encoding_csv())
    (HERE / "gbk_export.csv").write_bytes(gbk_csv())
    merged_cells_xlsx(HERE / "merged_cells.xlsx")
    (HERE / "missing_columns.csv").write_bytes(missing_columns_csv())
    (HERE / "dialogues_bad.jsonl").write_bytes(dialogues_jsonl())
    print("wrote", sorted(p.name for p in HERE.iterdir() if p.suffix != ".py"))


if __name__ == "__main__":
    main()
