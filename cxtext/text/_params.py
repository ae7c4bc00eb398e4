"""Parameter checks shared by the text modules (private helper).

Messages follow scikit-learn's shape, e.g. ``The 'emoji' parameter of
normalize_text must be one of ['keep', 'remove', 'token']. Got 'drop' instead.``
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable

import numpy as np

from cxtext.errors import param_error

__all__ = ["check_bool", "check_int", "check_option", "param_error", "type_error"]


def check_option(owner: str, name: str, value: object, allowed: Iterable[str]) -> str:
    """Return ``value`` if it is one of the ``allowed`` strings, else raise ValueError."""
    allowed = tuple(allowed)
    if not isinstance(value, str) or value not in allowed:
        raise param_error(owner, name, allowed, value)
    return value


def check_bool(owner: str, name: str, value: object) -> bool:
    """Return ``value`` as bool if it is a bool (numpy bools included), else raise ValueError."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise ValueError(
        f"The {name!r} parameter of {owner} must be an instance of 'bool'. Got {value!r} instead."
    )


def check_int(owner: str, name: str, value: object, *, minimum: int = 0) -> int:
    """Return ``value`` if it is an int >= ``minimum`` (bools refused), else raise ValueError."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        ok = False
    else:
        ok = int(value) >= minimum
    if not ok:
        raise ValueError(
            f"The {name!r} parameter of {owner} must be an int in the range "
            f"[{minimum}, inf). Got {value!r} instead."
        )
    return int(value)


def type_error(owner: str, value: object) -> TypeError:
    """TypeError for a text that is not a ``str``."""
    return TypeError(f"{owner} expects a str, got {type(value).__name__}: {value!r:.80}")
