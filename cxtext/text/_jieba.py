"""Import jieba without setuptools' ``pkg_resources`` deprecation warning (private).

jieba 0.42.1 (``jieba/_compat.py``) does ``import pkg_resources``. setuptools 67.5-80.8
answers with a ``DeprecationWarning`` (hidden by default) and 80.9-80.x with a
``UserWarning`` that Python prints on stderr::

    .../jieba/_compat.py:18: UserWarning: pkg_resources is deprecated as an API. ...

so an analyst running ``cx.segment(...)`` or ``cx.tag(...)`` saw a warning about a package
they never used. (setuptools without ``pkg_resources`` makes jieba fall back to plain file
reads, with no warning.) :func:`import_jieba` imports jieba with exactly that warning
ignored: the filter matches its message and the module it is attributed to (jieba's),
so any other warning still shows. Once jieba is imported the module is cached and later
imports run no code, so every place in cxtext that imports jieba goes through here.
"""

from __future__ import annotations

import warnings
from types import ModuleType

#: The start of setuptools' message (the rest names a date and a URL that change).
PKG_RESOURCES_MESSAGE = r"pkg_resources is deprecated as an API"


def import_jieba() -> ModuleType:
    """``import jieba``, with setuptools' ``pkg_resources`` deprecation warning ignored.

    Returns
    -------
    module
        The ``jieba`` module.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=PKG_RESOURCES_MESSAGE, module=r"jieba(\.|$)")
        import jieba
    return jieba
