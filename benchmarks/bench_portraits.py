"""Portraits at scale: ``cx.build_portraits`` over a DuckDB store of 100,000 customers and
1,000,000 conversations (about 13 million turns), under a stated DuckDB memory limit.

Writes ``benchmarks/results/portraits.json``.

* **Data.** Synthesised directly in DuckDB with deterministic hashes (no random state): the
  ``customers``, ``conversations`` and ``turns`` tables (canonical columns; customer turns
  drawn from a bank of short/long, polite/hostile phrases, one customer turn in ten starting
  before the previous turn ends) and a ``conversation_tags`` table with the columns
  ``build_portraits`` reads (sentiment, emotion, intents, categories as JSON), and a
  ``balances`` table of 18 monthly assets per customer (1.8 M rows; added to a cached store
  that lacks it), so the portrait's balance-trend step runs too. ``cx.tag`` is
  **not** run on the 13 M turns — tagging speed is measured by ``bench_tagging.py``; this
  measures the portrait query. The store is cached outside the repository
  (``--cache``, default ``$TMPDIR/cxtext-bench-portraits``) and rebuilt when missing.
* **Measurement.** Each configuration runs ``build_portraits`` in a fresh child process on
  the store opened read-only with DuckDB ``memory_limit`` and ``threads`` set; wall time,
  CPU time and the child's peak RSS (``os.wait4`` rusage, i.e. ``getrusage`` of that child
  alone) are recorded with the load average before and after. Peak RSS covers everything
  in the process: Python, pandas, cxtext, DuckDB and the 100,000-row result DataFrame.

Usage: ``python benchmarks/bench_portraits.py [--customers 100000] [--conversations 1000000]
[--limits 512MB 1GB 4GB] [--threads 2] [--cache DIR]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "results" / "portraits.json"

CUSTOMER_PHRASES = [
    "好的", "嗯", "行", "对", "没有了", "是的，就是这张卡",
    "我想问一下我的信用卡年费怎么又扣了", "请问一下这个理财产品什么时候到期，谢谢",
    "麻烦您帮我查一下上个月的转账记录，谢谢您", "你们这个垃圾银行，天天打电话推销，烦不烦",
    "凭什么乱扣我的钱？今天不给我退回来我就销户", "我现在就要处理结果，等不了了",
    "我上个月在网点办的那张信用卡为什么到现在还没有寄到，我已经打了三次电话了，每次都说在处理",
    "手机银行又登不上了，一直提示系统繁忙，我要转账给客户，耽误了事情谁负责",
    "这个基金亏了百分之二十，当初客户经理说是稳健型的，你们必须给我一个说法，不然我去银保监会投诉",
    "不好意思打扰一下，我想咨询一下房贷提前还款需要什么手续",
]
AGENT_PHRASES = [
    "您好，很高兴为您服务，请问有什么可以帮您？", "好的，请您稍等，我这边帮您查询一下",
    "非常抱歉给您带来不便", "请问还有其他可以帮您的吗？", "先生您别着急，我帮您记录反馈",
]
CHANNELS = ["phone", "phone", "phone", "online_chat", "online_chat", "app", "branch", "email",
            "social"]
EMOTIONS = ["anger", "anger", "disgust", "anxiety", "sadness", "surprise", "joy", "neutral",
            "neutral", "neutral"]
CATEGORIES = ["fees", "fees", "fees", "credit_card", "credit_card", "credit_card", "loans",
              "wealth", "wealth", "digital", "digital", "digital", "branch", "attitude",
              "attitude", "marketing", "fraud", "privacy", "payments", "payments", "atm",
              "credit_report", "other", "other", "other", "other", "other", "other"]


def _list(values: list[str]) -> str:
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def add_balances(path: Path) -> dict[str, Any]:
    """Monthly balances 2024-07 … 2025-12 for every customer (hash-drawn, ±20 % around the
    customer's annual figure); added in place when the store lacks them."""
    import cxtext as cx

    start = time.perf_counter()
    with cx.Store(path, threads=2, memory_limit="2GB") as store:
        store._x("""CREATE TABLE balances AS
            SELECT customer_id,
                   (DATE '2024-07-01' + to_months(m::INTEGER))::TIMESTAMP AS month,
                   round(avg_daily_assets * exp(((hash(customer_id, m, 'b') % 2000) / 1000.0
                         - 1.0) * 0.2), 2) AS avg_daily_assets
            FROM customers, range(18) r(m)""")
        n = store.con.execute("SELECT count(*) FROM balances").fetchall()[0][0]
    return {"balances_rows": int(n), "seconds": round(time.perf_counter() - start, 1)}


def build_store(path: Path, n_customers: int, n_conversations: int) -> dict[str, Any]:
    """Create the synthetic store (runs in its own process)."""
    import cxtext as cx

    start = time.perf_counter()
    with cx.Store(path, threads=2, memory_limit="2GB") as store:
        x = store._x
        x(f"""INSERT INTO customers (customer_id, avg_daily_assets, tier, tenure_months, products)
            SELECT 'C' || lpad(i::VARCHAR, 7, '0'),
                   round(exp(8 + (hash(i, 'assets') % 100000) / 100000.0 * 8.5), 2),
                   NULL, (hash(i, 'tenure') % 240)::BIGINT,
                   array_to_string(list_slice(['借记卡', '信用卡', '手机银行', '理财', '房贷',
                       '基金'], 1, 1 + (hash(i, 'products') % 6)::BIGINT), ';')
            FROM range({n_customers}) r(i)""")
        x("UPDATE customers SET tier = CASE WHEN avg_daily_assets >= 5000000 THEN 'diamond' "
          "WHEN avg_daily_assets >= 1000000 THEN 'platinum' WHEN avg_daily_assets >= 100000 "
          "THEN 'gold' ELSE 'standard' END")
        x(f"""INSERT INTO conversations
            SELECT 'V' || lpad(i::VARCHAR, 8, '0'),
                   'C' || lpad((hash(i, 'cust') % {n_customers})::VARCHAR, 7, '0'),
                   TIMESTAMP '2025-01-01' + to_seconds((hash(i, 'time') % (365 * 86400))::BIGINT),
                   {_list(CHANNELS)}[1 + (hash(i, 'chan') % {len(CHANNELS)})::BIGINT],
                   'A' || (hash(i, 'agent') % 300)::VARCHAR,
                   (60 + hash(i, 'dur') % 900)::DOUBLE,
                   CASE hash(i, 'res') % 3 WHEN 0 THEN false WHEN 1 THEN true END
            FROM range({n_conversations}) r(i)""")
        x(f"""INSERT INTO turns (conversation_id, turn, speaker, text, start_s, end_s)
            SELECT conversation_id, t,
                   CASE WHEN t % 2 = 0 THEN 'agent' ELSE 'customer' END,
                   CASE WHEN t % 2 = 0
                        THEN {_list(AGENT_PHRASES)}[1 + (hash(conversation_id, t, 'a')
                             % {len(AGENT_PHRASES)})::BIGINT]
                        ELSE {_list(CUSTOMER_PHRASES)}[1 + (hash(conversation_id, t, 'c')
                             % {len(CUSTOMER_PHRASES)})::BIGINT] END,
                   t * 8.0 - CASE WHEN t % 2 = 1 AND hash(conversation_id, t, 'i') % 10 = 0
                                  THEN 1.0 ELSE 0.0 END,
                   t * 8.0 + 7.5
            FROM (SELECT conversation_id,
                         unnest(range((6 + hash(conversation_id, 'n') % 15)::BIGINT)) AS t
                  FROM conversations)""")
        x(f"""CREATE TABLE conversation_tags AS
            SELECT conversation_id,
                   round(((hash(conversation_id, 's') % 2000) / 1000.0 - 1.0) * 0.8, 3)
                       AS sentiment_mean,
                   NULL::DOUBLE AS sentiment_worst,
                   NULL::VARCHAR AS sentiment_label,
                   {_list(EMOTIONS)}[1 + (hash(conversation_id, 'e')
                       % {len(EMOTIONS)})::BIGINT] AS emotion_label,
                   hash(conversation_id, 'churn') % 25 = 0 AS intent_churn,
                   hash(conversation_id, 'esc') % 40 = 0 AS intent_escalation,
                   hash(conversation_id, 'rep') % 10 = 0 AS intent_repeat,
                   hash(conversation_id, 'urg') % 8 = 0 AS intent_urgency,
                   to_json(list_distinct([
                       {_list(CATEGORIES)}[1 + (hash(conversation_id, 'k1')
                           % {len(CATEGORIES)})::BIGINT],
                       CASE WHEN hash(conversation_id, 'k') % 5 = 0 THEN
                       {_list(CATEGORIES)}[1 + (hash(conversation_id, 'k2')
                           % {len(CATEGORIES)})::BIGINT] END]))::JSON AS categories
            FROM conversations""")
        x("UPDATE conversation_tags SET sentiment_worst = sentiment_mean - 0.2, "
          "sentiment_label = CASE WHEN sentiment_mean <= -0.2 THEN 'neg' "
          "WHEN sentiment_mean >= 0.2 THEN 'pos' ELSE 'neu' END")
        x("CHECKPOINT")
        counts = store.counts()
    return {"seconds": round(time.perf_counter() - start, 1), "counts": counts,
            "file_mb": round(path.stat().st_size / 2**20, 1)}


def child(path: str, memory_limit: str, threads: int, temp_dir: str) -> None:
    """Build the portraits once and print a JSON summary (runs in a fresh process)."""
    import resource

    t0 = time.perf_counter()
    import cxtext as cx

    import_s = time.perf_counter() - t0
    store = cx.Store(path, read_only=True, memory_limit=memory_limit, threads=threads)
    store._x(f"SET temp_directory = '{temp_dir}'")
    start, cpu0 = time.perf_counter(), time.process_time()
    portraits = cx.build_portraits(store)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu0
    n_conv = store.con.execute("SELECT count(*) FROM conversations").fetchall()[0][0]
    store.close()
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "rows": len(portraits),
        "contacts_total_sum": int(portraits["contacts_total"].sum()),
        "conversations": int(n_conv),
        "as_of": str(portraits["as_of"].iloc[0]),
        "build_s": round(wall, 1), "build_cpu_s": round(cpu, 1),
        "import_s": round(import_s, 1),
        "peak_rss_mb_self": round(self_rss, 1),
        "result_mb": round(portraits.memory_usage(deep=True).sum() / 2**20, 1),
        "style_counts": {c: portraits[c].value_counts().to_dict()
                         for c in ("style_verbosity", "style_politeness", "style_patience")},
        "do_not_market_share": round(float(portraits["do_not_market"].mean()), 4),
        "example_tag_lines": portraits["tag_line"].head(3).tolist(),
    }, ensure_ascii=False))


