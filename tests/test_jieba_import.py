"""jieba is imported without setuptools' ``pkg_resources`` deprecation warning.

jieba's ``_compat.py`` does ``import pkg_resources``; setuptools 80.9 answers with a
``UserWarning`` printed on stderr (67.5-80.8: a ``DeprecationWarning``). The venv's setuptools
may warn or not, so the tests put a stand-in ``pkg_resources`` first on the path of a fresh
process: it emits setuptools' message as both categories, plus an unrelated warning that must
still be shown (the filter is that narrow).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MESSAGE = "pkg_resources is deprecated as an API"

FAKE_PKG_RESOURCES = f'''
import os, sys, warnings
warnings.warn("{MESSAGE}. See https://setuptools.pypa.io/en/latest/pkg_resources.html.",
              UserWarning, stacklevel=2)
warnings.warn("{MESSAGE}", DeprecationWarning, stacklevel=2)
warnings.warn("some other pkg_resources warning", UserWarning, stacklevel=2)

def resource_stream(package, name):
    return open(os.path.join(os.path.dirname(sys.modules[package].__file__), name), "rb")
'''


def _run(tmp_path: Path, code: str) -> subprocess.CompletedProcess:
    (tmp_path / "pkg_resources.py").write_text(FAKE_PKG_RESOURCES, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]))
    return subprocess.run([sys.executable, "-W", "default", "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def tmp(tmp_path_factory):
    return tmp_path_factory.mktemp("fake_setuptools")


def test_plain_import_jieba_shows_the_warning(tmp):
    # the control: the stand-in is what jieba imports, and its warnings reach stderr
    res = _run(tmp, "import jieba")
    assert res.returncode == 0, res.stderr
    assert res.stderr.count(MESSAGE) == 2, res.stderr
    assert "some other pkg_resources warning" in res.stderr


def test_import_jieba_ignores_only_the_deprecation(tmp):
    res = _run(tmp, "from cxtext.text._jieba import import_jieba\n"
                    "jieba = import_jieba()\n"
                    "print(jieba.__name__, 'pkg_resources' in __import__('sys').modules)")
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == ["jieba", "True"]
    assert MESSAGE not in res.stderr
    assert "some other pkg_resources warning" in res.stderr


def test_segment_shows_no_pkg_resources_warning(tmp):
    res = _run(tmp, "import cxtext as cx\n"
                    "print(' '.join(cx.segment('我想查一下信用卡账单')))")
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == ["查", "信用卡", "账单"]
    assert MESSAGE not in res.stderr
