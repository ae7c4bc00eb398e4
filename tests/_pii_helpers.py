"""Helpers shared by the PII test modules (``tests/test_pii*.py``)."""

from __future__ import annotations

import cxtext as cx


def found(text: str, typ: str) -> list[str]:
    """The values :func:`cxtext.find_pii` finds in ``text`` of one type, in order."""
    return [m.value for m in cx.find_pii(text) if m.type == typ]


def names(text: str) -> list[str]:
    """The names found in ``text``."""
    return found(text, "name")


def addresses(text: str) -> list[str]:
    """The addresses found in ``text``."""
    return found(text, "address")