def run_child(store: Path, memory_limit: str, threads: int, temp_dir: Path) -> dict[str, Any]:
    load_before = os.getloadavg()
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", str(store), "--child-limit", memory_limit,
         "--threads", str(threads), "--temp-dir", str(temp_dir)],
        stdout=subprocess.PIPE, text=True, cwd=REPO,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"child failed with status {status}")
    res = json.loads(out.strip().splitlines()[-1])
    res.update({
        "memory_limit": memory_limit, "threads": threads,
        "process_wall_s": round(wall, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "load_avg_1min_before_after": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
    })
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--customers", type=int, default=100_000)
    ap.add_argument("--conversations", type=int, default=1_000_000)
    ap.add_argument("--limits", nargs="+", default=["512MB", "1GB", "4GB"])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir())
                                           / "cxtext-bench-portraits"))
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--child")
    ap.add_argument("--child-limit")
    ap.add_argument("--temp-dir")
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, args.child_limit, args.threads, args.temp_dir)
        return 0

    started = time.strftime("%Y-%m-%d %H:%M:%S")
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    store = cache / f"store_{args.customers}_{args.conversations}.duckdb"
    built: dict[str, Any] | str = "cached"
    if not store.exists():
        tmp = store.with_suffix(".building")
        tmp.unlink(missing_ok=True)
        built = build_store(tmp, args.customers, args.conversations)
        tmp.rename(store)
    else:
        import cxtext as cx

        with cx.Store(store, read_only=True) as s:
            built = {"cached": True, "counts": s.counts(),
                     "file_mb": round(store.stat().st_size / 2**20, 1)}
    import cxtext as cx

    with cx.Store(store, read_only=True) as s:
        has_balances = s.has_table("balances")
    balances = "cached" if has_balances else add_balances(store)
    temp_dir = cache / "spill"
    temp_dir.mkdir(exist_ok=True)
    runs = [run_child(store, limit, args.threads, temp_dir) for limit in args.limits]
    import duckdb
    import pandas

    import cxtext

    result = {
        "benchmark": "portraits",
        "command": "python benchmarks/bench_portraits.py " + " ".join(
            a for a in (argv if argv is not None else sys.argv[1:])),
        "started": started,
        "machine": {
            "cpus": os.cpu_count(), "platform": platform.platform(),
            "load_avg_at_start": [round(v, 2) for v in os.getloadavg()],
            "note": "2 cores shared with other engineers' jobs while this ran: wall times are "
                    "upper bounds (see load_avg_1min_before_after; 2.0 = both cores busy)",
        },
        "versions": {"python": platform.python_version(), "cxtext": cxtext.__version__,
                     "duckdb": duckdb.__version__, "pandas": pandas.__version__},
        "data": {
            "customers": args.customers, "conversations": args.conversations,
            "synthetic": "hash-generated in DuckDB (see module docstring); conversation_tags "
                         "synthesised directly, cx.tag not run on these turns",
            "store": built,
            "balances": balances,
        },
        "settings": {
            "build_portraits": "defaults: windows (30, 90, 365), as_of = day after the last "
                               "conversation, style columns from the turns table",
            "store": "opened read_only with memory_limit and threads as listed; DuckDB spills "
                     "to temp_directory past the limit",
            "peak_rss_mb": "ru_maxrss of the child process (os.wait4), whole process",
        },
        "runs": runs,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n",
                              encoding="utf-8")
    for r in runs:
        print(f"memory_limit {r['memory_limit']}: {r['rows']:,} portraits in {r['build_s']} s "
              f"(cpu {r['build_cpu_s']} s), peak RSS {r['peak_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
