"""The ``cxtext`` command line."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from cxtext._version import __version__
from cxtext.errors import CxTextError

# --------------------------------------------------------------------------- option types
# Checked while the command line is parsed, so a typo fails at once with argparse's
# "error: argument --as-of: ..." (exit 2) instead of a traceback after minutes of work.


def _json_mapping(value: str) -> dict:
    try:
        mapping = json.loads(value)
    except json.JSONDecodeError as exc:
        raise argparse.ArgumentTypeError(
            f"not valid JSON ({exc.msg}): {value!r}; write it like "
            '\'{"内容": "text", "角色": "speaker"}\' (double quotes inside single quotes)'
        ) from None
    if not isinstance(mapping, dict):
        raise argparse.ArgumentTypeError(
            f"expected a JSON object of file column -> canonical column, such as "
            f'\'{{"内容": "text"}}\'; got {value!r}')
    return mapping


def _date(value: str) -> str:
    import pandas as pd

    from cxtext.schema import _western_date

    western = _western_date(value)  # 2025年10月1日 as the library reads it
    try:
        pd.Timestamp(western)
    except (ValueError, TypeError):
        raise argparse.ArgumentTypeError(
            f"not a date: {value!r}; write it like 2025-10-01 or 2025年10月1日") from None
    return str(western)


def _sheet(value: str) -> str | int:
    return int(value) if value.isdigit() else value


def _windows(value: str) -> tuple[int, ...]:
    try:
        windows = tuple(int(w) for w in value.split(","))
    except ValueError:
        windows = ()
    if not windows or any(w <= 0 for w in windows):
        raise argparse.ArgumentTypeError(
            f"expected positive whole numbers of days separated by commas, such as 30,90,365; "
            f"got {value!r}")
    return windows


def _whole(value: str, ok: Callable[[int], bool], expected: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = None
    if n is None or not ok(n):
        raise argparse.ArgumentTypeError(f"expected {expected}; got {value!r}")
    return n


def _n_jobs(value: str) -> int:
    return _whole(value, lambda n: n != 0, "a non-zero whole number of worker processes "
                  "(-1: every CPU, -2: all but one)")


def _positive(value: str) -> int:
    return _whole(value, lambda n: n >= 1, "a whole number >= 1")


def _output(*suffixes: str):
    """An output path whose suffix is one of ``suffixes``."""

    def check(value: str) -> str:
        if Path(value).suffix.lower() not in suffixes:
            raise argparse.ArgumentTypeError(
                f"{value!r} must end in one of {', '.join(suffixes)} (the format follows "
                "the suffix)")
        return value

    return check


def _existing_store(path: str, command: str) -> None:
    """Refuse a store path that is not there (a typo would otherwise create an empty store)."""
    p = Path(path)
    if p.is_dir():
        raise CxTextError(f"'{path}' is a folder; give the store's .duckdb file")
    if not p.exists():
        raise CxTextError(
            f"no store '{path}' (no such file). Create and fill one first: "
            f"cxtext load {path} corpora/demo (or your files), then cxtext tag {path}"
            + ("" if command == "tag" else f", then cxtext {command} {path}") + ".")


def _nonempty_store(store, path: str) -> None:
    if not store.counts().get("conversations", 0):
        raise CxTextError(
            f"the store '{path}' holds no conversations; load some first: "
            f"cxtext load {path} FILES_OR_FOLDERS")


def _ingest(args: argparse.Namespace) -> int:
    import pandas as pd

    from cxtext import io
    from cxtext.text.pii import mask_pii

    readers = {
        "turns": io.read_turns,
        "conversations": io.read_conversations,
        "customers": io.read_customers,
    }
    column_map = args.column_map
    out_dir = Path(args.out) if args.out else None
    all_rejects = []
    kept_tables = []
    total_in = total_kept = 0
    for path in args.paths:
        p = Path(path)
        if p.is_dir() and any(p.glob(f"{t}.*") for t in ("conversations", "customers")):
            raise CxTextError(
                f"'{path}' is a corpus folder (turns, conversations, customers ...): ingest "
                f"reads one table at a time. Give its files one kind at a time (cxtext ingest "
                f"{p / 'turns.csv'}; cxtext ingest {p / 'customers.csv'} --kind customers), or "
                f"load the whole folder into a store: cxtext load cx.duckdb {path}")
        kwargs = {"column_map": column_map, "encoding": args.encoding, "return_rejects": True,
                  "sheet_name": args.sheet}
        if args.kind == "turns":
            kwargs["layout"] = args.layout
            kwargs["speaker_map"] = args.speaker_map
        kept, rejects = readers[args.kind](path, **kwargs)
        n_in = len(kept) + len(rejects)
        total_in += n_in
        total_kept += len(kept)
        unit = "turns" if args.kind == "turns" else "rows"
        extra = ""
        if args.kind == "turns" and len(kept):
            extra = f" in {kept['conversation_id'].nunique():,} conversations"
        print(f"{path}: read {n_in:,} {unit}: kept {len(kept):,}{extra}, rejected {len(rejects):,}")
        for rec in rejects.head(args.show).itertuples(index=False):
            print(f"  rejected row {rec.row}: {mask_pii(str(rec.reason))}")
        if len(rejects) > args.show:
            print(f"  ... {len(rejects) - args.show:,} more rejected rows")
        labels = _unknown_speakers(rejects["reason"]) if len(rejects) else []
        if labels:
            example = json.dumps(dict.fromkeys(labels[:3], "<role>"), ensure_ascii=False)
            print(f"  speaker labels cxtext does not know: {', '.join(map(repr, labels[:10]))}; "
                  f"say which role each is with --speaker-map '{example}', each <role> one of "
                  "customer, agent, system")
        kept_tables.append(kept)
        all_rejects.append(rejects)

    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        table = pd.concat(kept_tables, ignore_index=True)
        audit = None
        if not args.keep_pii and "text" in table.columns:
            from cxtext.audit import PiiAudit
            from cxtext.text.pii import mask_pii_many

            audit = PiiAudit(run=f"cxtext ingest --kind {args.kind}")
            table["text"] = mask_pii_many(table["text"], audit=audit, step=f"{args.kind}.text")[
                "text"
            ]
        target = out_dir / f"{args.kind}.parquet"
        table.to_parquet(target, index=False)
        rejects = pd.concat(all_rejects, ignore_index=True)
        # Rejected records hold raw text: mask before it leaves the library.
        rejects = rejects.assign(
            reason=rejects["reason"].astype(str).map(mask_pii),
            record=rejects["record"].astype(str).map(mask_pii),
        )
        rejects.to_csv(out_dir / f"{args.kind}_rejects.csv", index=False)
        print(f"wrote {target} and {out_dir / (args.kind + '_rejects.csv')}")
        if audit is not None:
            print(f"PII: {audit.summary()}; counts in {audit.write(out_dir / 'audit.json')}")
    print(f"total: in {total_in:,} = kept {total_kept:,} + rejected {total_in - total_kept:,}")
    return 1 if args.strict and total_kept < total_in else 0


_SPEAKER_REASON = re.compile(r"speaker: expected [^;]*?, got '((?:[^'\\]|\\.)*)'")


def _unknown_speakers(reasons: Iterable[object]) -> list[str]:
    """Speaker labels the rejects name, in order of appearance."""
    out: list[str] = []
    for reason in reasons:
        for label in _SPEAKER_REASON.findall(str(reason)):
            if label not in out:
                out.append(label)
    return out


def _store_load(args: argparse.Namespace) -> int:
    from cxtext.store import Store

    total_rejected = 0
    with Store(args.store) as store:
        for path in args.paths:
            p = Path(path)
            if p.is_dir():
                report = store.load_corpus(p, mask_pii=not args.keep_pii)
            else:
                kind = args.kind
                if kind == "auto":
                    stem = p.stem.lower()
                    kind = ("conversations" if "conversation" in stem
                            else "customers" if "customer" in stem else "turns")
                report = store.load(**{kind: p}, mask_pii=not args.keep_pii)
            print(f"{path}:")
            for line in str(report).splitlines():
                print(f"  {line}")
            for rec in report.rejects.head(args.show).itertuples(index=False):
                print(f"  rejected {rec.table} row {rec.row}: {rec.reason}")
            total_rejected += report.n_rejected
        print("store: " + ", ".join(f"{k} {v:,}" for k, v in store.counts().items()))
    return 1 if args.strict and total_rejected else 0


def _store_tag(args: argparse.Namespace) -> int:
    from cxtext.store import Store

    kwargs = {k: v for k, v in (("sentiment_backend", args.sentiment_backend),
                                ("emotion_backend", args.emotion_backend)) if v}
    _existing_store(args.store, "tag")
    with Store(args.store) as store:
        _nonempty_store(store, args.store)
        n = store.tag(chunk_size=args.chunk_size, progress=not args.quiet, limit=args.limit,
                      allow_mixed=args.allow_mixed, n_jobs=args.n_jobs, **kwargs)
        print(f"tagged {n:,} conversation(s); "
              + ", ".join(f"{k} {v:,}" for k, v in store.counts().items()))
    return 0


def _tag_parquet(args: argparse.Namespace) -> int:
    import time

    from cxtext._stream import tag_parquet

    kwargs = {k: v for k, v in (("sentiment_backend", args.sentiment_backend),
                                ("emotion_backend", args.emotion_backend)) if v}
    wall, cpu = time.perf_counter(), time.process_time()
    info = tag_parquet(args.turns, args.out, batch_size=args.batch_size, mask=not args.keep_pii,
                       tokens=args.tokens, n_jobs=args.n_jobs, progress=not args.quiet,
                       sort=args.sort,
                       on_bad_rows="reject" if args.reject_bad_rows else "raise", **kwargs)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    rate = info["customer_chars"] / wall if wall > 0 else 0.0
    print(f"tagged {info['turns']:,} turn(s) of {info['conversations']:,} conversation(s) "
          f"in {info['batches']:,} batch(es), {wall:,.1f} s "
          f"({info['customer_chars']:,} customer characters, {rate:,.0f} per second"
          + (f"; this process used {cpu:,.1f} s of CPU" if args.n_jobs != 1 else "") + ")")
    print(f"wrote {info['turn_tags']} and {info['conversation_tags']}"
          + ("" if args.keep_pii else " (texts and evidence masked)"))
    if args.reject_bad_rows:
        print(f"rows read {info['rows_read']:,} = tagged {info['turns']:,} + rejected "
              f"{info['rejected']:,}; the rejected rows, with their reasons: "
              f"{info['rejected_turns']}")
    return 0


def _store_portrait(args: argparse.Namespace) -> int:
    from cxtext.portrait import build_portraits
    from cxtext.store import Store

    windows = args.windows
    _existing_store(args.store, "portrait")
    with Store(args.store) as store:
        _nonempty_store(store, args.store)
        untagged = len(store.untagged())
        if untagged:
            print(f"note: {untagged:,} conversation(s) are not tagged yet (run 'cxtext tag "
                  f"{args.store}'); they count as contacts without tags", file=sys.stderr)
        portraits = build_portraits(store, as_of=args.as_of, windows=windows)
        store.write_table("portraits", portraits)
    print(f"{len(portraits):,} portraits as of {portraits['as_of'].iloc[0]:%Y-%m-%d} "
          f"written to table 'portraits' of {args.store}" if len(portraits) else
          "no customers: nothing written")
    if args.out:
        import json as _json

        import pandas as pd

        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.suffix.lower() == ".parquet":
            portraits.to_parquet(out, index=False)
        else:
            from cxtext.export import neutralise_formula

            flat = portraits.copy()
            for col in ("categories", "emotion_mix"):
                flat[col] = [_json.dumps(v, ensure_ascii=False) for v in flat[col]]
            for col in flat.columns:  # ids from a CRM could start with = + - @
                if flat[col].dtype == object or pd.api.types.is_string_dtype(flat[col].dtype):
                    flat[col] = flat[col].map(neutralise_formula)
            flat.to_csv(out, index=False, encoding="utf-8-sig")
        print(f"wrote {out}")
    return 0


def _warn(args: argparse.Namespace) -> int:
    from cxtext.churn import churn
    from cxtext.export import export_warnings, flatten_warnings
    from cxtext.store import Store

    _existing_store(args.store, "warn")
    with Store(args.store) as store:
        _nonempty_store(store, args.store)
        warnings = churn(store, as_of=args.as_of, method=args.method,
                         horizon_days=args.horizon_days)
        store.write_table("warnings", warnings)
    if warnings.empty:
        print("no active customers: nothing to warn about")
        return 0
    method = "learned model" if warnings["method"].iloc[0] == "model" else "rule scorer"
    levels = warnings["risk_level"].value_counts()
    print(f"{len(warnings):,} customers scored by the {method}: "
          + ", ".join(f"{lv} {int(levels.get(lv, 0)):,}" for lv in ("高", "中", "低"))
          + f"; written to table 'warnings' of {args.store}")
    shown = warnings.head(args.top or 20)
    flat = flatten_warnings(shown)
    for rank, rec in enumerate(flat.itertuples(index=False), start=1):
        first = str(rec.reasons).split("；")[0] if rec.reasons else "-"
        print(f"{rank:>4}  {rec.customer_id}  {rec.risk_level}  {rec.risk_score:.3f}  "
              f"{rec.suggested_action}  {first}")
    if args.out:
        out = export_warnings(warnings.head(args.top) if args.top else warnings, args.out,
                              header=args.header)
        print(f"wrote {out}")
    return 0


def _audit_pii(args: argparse.Namespace) -> int:
    from cxtext.audit import AUDIT_TYPES, scan_outputs
    from cxtext.text.pii import PII_TYPES

    types = PII_TYPES if args.all_types else AUDIT_TYPES
    found = scan_outputs(args.paths, types=types)
    for rec in found.head(args.show).itertuples(index=False):
        print(f"{rec.file}: {rec.location}: {rec.type}: {rec.preview}")
    if len(found) > args.show:
        print(f"... {len(found) - args.show:,} more finding(s)")
    if len(found):
        per_type = found["type"].value_counts().to_dict()
        print(f"audit-pii: {len(found):,} unmasked value(s) in {found['file'].nunique():,} "
              f"file(s): {per_type}", file=sys.stderr)
        return 1
    print(f"audit-pii: no unmasked {', '.join(types)} found")
    return 0


def _notebook_param(item: str) -> tuple[str, object]:
    """``-p KEY=VALUE``: VALUE as JSON when it is JSON (numbers, true/false/null, lists,
    quoted strings), else the text itself (``-p embedding=tfidf-svd``)."""
    key, eq, value = item.partition("=")
    if not eq or not key.strip():
        raise CxTextError(f"-p expects KEY=VALUE, e.g. -p embedding=tfidf-svd; got {item!r}")
    try:
        return key.strip(), json.loads(value)
    except json.JSONDecodeError:
        return key.strip(), value


def _report(args: argparse.Namespace) -> int:
    from cxtext import report

    names = list(report.REPORTS) if args.name == "all" else [args.name]
    for name in names:  # a typo is caught before minutes of loading and tagging
        report._check_name(name)
    notebook_params = dict(_notebook_param(item) for item in args.param or [])
    # each notebook gets the -p values it has a parameter for ('report all -p embedding=...'
    # reaches topics only); a key no notebook knows is an error, not a silent default
    known = {n: report.notebook_parameters(n) for n in names} if notebook_params else {}
    every = sorted({k for ks in known.values() for k in ks})
    unknown = sorted(k for k in notebook_params if k not in every)
    if unknown:
        raise CxTextError(
            f"-p {unknown}: no parameter of that name in "
            f"{'any report' if len(names) > 1 else 'the ' + names[0] + ' report'}"
            f"{report._did_you_mean(unknown, every)}; the parameters are {every}.")
    params: dict[str, object] = {}
    store = args.store
    if args.corpus and not store:
        # tag once into a work store that every notebook reads (not six times)
        store = str(Path(args.out) / report.WORK_STORE)
    if args.corpus:
        print(f"loading and tagging {args.corpus} into {store} ...", file=sys.stderr)
        report.prepare_store(args.corpus, store)
    if store:
        params["store"] = store
    rendered = []
    for name in names:
        own = {k: v for k, v in notebook_params.items() if k in known[name]}
        r = report.render_report(name, args.out, parameters={**params, **own},
                                 timeout_s=args.timeout)
        print(f"{r.path}  ({r.seconds:.0f} s)")
        for text in r.stderr:
            print(f"  [{name}] stderr: {text.strip()[:200]}", file=sys.stderr)
        rendered.append(r)
    index = report.write_index(rendered, args.out,
                               data_range=report.data_range(store, args.corpus))
    print(index)
    return 0


def _delegate(module: str, prog: str):
    """Sub-commands whose parser lives in their module (``cxtext eval``, ``cxtext train``)."""

    def run(args: argparse.Namespace) -> int:
        import importlib

        return importlib.import_module(module).main(args.rest, prog=prog)

    return run


_DELEGATED = {"eval": "cxtext.evaluate", "train": "cxtext.train"}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = argparse.ArgumentParser(
        prog="cxtext",
        description="Chinese bank call-centre and complaint text into tags, portraits and reports.",
    )
    parser.add_argument("--version", action="version", version=f"cxtext {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ing = sub.add_parser(
        "ingest", help="read files into the canonical tables; print what was kept and rejected",
        description="Read CSV/XLSX/JSONL/JSON/Parquet/TXT files into a canonical table and "
        "report kept and rejected rows (counts in = kept + rejected, always).",
    )
    ing.add_argument("paths", nargs="+",
                     help="files, or folders of files of one kind (read recursively)")
    ing.add_argument("--kind", choices=["turns", "conversations", "customers"], default="turns")
    ing.add_argument(
        "--layout", default="auto",
        choices=["auto", "table", "complaints", "jddc", "transcripts", "dialogues"],
        help="how a turns file is laid out (default: detect)",
    )
    ing.add_argument("--column-map", type=_json_mapping,
                     help='JSON mapping, e.g. \'{"内容": "text"}\'')
    ing.add_argument("--speaker-map", type=_json_mapping,
                     help='JSON mapping of speaker labels to roles, e.g. '
                     '\'{"访客": "customer", "经理": "agent"}\' (turns only)')
    ing.add_argument("--encoding", help="force an encoding (default: detect)")
    ing.add_argument("--sheet", type=_sheet, default=0,
                     help="Excel sheet: its name or 0-based number (default 0, the first)")
    ing.add_argument("--out", help="folder for <kind>.parquet and <kind>_rejects.csv")
    ing.add_argument(
        "--keep-pii", action="store_true",
        help="write text unmasked (default: personal data is masked in what --out writes)",
    )
    ing.add_argument("--show", type=int, default=10, help="rejected rows to print per file")
    ing.add_argument("--strict", action="store_true", help="exit 1 when any row is rejected")
    ing.set_defaults(func=_ingest)

    rep = sub.add_parser(
        "report", help="render report notebooks to self-contained HTML",
        description="Execute report notebooks with papermill and export HTML without code.",
    )
    rep.add_argument("name", help="report name (e.g. corpus_profile) or 'all'")
    rep.add_argument("--corpus", help="corpus folder (conversations.csv, turns.csv, ...); "
                     "loaded and tagged once into --store, default OUT/_work/cxtext.duckdb")
    rep.add_argument("--store", help="a cx.Store DuckDB file the reports read (tagged once)")
    rep.add_argument("--out", default="reports", help="output folder (default: reports)")
    rep.add_argument("-p", "--param", action="append", help="notebook parameter KEY=VALUE")
    rep.add_argument("--timeout", type=int, default=600, help="per-cell time limit in seconds")
    rep.set_defaults(func=_report)

    sl = sub.add_parser(
        "load", help="load files or corpus folders into a DuckDB store (idempotent)",
        description="Add turns/conversations/customers to a DuckDB store; rows already "
        "stored are skipped. Turn texts are masked unless --keep-pii.",
    )
    sl.add_argument("store", help="the .duckdb file (created when missing)")
    sl.add_argument("paths", nargs="+", help="corpus folders or files")
    sl.add_argument("--kind", choices=["auto", "turns", "conversations", "customers"],
                    default="auto", help="table of the files (default: from the file name)")
    sl.add_argument("--keep-pii", action="store_true", help="store turn texts unmasked")
    sl.add_argument("--show", type=int, default=10, help="rejected rows to print per path")
    sl.add_argument("--strict", action="store_true", help="exit 1 when any row is rejected")
    sl.set_defaults(func=_store_load)

    st = sub.add_parser(
        "tag", help="tag the store's untagged conversations (resumable)",
        description="Tag conversations without tags, committing one chunk at a time; "
        "after an interruption, run it again to finish.",
    )
    st.add_argument("store", help="the .duckdb file")
    st.add_argument("--chunk-size", type=int, default=500,
                    help="conversations per commit (default 500)")
    st.add_argument("--limit", type=int, help="tag at most this many conversations")
    st.add_argument("--sentiment-backend", help="model (default), lexicon or snownlp")
    st.add_argument("--emotion-backend", help="model (default), lexicon or snownlp")
    st.add_argument("--allow-mixed", action="store_true",
                    help="allow other backends than the store's last tagging run used")
    st.add_argument("--n-jobs", type=_n_jobs, default=1,
                    help="worker processes (default 1; -1: every CPU); tags are the same")
    st.add_argument("--quiet", action="store_true", help="no progress bar")
    st.set_defaults(func=_store_tag)

    tp = sub.add_parser(
        "tag-parquet", help="tag a large Parquet file of turns batch by batch (flat memory)",
        description="Stream a Parquet file of canonical turns, sorted by conversation_id, "
        "through masking, tagging (and, with --tokens, segmentation) batch by batch, and "
        "append the results to OUT/turn_tags.parquet and OUT/conversation_tags.parquet; "
        "peak memory follows --batch-size, not the size of the file (cx.tag_parquet).",
    )
    tp.add_argument("turns", help="the .parquet file of turns, sorted by conversation_id, or a "
                    "folder or glob of .parquet part files (combined and sorted first)")
    tp.add_argument("out", help="output folder (created when missing)")
    tp.add_argument("--batch-size", type=_positive, default=50_000,
                    help="turns read per batch (default 50000)")
    tp.add_argument("--n-jobs", type=_n_jobs, default=1,
                    help="worker processes (default 1; -1: every CPU); tags are the same")
    tp.add_argument("--tokens", action="store_true",
                    help="add a tokens column (customer turns segmented)")
    tp.add_argument("--sort", action="store_true",
                    help="sort the file by conversation_id and turn first (DuckDB, on disk; "
                    "needs free disk about the size of the file)")
    tp.add_argument("--reject-bad-rows", action="store_true",
                    help="leave out turns that do not fit (no text, unknown speaker, ...), go "
                    "on, and list them in OUT/rejected_turns.csv (default: stop at the first)")
    tp.add_argument("--keep-pii", action="store_true",
                    help="do not mask personal data (texts and evidence are written as read)")
    tp.add_argument("--sentiment-backend", help="model (default), lexicon or snownlp")
    tp.add_argument("--emotion-backend", help="model (default), lexicon or snownlp")
    tp.add_argument("--quiet", action="store_true", help="no progress bar")
    tp.set_defaults(func=_tag_parquet)

    sp = sub.add_parser(
        "portrait", help="build customer portraits in the store (and optionally a file)",
        description="One row per customer from the tagged store, written to its "
        "'portraits' table; --out also writes .csv (UTF-8 with BOM) or .parquet.",
    )
    sp.add_argument("store", help="the .duckdb file")
    sp.add_argument("--as-of", type=_date,
                    help="cut-off date (default: the day after the last contact)")
    sp.add_argument("--windows", type=_windows, default=(30, 90, 365),
                    help="day windows, comma-separated (default 30,90,365)")
    sp.add_argument("--out", type=_output(".csv", ".parquet"),
                    help="also write the portraits to this .csv or .parquet file")
    sp.set_defaults(func=_store_portrait)

    sw = sub.add_parser(
        "warn", help="rank customers by churn risk from the tagged store; export the list",
        description="Churn warnings (risk score, level 高/中/低, reasons, masked evidence, "
        "suggested action) for the customers still active at --as-of, written to the store's "
        "'warnings' table; --out also writes .csv (UTF-8 with BOM), .xlsx or .parquet, masked "
        "and safe to open in Excel. The learned model is used when the customers table has "
        "churn dates with enough churn events, else the rule scorer.",
    )
    sw.add_argument("store", help="the .duckdb file (loaded and tagged)")
    sw.add_argument("--out", type=_output(".csv", ".xlsx", ".parquet"),
                    help="also export the list to this .csv, .xlsx or .parquet file")
    sw.add_argument("--header", choices=["en", "zh"], default="en",
                    help="column names of --out: as in the store (en, default) or Chinese "
                    "(zh: 排名, 客户, 风险分 ...)")
    sw.add_argument("--top", type=int, help="print and export only the N riskiest (print: 20)")
    sw.add_argument("--as-of", type=_date,
                    help="cut-off date (default: the day after the last contact)")
    sw.add_argument("--method", choices=["auto", "model", "rules"], default="auto",
                    help="scorer (default auto: the model when labels allow, else rules)")
    sw.add_argument("--horizon-days", type=int, default=90,
                    help="churn window the model predicts (default 90)")
    sw.set_defaults(func=_warn)

    aud = sub.add_parser(
        "audit-pii", help="scan outputs for unmasked personal data; exit 1 if any is found",
        description="Scan HTML, CSV/TSV, XLSX (all sheets), Parquet, JSON/JSONL, notebooks and "
        "text files (folders recursively) for unmasked phone, landline, ID-card and bank-card "
        "numbers and e-mail addresses. Prints file, location, type and a masked preview "
        "(never the value). Exit 0: clean; 1: findings; 2: a path could not be read.",
    )
    aud.add_argument("paths", nargs="+", help="files or folders (e.g. reports/)")
    aud.add_argument("--all-types", action="store_true",
                     help="also look for names and addresses (context-dependent, noisier)")
    aud.add_argument("--show", type=int, default=50, help="findings to print (default 50)")
    aud.set_defaults(func=_audit_pii)

    helps = {
        "eval": "evaluate a tagger on labelled data (sentiment|emotion|intents), JSON metrics",
        "train": "retrain the shipped sentiment or emotion model",
    }
    for name, module in _DELEGATED.items():
        help_text = helps[name]
        cmd = sub.add_parser(name, help=help_text, add_help=False,
                             description=f"{help_text}. Run 'cxtext {name} --help' for options.")
        cmd.add_argument("rest", nargs=argparse.REMAINDER)
        cmd.set_defaults(func=_delegate(module, f"cxtext {name}"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cxtext`` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # argparse's REMAINDER drops a leading "--help"/"--data": hand these over whole.
    if argv and argv[0] in _DELEGATED:
        args = argparse.Namespace(command=argv[0], rest=argv[1:])
        args.func = _delegate(_DELEGATED[argv[0]], f"cxtext {argv[0]}")
    else:
        args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return args.func(args)
    except (CxTextError, ValueError) as exc:
        # cxtext's own errors and the ValueErrors cxtext raises for a bad parameter are the
        # user's to fix: one line. A ValueError raised inside a dependency is more likely a
        # bug of ours: keep its traceback (CXTEXT_DEBUG=1 keeps every traceback).
        if os.environ.get("CXTEXT_DEBUG") or not (
            isinstance(exc, CxTextError) or _raised_by_cxtext(exc)
        ):
            raise
        print(f"cxtext {args.command}: error: {exc}", file=sys.stderr)
        return 2


def _raised_by_cxtext(exc: BaseException) -> bool:
    """Whether the innermost frame of ``exc``'s traceback is in the cxtext package."""
    tb = exc.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    package = os.path.dirname(os.path.abspath(__file__))
    return os.path.abspath(tb.tb_frame.f_code.co_filename).startswith(package + os.sep)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
