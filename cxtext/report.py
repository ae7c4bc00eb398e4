"""Run the report notebooks with papermill and export self-contained HTML.

Each report is a notebook in ``notebooks/`` with one cell tagged
``parameters``. :func:`render_report` executes it in a fresh kernel and exports
HTML with no code cells, images embedded as data URIs and no external scripts,
so a quality team can open the single file anywhere, offline.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import json
import os
import re
import sys
import tempfile
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxtext.errors import CxTextError, MissingDependencyError

if TYPE_CHECKING:
    import pandas as pd

# Report name -> (notebook file, Chinese title). Order is the index order.
REPORTS: dict[str, tuple[str, str]] = {
    "corpus_profile": ("01_corpus_profile.ipynb", "语料概况"),
    "tag_quality": ("02_tag_quality.ipynb", "标签质量"),
    "topics": ("03_topics.ipynb", "话题发现"),
    "customer_portrait": ("04_customer_portrait.ipynb", "客户画像"),
    "churn_warning": ("05_churn_warning.ipynb", "流失预警"),
    "service_quality": ("06_service_quality.ipynb", "服务质量"),
}

#: One line per report for the index: what a reader finds in it.
REPORT_PURPOSE: dict[str, str] = {
    "corpus_profile": "分析了哪些数据：渠道、月份、会话长度、识别并脱敏的个人信息",
    "tag_quality": "情感、情绪、投诉类别和意图标签是否可信（与 snownlp 对比）",
    "topics": "客户在谈什么，现有投诉分类没有覆盖的新话题，上升的话题",
    "customer_portrait": "客户等级 × 情绪 × 投诉类别分群，情绪负面的高价值客户",
    "churn_warning": "回访名单：谁可能流失、为什么、客户原话、建议处理和联系方式",
    "service_quality": "班组和坐席质检评分卡、服务禁语、得分最低的会话",
}

_SAFE_NAME = re.compile(r"^[A-Za-z0-9_]+$")


@dataclass
class RenderedReport:
    """What :func:`render_report` produced."""

    name: str
    title: str
    path: Path
    parameters: dict[str, Any]
    seconds: float
    stderr: list[str] = field(default_factory=list)


@dataclass
class ReportData:
    """The tables a report notebook reads, tagged once (see :func:`load_report_data`).

    Attributes
    ----------
    conversations : DataFrame
        Canonical conversations joined with their ``cx.tag`` roll-ups (``sentiment_*``,
        ``emotion_*``, ``intent_*``, ``categories``, ``quality_*``) and, when the agents
        table is known, the agent's ``team``.
    turns : DataFrame
        Tagged turns (the columns of ``cx.tag(...).turns``).
    customers, agents : DataFrame or None
        CRM and agent tables when the source has them.
    rejects : DataFrame or None
        Rows rejected while reading a corpus folder (``None`` from a store).
    source : str
        ``"store"`` or ``"corpus"``.
    """

    conversations: pd.DataFrame
    turns: pd.DataFrame
    customers: pd.DataFrame | None
    agents: pd.DataFrame | None
    rejects: pd.DataFrame | None
    source: str

    @property
    def data_range(self) -> str:
        """``"2025-01-01 至 2025-12-31"`` from the conversations' start times ("" if none)."""
        return _range_text(self.conversations)


def _range_text(conversations: pd.DataFrame) -> str:
    import pandas as pd

    if "started_at" not in conversations:
        return ""
    started = pd.to_datetime(conversations["started_at"], errors="coerce").dropna()
    if started.empty:
        return ""
    return f"{started.min():%Y-%m-%d} 至 {started.max():%Y-%m-%d}"


def _join_tags(conversations: pd.DataFrame, conv_tags: pd.DataFrame,
               agents: pd.DataFrame | None) -> pd.DataFrame:
    tag_cols = [c for c in conv_tags.columns if c == "conversation_id" or c not in conversations]
    out = conversations.merge(conv_tags[tag_cols], on="conversation_id", how="left")
    if agents is not None and "team" in agents and "agent_id" in out and "team" not in out:
        out = out.merge(agents[["agent_id", "team"]].drop_duplicates("agent_id"),
                        on="agent_id", how="left")
    return out


