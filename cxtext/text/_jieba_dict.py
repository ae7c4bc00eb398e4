"""jieba's main dictionary (``jieba/dict.txt``) as columns, for word lists drawn from it.

Reading the ~349,000 ``word freq tag`` lines with Python's ``str.split`` costs ~0.2 s of
CPU in every process that needs such a list (the PII name rules do, on first use);
pyarrow's CSV reader and a filter in Arrow take ~0.08 s. :func:`select_words` gives the
same words as a loop over the lines that keeps the lines of exactly three fields
(``tests/test_jieba_dict.py`` compares both on the installed dictionary).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any


def read_dict_table(path: str | Path) -> Any:
    """``word``, ``freq`` and ``tag`` columns of a jieba dictionary file (one
    ``word freq tag`` line each, separated by single spaces), or ``None`` when the file
    is not in that shape (a line of other fields, other whitespace, a non-integer
    frequency): the caller then reads it line by line."""
    import pyarrow as pa
    from pyarrow import csv

    try:
        table = csv.read_csv(
            path,
            read_options=csv.ReadOptions(column_names=["word", "freq", "tag"]),
            parse_options=csv.ParseOptions(delimiter=" ", quote_char=False,
                                           escape_char=False, double_quote=False),
            convert_options=csv.ConvertOptions(
                column_types={"word": pa.string(), "freq": pa.int64(), "tag": pa.string()},
                strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except (pa.ArrowInvalid, OSError):
        return None
    # str.split() would also split at tabs and other whitespace, and skip empty fields
    import pyarrow.compute as pc

    for name in ("word", "tag"):
        col = table[name]
        if pc.any(pc.equal(pc.utf8_length(col), 0)).as_py() or pc.any(
                pc.match_substring_regex(col, _SPACE_RE)).as_py():
            return None
    return table


#: Every character ``str.isspace`` accepts, for Arrow's (RE2) regex.
_SPACE_RE = r"[\s\x0b\x1c-\x1f\x85\p{Z}]"


def select_words(table: Any, min_len: int, max_len: int, min_freq: int,
                 not_tags: Collection[str], first_chars: Collection[str] | None = None,
                 first_pairs: Collection[str] = ()) -> frozenset[str]:
    """Words of :func:`read_dict_table`'s ``table`` with ``min_len``–``max_len``
    characters, frequency ≥ ``min_freq`` and a tag outside ``not_tags``; with
    ``first_chars``, only those whose first character is one of them or whose first two
    characters are one of ``first_pairs``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    word = table["word"]
    length = pc.utf8_length(word)
    keep = pc.and_(
        pc.and_(pc.greater_equal(length, min_len), pc.less_equal(length, max_len)),
        pc.and_(pc.greater_equal(table["freq"], min_freq),
                pc.invert(pc.is_in(table["tag"], value_set=pa.array(sorted(not_tags),
                                                                      pa.string())))),
    )
    if first_chars is not None:
        starts = pc.or_(
            pc.is_in(pc.utf8_slice_codeunits(word, 0, 1),
                     value_set=pa.array(sorted(first_chars), pa.string())),
            pc.is_in(pc.utf8_slice_codeunits(word, 0, 2),
                     value_set=pa.array(sorted(first_pairs), pa.string())),
        )
        keep = pc.and_(keep, starts)
    return frozenset(word.filter(keep).to_pylist())
