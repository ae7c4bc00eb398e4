"""Errors raised by cxtext. Every error inherits from :class:`CxTextError`."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

PROBLEM_COLUMNS: tuple[str, ...] = ("source", "row", "column", "expected", "got")


class CxTextError(Exception):
    """Base class of every error cxtext raises on purpose.

    Examples
    --------
    One ``except`` catches them all (bad data, unreadable files, missing extras):

    >>> import cxtext as cx
    >>> try:
    ...     cx.read_turns("no_such_export.csv")
    ... except cx.CxTextError as exc:
    ...     print(type(exc).__name__, exc)
    ReadError read_turns: no such file or folder: 'no_such_export.csv'
    """


class SchemaError(CxTextError, ValueError):
    """Input data does not fit a canonical table.

    Carries every problem found, not only the first: ``problems`` is a DataFrame
    with columns ``source`` (file or ``<DataFrame>``), ``row`` (1-based; for files
    with a header line this is the spreadsheet row, header = row 1), ``column``,
    ``expected`` and ``got``. File-level problems (a missing column, an
    unreadable file) have ``row`` missing.

    Examples
    --------
    >>> import cxtext as cx, pandas as pd
    >>> bad = pd.DataFrame({"conversation_id": ["c1", "c1"], "turn": [0, "x"],
    ...                     "speaker": ["客服", "客户"], "text": ["您好", "我要销户"]})
    >>> try:
    ...     cx.validate(bad, "turns")
    ... except cx.SchemaError as exc:
    ...     print(exc.problems[["row", "column", "got"]].values.tolist())
    [[2, 'turn', "'x'"]]
    """

    def __init__(self, message: str, problems: pd.DataFrame | None = None) -> None:
        self.problems = (
            problems if problems is not None else pd.DataFrame(columns=list(PROBLEM_COLUMNS))
        )
        super().__init__(message)

    @classmethod
    def from_problems(
        cls, table: str, problems: pd.DataFrame, *, max_lines: int = 30, fix: str | None = None
    ) -> SchemaError:
        """Build one readable message listing the problems (the first ``max_lines``);
        ``fix`` replaces the default advice of the first line."""
        fix_given = fix
        n = len(problems)
        rows = problems["row"].dropna().nunique() if n else 0
        sources = sorted({str(s) for s in problems["source"]}) if n else []
        scope = f"{rows} row(s)" if rows else "the columns"
        # A frame in memory ("<DataFrame>", "<turns>") was not read by a reader: the
        # readers' column_map= and return_rejects= are not parameters of the function
        # the user called (cx.tag, cx.profile_corpus ...).
        in_memory = bool(sources) and all(s.startswith("<") for s in sources)
        example = (
            "{'会话ID': 'conversation_id', '角色': 'speaker', '内容': 'text'}" if table == "turns"
            else "{'客户号': 'customer_id'}"
        )
        fix = (
            f"Fix the data or rename your columns to the canonical names, e.g. "
            f"df.rename(columns={example}) (the readers, cx.read_{table}(path) and "
            f"cx.read_corpus, map such Chinese headers themselves); cx.validate(df, "
            f"{table!r}, return_rejects=True) keeps the good rows and gives the bad ones back."
            if in_memory and table in ("turns", "conversations", "customers") else
            "Fix the data or rename your columns to the names listed below "
            "(df.rename(columns=...))."
            if in_memory else
            "Fix the data, map your column names with column_map=..., or pass "
            "return_rejects=True to keep the good rows and get the bad ones back."
        )
        role_lines = problems["expected"].astype(str).str.contains(_ROLE_LINE)
        if n and bool(role_lines.all()):
            # transcript lines before any role: no column to rename, no label to map
            fix = ("Each turn of a transcript starts with a role such as 客服： or 客户：; name "
                   "other roles with speaker_map={'坐席': 'agent'}, or pass return_rejects=True "
                   "to keep the turns found and get these lines back.")
        if fix_given is not None:
            fix = fix_given
        head = f"{table}: {n} problem(s) in {scope} of {', '.join(sources) or '<input>'}. {fix}"
        speakers = _speaker_labels(problems) if table == "turns" else []
        if speakers:
            shown = ", ".join(f"{s!r}: ..." for s in speakers[:5])
            head += (
                f" Speaker labels cxtext does not know ({', '.join(map(repr, speakers[:5]))}"
                f"{' ...' if len(speakers) > 5 else ''}): say which role each is, customer, "
                "agent or system, with "
                + (f"df['speaker'].replace({{{shown}}})" if in_memory else
                   f"speaker_map={{{shown}}} (cxtext ingest --speaker-map)")
                + "."
            )
            if any(s.strip().lower() == "b" for s in speakers):
                # A/B channel labels: cxtext knows 'A' (question/answer exports) but not 'B'
                head += (
                    " Note that cxtext reads 'A' as agent (question/answer exports); if A is "
                    "the customer here, map both: "
                    + ("df['speaker'].replace({'A': 'customer', 'B': 'agent'})" if in_memory
                       else "speaker_map={'A': 'customer', 'B': 'agent'}")
                    + "."
                )
        lines = [head]
        for rec in problems.head(max_lines).itertuples(index=False):
            where = f"{rec.source}" + (f", row {int(rec.row)}" if pd.notna(rec.row) else "")
            expected = str(rec.expected)
            if in_memory:
                expected = expected.replace("map yours with column_map=...",
                                            "rename yours with df.rename(columns=...)")
            lines.append(
                f"  - {where}, column {rec.column!r}: expected {expected}; got {rec.got}"
            )
        if n > max_lines:
            lines.append(f"  ... and {n - max_lines} more (see the error's .problems DataFrame)")
        return cls("\n".join(lines), problems)


class ReadError(CxTextError, OSError):
    """A file could not be read at all (missing, unknown format, undecodable).

    Examples
    --------
    >>> import cxtext as cx
    >>> try:
    ...     cx.read_turns("notes.docx")
    ... except cx.ReadError as exc:
    ...     print(str(exc).split(":")[0])
    read_turns
    """


class MissingDependencyError(CxTextError, ImportError):
    """An optional dependency needed by one function is not installed.

    Parameters
    ----------
    caller : str
        The function that needs it, e.g. ``"discover_topics"``.
    package : str
        The missing import.
    extra : str
        The ``pip install 'cxtext[extra]'`` extra that brings it.

    Examples
    --------
    >>> print(MissingDependencyError("discover_topics", "bertopic", "topics"))
    discover_topics needs the optional dependency 'bertopic', which is not installed. \
