"""No code from data: models and lexicons load only from package resources or a path the user
names, every model file is checked against the SHA-256 in its card, and nothing unpickles."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

import cxtext
import cxtext as cx
from cxtext.tags._linear import (
    ModelFileError,
    load_linear_model,
    packaged_model_path,
    resolve_model_path,
)

PACKAGE = Path(cxtext.__file__).resolve().parent
TASKS = ("sentiment", "emotion")


@pytest.mark.parametrize("task", TASKS)
def test_shipped_model_files_match_the_checksums_in_their_card(task):
    card_path = packaged_model_path(task)
    assert card_path.resolve().is_relative_to(PACKAGE / "resources" / "models")
    card = json.loads(card_path.read_text(encoding="utf-8"))
    assert set(card["files"]) == {f"{task}.npz", f"{task}.vocab.json.gz"}
    for name, meta in card["files"].items():
        data = (card_path.parent / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == meta["sha256"]
        assert len(data) == meta["bytes"]


@pytest.mark.parametrize("task", TASKS)
def test_a_replaced_model_file_is_refused(task, tmp_path):
    src = packaged_model_path(task).parent
    for f in src.glob(f"{task}.*"):
        shutil.copy(f, tmp_path / f.name)
    npz = tmp_path / f"{task}.npz"
    data = bytearray(npz.read_bytes())
    data[len(data) // 2] ^= 0xFF
    npz.write_bytes(bytes(data))
    with pytest.raises(ModelFileError, match="checksum"):
        load_linear_model(tmp_path / f"{task}.json")
    tagger = getattr(cx, f"Model{task.capitalize()}Tagger")(model=str(tmp_path))
    with pytest.raises(cx.CxTextError):
        tagger.predict(["你好"])


def test_default_model_ignores_files_in_the_working_directory(tmp_path, monkeypatch):
    # a planted "model" in the current folder is never picked up implicitly
    planted = tmp_path / "resources" / "models"
    planted.mkdir(parents=True)
    (planted / "sentiment.json").write_text("{}", encoding="utf-8")
    (tmp_path / "sentiment.json").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    path = resolve_model_path("default", "sentiment", "test")
    assert path.resolve().is_relative_to(PACKAGE)


def test_model_parameter_must_be_default_or_an_existing_path(tmp_path):
    with pytest.raises(TypeError, match="'model' parameter"):
        resolve_model_path(object(), "sentiment", "test")
    with pytest.raises(ModelFileError, match="'model' parameter"):
        resolve_model_path(str(tmp_path / "nowhere"), "sentiment", "test")


# Loading calls that run code from data (pickle and friends) must not appear in cxtext.
_UNSAFE = re.compile(
    r"pickle\.loads?\(|joblib\.load\(|torch\.load\(|dill\.loads?\(|cloudpickle\.loads?\("
    r"|allow_pickle\s*=\s*True|yaml\.load\((?![^)]*SafeLoader)|yaml\.unsafe_load|marshal\.loads?\("
    r"|(?<![\w.])eval\(|(?<![\w.])exec\("
)


# The one exception, by file and exact code: the Segmenter reads jieba's prefix-dictionary
# cache (the file jieba.Tokenizer.initialize() itself reads with marshal.load, jieba's
# own format) whole with marshal.loads, 2-3x faster; the same file, so nothing new is
# trusted, and the result is used only when it is a dict and an int (marshal builds
# values; it runs no code). See cxtext.text.segment._read_jieba_cache.
_ALLOWED = {("text/segment.py", "freq, total = marshal.loads(f.read())")}


def test_no_module_unpickles_or_evaluates_data():
    offenders = []
    allowed = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            if _UNSAFE.search(code):
                where = (path.relative_to(PACKAGE).as_posix(), code.strip())
                if where in _ALLOWED:
                    allowed.add(where)
                    continue
                offenders.append(f"{path.relative_to(PACKAGE)}:{n}: {line.strip()}")
    assert offenders == []
    assert allowed == _ALLOWED  # an exception whose code is gone is removed here too


def test_resources_load_through_the_package():
    # every loader reads through importlib.resources from cxtext/resources (never the cwd)
    sources = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    assert 'resources.files("cxtext")' in sources or "resources.files(RESOURCE_PACKAGE)" in sources
    assert not re.search(r"open\(\s*['\"](?:resources|models|lexicons)/", sources)
