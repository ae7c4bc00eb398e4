"""Read the plain-text resources shipped in ``cxtext/resources`` (private helper)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

RESOURCE_PACKAGE = "cxtext"
RESOURCE_DIR = "resources"


@lru_cache(maxsize=16)
def read_resource_lines(name: str) -> tuple[str, ...]:
    """Non-empty, stripped lines of ``cxtext/resources/<name>`` (UTF-8, BOM tolerated).

    The files carry no comment syntax on purpose: ``banking_dict.txt`` must stay
    loadable by ``jieba.load_userdict``, which would take ``# ...`` for a word.
    Metadata lives in the ``<name>.md`` sidecar next to each file.
    """
    try:
        path = resources.files(RESOURCE_PACKAGE).joinpath(RESOURCE_DIR, name)
        text = path.read_text(encoding="utf-8-sig")
    except (AttributeError, ModuleNotFoundError, TypeError):  # pragma: no cover - odd loaders
        local = Path(__file__).resolve().parents[1] / RESOURCE_DIR / name
        text = local.read_text(encoding="utf-8-sig")
    return tuple(line.strip() for line in text.splitlines() if line.strip())