def load_report_data(
    store: str | os.PathLike | None = None,
    corpus_dir: str | os.PathLike | None = None,
    **tag_kwargs: Any,
) -> ReportData:
    """Everything a report notebook needs, from a store (tagged once) or a corpus folder.

    Parameters
    ----------
    store : path, optional
        A ``cx.Store`` DuckDB file that has been loaded and tagged (``cxtext report``
        prepares one under ``<out>/_work/``). Read only; takes precedence.
    corpus_dir : path, optional
        A corpus folder (``conversations.csv``, ``turns.csv``, ...), read and tagged here.
    **tag_kwargs
        Passed to :func:`cxtext.tag` when tagging a corpus folder.

    Returns
    -------
    ReportData

    Raises
    ------
    CxTextError
        Neither source given, or the store has not been tagged.
    """
    with warnings.catch_warnings():
        # tqdm.auto (imported by tagging and topic modelling) warns once at import in a
        # kernel without ipywidgets; a report's stderr must stay empty, since it is
        # checked for missing-glyph warnings. Import it once here, quietly.
        warnings.simplefilter("ignore")
        import tqdm.auto  # noqa: F401
    store = _from_checkout(store)
    corpus_dir = _from_checkout(corpus_dir)
    if store:
        from cxtext.store import Store

        with Store(store, read_only=True) as st:
            tables = {}
            for name in ("conversations", "turns", "customers", "agents", "turn_tags",
                         "conversation_tags"):
                tables[name] = st.read_table(name) if st.has_table(name) else None
        conv_tags, turn_tags = tables["conversation_tags"], tables["turn_tags"]
        if conv_tags is None or turn_tags is None or conv_tags.empty:
            raise CxTextError(
                f"The store {Path(store).name} has no tags: run `cxtext tag STORE` first."
            )
        turns = tables["turns"]
        if turns is not None and "text" not in turn_tags:
            keys = ["conversation_id", "turn"]
            turn_tags = turns.merge(turn_tags, on=keys, how="inner", suffixes=("", "_tag"))
        customers = tables["customers"]
        agents = tables["agents"]
        conversations = _join_tags(tables["conversations"], conv_tags, agents)
        rejects = None
        with Store(store, read_only=True) as st:
            if st.has_table("_rejects"):
                rejects = st.sql("SELECT * FROM _rejects")
        return ReportData(conversations, turn_tags.reset_index(drop=True),
                          None if customers is None or customers.empty else customers,
                          None if agents is None or agents.empty else agents, rejects,
                          "store")
    if corpus_dir:
        from cxtext.io import read_corpus
        from cxtext.tags.tag import tag

        corpus = read_corpus(corpus_dir)
        tag_kwargs.setdefault("progress", False)
        result = tag(corpus.turns, **tag_kwargs)
        conversations = _join_tags(corpus.conversations, result.conversations, corpus.agents)
        return ReportData(conversations, result.turns, corpus.customers, corpus.agents,
                          corpus.rejects, "corpus")
    raise CxTextError("load_report_data needs a store path or a corpus folder.")


def _from_checkout(path: str | os.PathLike | None) -> str | os.PathLike | None:
    """A relative ``path`` that is not in the working directory but is in the checkout root
    (a notebook opened in JupyterLab runs in ``notebooks/``, while its default
    ``corpus_dir="corpora/demo"`` is relative to the root, where ``cxtext report`` runs)."""
    if not path or Path(path).is_absolute() or Path(path).exists():
        return path
    root = default_notebook_dir().parent / path
    return root if root.exists() else path


#: Where ``cxtext report --corpus DIR`` keeps its work store, inside the output folder.
WORK_STORE = Path("_work") / "cxtext.duckdb"