Install it with: pip install 'cxtext[topics]'
    """

    def __init__(self, caller: str, package: str, extra: str) -> None:
        self.caller, self.package, self.extra = caller, package, extra
        super().__init__(
            f"{caller} needs the optional dependency {package!r}, which is not installed. "
            f"Install it with: pip install 'cxtext[{extra}]'"
        )


#: What the readers expect of a transcript line that starts no turn (no role prefix).
_ROLE_LINE = "role prefix|starts with a role"


def _speaker_labels(problems: pd.DataFrame) -> list[str]:
    """The distinct values the speaker column was refused for, in order of appearance."""
    import ast

    if not len(problems):
        return []
    # Transcript lines without a role prefix are text, not labels a speaker_map could name.
    labels = ~problems["expected"].astype(str).str.contains(_ROLE_LINE)
    bad = problems.loc[(problems["column"] == "speaker") & problems["row"].notna() & labels,
                       "got"]
    out: list[str] = []
    for got in bad:
        try:
            value = ast.literal_eval(str(got))
        except (ValueError, SyntaxError):
            value = str(got)
        if isinstance(value, str) and value not in out:
            out.append(value)
    return out


def param_error(owner: str, name: str, allowed: Iterable[object], got: object) -> ValueError:
    """The one message shape for a bad parameter value (scikit-learn's)."""
    return ValueError(
        f"The {name!r} parameter of {owner} must be one of {sorted(map(str, allowed))}. "
        f"Got {got!r} instead."
    )


class WorkerError(CxTextError, RuntimeError):
    """A worker process of ``n_jobs`` stopped before it returned its part.

    The usual cause in a script is a missing ``if __name__ == "__main__":`` guard: workers are
    *spawned* and import the script again, so unguarded top-level code runs in each of them;
    the other is a worker killed for memory. The message says which is likelier.

    Examples
    --------
    >>> import cxtext as cx
    >>> issubclass(cx.WorkerError, RuntimeError)
    True
    """