def prepare_store(
    corpus_dir: str | os.PathLike,
    store: str | os.PathLike,
    **tag_kwargs: Any,
) -> Path:
    """Load a corpus folder into a ``cx.Store`` and tag it, once, for the reports.

    Loading is idempotent and tagging only tags what is not tagged yet, so calling this
    again on the same store is cheap. The corpus's ``agents`` table (team of each agent),
    when present, is written too: the service-quality report groups by team.

    Parameters
    ----------
    corpus_dir : path
        Folder with ``conversations``, ``turns`` (and ``customers``, ``agents``) files.
    store : path
        The DuckDB file (created with its folder when missing).
    **tag_kwargs
        Passed to :meth:`cxtext.Store.tag`.

    Returns
    -------
    Path
        ``store``.
    """
    from cxtext.io import read_corpus
    from cxtext.store import Store

    path = Path(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    with Store(path) as st:
        st.load_corpus(corpus_dir)
        st.tag(**tag_kwargs)
        agents = read_corpus(corpus_dir).agents
        if agents is not None and len(agents):
            st.write_table("agents", agents)
    return path


def data_range(store: str | os.PathLike | None = None,
               corpus_dir: str | os.PathLike | None = None) -> str:
    """``"2025-01-01 至 2025-12-31"``: the span of conversation start times ("" if unknown)."""
    if store:
        from cxtext.store import Store

        with Store(store, read_only=True) as st:
            return _range_text(st.read_table("conversations", columns=["started_at"]))
    if corpus_dir:
        from cxtext.io import read_conversations

        folder = Path(corpus_dir)
        files = sorted(folder.glob("conversations.*"))
        if files:
            return _range_text(read_conversations(files[0]))
    return ""


def default_notebook_dir() -> Path:
    """``notebooks/`` beside the package (a source checkout), else in the current folder."""
    beside = Path(__file__).resolve().parents[1] / "notebooks"
    return beside if beside.is_dir() else Path.cwd() / "notebooks"


def _check_name(name: str) -> str:
    if not _SAFE_NAME.match(name) or name not in REPORTS:
        raise CxTextError(
            f"Unknown report {name!r}. Choose one of {sorted(REPORTS)} or 'all'."
        )
    return name


def _kernel_transport(folder: str, env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Engine arguments: the report kernel over Unix sockets in ``folder``, with ``env`` added.

    The default is plain-text TCP on localhost ports, which any local user can reach and
    which ipykernel >= 7 warns about on every start; the notebooks carry bank data. Windows
    keeps TCP (no ``ipc`` transport there). ``env`` is added to the kernel's environment
    only (this process's ``os.environ`` is left alone), so several reports can render at
    once from threads of one process.
    """
    from jupyter_client.manager import AsyncKernelManager

    ipc = os.name != "nt"
    extra_env = dict(env or {})

    class _ReportKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs: Any) -> None:
            if ipc:
                kwargs.setdefault("transport", "ipc")
                kwargs.setdefault("ip", os.path.join(folder, "kernel"))
            super().__init__(**kwargs)

        async def _async_pre_start_kernel(self, **kw: Any) -> tuple[list[str], dict[str, Any]]:
            kw["env"] = {**kw.get("env", os.environ), **extra_env}
            return await super()._async_pre_start_kernel(**kw)

    return {"kernel_manager_class": _ReportKernelManager}


def _kernel_env(name: str, out: Path) -> dict[str, str]:
    """What the report kernel needs on top of this process's environment."""
    from cxtext.display import REPORT_DIR_ENV, REPORT_NAME_ENV

    return {
        # the kernel must be this interpreter's (its bin folder first on PATH)
        "PATH": os.pathsep.join([str(Path(sys.executable).parent),
                                 os.environ.get("PATH", "")]),
        # charts go inline whatever MPLBACKEND the caller set (Agg would draw nothing)
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        # CSV exports of long tables (display.top_table) go beside the HTML
        REPORT_DIR_ENV: str(out.resolve()),
        REPORT_NAME_ENV: name,
    }


def _html_exporter():
    try:
        from nbconvert import HTMLExporter
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise MissingDependencyError("cxtext.render_report", "nbconvert", "notebooks") from exc
    template_dir = resources.files("cxtext").joinpath("resources/nbconvert")
    exporter = HTMLExporter(
        extra_template_basedirs=[str(template_dir)],
        template_name="cxreport",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.language_code = "zh-CN"
    return exporter


def _strip_stderr(nb: Any) -> list[str]:
    """Remove stderr streams and warnings from the outputs; return what was removed."""
    removed: list[str] = []
    for cell in nb.cells:
        if cell.get("cell_type") != "code":
            continue
        keep = []
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                removed.append(out.get("text", ""))
                continue
            keep.append(out)
        cell["outputs"] = keep
        cell["source"] = ""  # no code in the exported file, not even hidden
    return removed


def render_report(
    name: str,
    out_dir: str | os.PathLike = "reports",
    *,
    parameters: Mapping[str, Any] | None = None,
    notebook_dir: str | os.PathLike | None = None,
    timeout_s: int = 600,
) -> RenderedReport:
    """Execute one report notebook and write ``<out_dir>/<name>.html``.

    Parameters
    ----------
    name : str
        A key of :data:`REPORTS`, e.g. ``"corpus_profile"``. Names are checked
        against that list, so ``"../x"`` cannot write outside ``out_dir``.
    out_dir : path
        Folder for the HTML (created when missing).
    parameters : mapping, optional
        Values for the notebook's ``parameters`` cell (papermill).
    notebook_dir : path, optional
        Where the notebooks are (default: :func:`default_notebook_dir`).
    timeout_s : int
        Per-cell time limit.

    Returns
    -------
    RenderedReport
        Includes anything the notebook printed to stderr (removed from the HTML).
    """
    _check_name(name)  # before the (slow) papermill import: a bad name fails at once
    try:
        import nbformat
        import papermill as pm
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise MissingDependencyError("cxtext.render_report", "papermill", "notebooks") from exc

    nb_file, title = REPORTS[name]
    src = Path(notebook_dir) if notebook_dir is not None else default_notebook_dir()
    src = src / nb_file
    if not src.is_file():
        raise CxTextError(f"Report notebook not found: {src}. Pass notebook_dir=...")
    params = dict(parameters or {})
    known = list(pm.inspect_notebook(str(src)))
    unknown = sorted(set(params) - set(known))
    if unknown:  # papermill would only warn, and the report would run with its default
        raise CxTextError(
            f"The {name} report has no parameter(s) {unknown}{_did_you_mean(unknown, known)}; "
            f"its parameters are {known}."
        )
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    start = dt.datetime.now()
    with tempfile.TemporaryDirectory(prefix="cxtext-report-") as tmp:
        executed = Path(tmp) / nb_file
        pm.execute_notebook(
            str(src), str(executed), parameters=params, kernel_name="python3",
            progress_bar=False, log_output=False, request_save_on_cell_execute=False,
            execution_timeout=timeout_s, cwd=str(Path.cwd()),
            **_kernel_transport(tmp, _kernel_env(name, out)),
        )
        nb = nbformat.read(executed, as_version=4)
    stderr = _strip_stderr(nb)
    nb.metadata["title"] = f"cxtext · {title}"
    body, _ = _html_exporter().from_notebook_node(nb, resources={"metadata": {"name": title}})
    target = out / f"{name}.html"
    target.write_text(_embed_font(body), encoding="utf-8")
    seconds = (dt.datetime.now() - start).total_seconds()
    return RenderedReport(name, title, target, params, seconds, stderr)


def notebook_parameters(name: str, notebook_dir: str | os.PathLike | None = None) -> list[str]:
    """The names in the ``parameters`` cell of report ``name``'s notebook, in order."""
    _check_name(name)
    try:
        import papermill as pm
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise MissingDependencyError("cxtext.render_report", "papermill", "notebooks") from exc
    src = Path(notebook_dir) if notebook_dir is not None else default_notebook_dir()
    return list(pm.inspect_notebook(str(src / REPORTS[name][0])))


def _did_you_mean(unknown: list[str], known: list[str]) -> str:
    import difflib

    hints = [f"{u!r} -> {m[0]!r}" for u in unknown
             if (m := difflib.get_close_matches(u, known, n=1, cutoff=0.7))]
    return f" (did you mean {', '.join(hints)}?)" if hints else ""


def _font_face(html_text: str) -> str:
    """An @font-face rule embedding the CJK font, subset to the characters of ``html_text``.

    Machines without a Chinese font (a fresh Linux server, a locked-down PC) would show
    boxes; a subset (~100 KB) keeps each report self-contained and readable anywhere.
    Returns "" when no packaged font or fontTools is available (system fonts then apply).
    """
    from cxtext.plotting import _packaged_font

    path = _packaged_font()
    try:
        from fontTools import subset
        from fontTools.ttLib import TTFont
    except ImportError:  # pragma: no cover - fontTools comes with matplotlib
        return ""
    if path is None:  # pragma: no cover - the font is a dependency
        return ""
    codepoints = {ord(c) for c in html_text if ord(c) > 127} | set(range(32, 127))
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]
    options.notdef_outline = True
    font = TTFont(str(path))
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    buf = io.BytesIO()
    font.flavor = "woff"
    font.save(buf)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return (
        '<style type="text/css">@font-face { font-family: "cxtext CJK"; '
        f'src: url(data:font/woff;base64,{data}) format("woff"); }}</style>'
    )


def _embed_font(html_text: str) -> str:
    face = _font_face(html_text)
    return html_text.replace("</head>", face + "\n</head>", 1) if face else html_text


def _display_value(value: Any, out: Path) -> Any:
    """A parameter as the index shows it: no absolute path of this machine."""
    if isinstance(value, str) and os.path.isabs(value):
        try:
            return Path(os.path.relpath(value, out.resolve())).as_posix()
        except ValueError:  # another drive on Windows
            return Path(value).name
    return value


_MANIFEST = "_index.json"


def _merge_manifest(out: Path, rendered: list[RenderedReport], now: str) -> list[dict[str, Any]]:
    """Index entries: reports rendered now, plus earlier ones whose HTML is still there.

    Rendering one report (``cxtext report topics``) must not drop the others from the
    index, so each run's entries are kept in ``_index.json`` beside the reports.
    """
    path = out / _MANIFEST
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
        old = old if isinstance(old, dict) else {}
    except (OSError, ValueError):
        old = {}
    entries: dict[str, dict[str, Any]] = {}
    for name, e in old.items():
        if (name in REPORTS and isinstance(e, dict) and isinstance(e.get("file"), str)
                and _SAFE_NAME.match(Path(e["file"]).stem) and (out / e["file"]).is_file()):
            entries[name] = e
    for r in rendered:
        entries[r.name] = {
            "file": r.path.name,
            "title": r.title,
            "parameters": {k: _display_value(v, out) for k, v in r.parameters.items()},
            "seconds": round(float(r.seconds), 1),
            "generated": now,
        }
    path.write_text(json.dumps(entries, ensure_ascii=False, indent=1), encoding="utf-8")
    order = list(REPORTS)
    return [entries[n] for n in sorted(entries, key=order.index)]


def write_index(
    rendered: list[RenderedReport], out_dir: str | os.PathLike, *, data_range: str = ""
) -> Path:
    """Write ``index.html`` linking the rendered reports, with parameters and time."""
    out = Path(out_dir)
    now = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    entries = _merge_manifest(out, rendered, now)
    rows = []
    for e in entries:
        params = html.escape(json.dumps(e["parameters"], ensure_ascii=False))
        purpose = REPORT_PURPOSE.get(Path(e["file"]).stem, "")
        rows.append(
            f'<tr><td><a href="{html.escape(e["file"])}">{html.escape(e["title"])}</a></td>'
            f"<td>{html.escape(purpose)}</td>"
            f"<td>{html.escape(e['generated'])}</td><td>{e['seconds']:.0f} 秒</td>"
            f"<td><code>{params}</code></td></tr>"
        )
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>cxtext 报告目录</title>
<style>
body {{ font-family: "cxtext CJK", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       max-width: 900px; margin: 2em auto; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-bottom: 1px solid #ddd; padding: .5em; text-align: left; }}
code {{ font-size: .85em; color: #555; }}
</style></head><body>
<h1>cxtext 报告目录</h1>
<p>数据期间：{html.escape(data_range) or "—"}　生成时间：{now}</p>
<table><tr><th>报告</th><th>内容</th><th>生成时间</th><th>生成耗时</th><th>技术参数</th></tr>
{''.join(rows)}
</table></body></html>
"""
    path = out / "index.html"
    path.write_text(_embed_font(page), encoding="utf-8")
    return path
