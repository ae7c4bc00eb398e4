"""The project's set-up files agree with each other and with the README."""

import re
import subprocess
import sys
from pathlib import Path

import tomllib
import yaml

import cxtext as cx

REPO = Path(__file__).resolve().parents[1]


def _name(req: str) -> tuple[str, str]:
    m = re.match(r"^\s*([A-Za-z0-9_.-]+)(\[[^\]]*\])?\s*(.*)$", req)
    assert m, req
    return m.group(1).lower().replace("_", "-"), m.group(3).replace(" ", "")


def _requirements() -> list[str]:
    """pyproject.toml's requirements: core, then every extra's (not the cxtext[...] ones)."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"])
    for items in project["optional-dependencies"].values():
        reqs += [r for r in items if not r.startswith("cxtext[")]
    return reqs


def test_environment_yml_mirrors_pyproject():
    want = dict(_name(r) for r in _requirements())
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    got: dict[str, str] = {}
    for dep in env["dependencies"]:
        items = dep["pip"] if isinstance(dep, dict) else [dep]
        for item in items:
            name, spec = _name(item)
            if name not in ("python", "pip"):
                got[name] = spec
    assert got == want


def test_min_versions_pin_every_lower_bound():
    """``make test-min`` installs tests/min_versions.txt: each lower bound, nothing else."""
    want = {name: re.fullmatch(r">=([0-9.]+)", spec).group(1)
            for name, spec in map(_name, _requirements())}
    pins = [line for line in (REPO / "tests" / "min_versions.txt").read_text().splitlines()
            if line.strip() and not line.startswith("#")]
    got = {name: spec for name, spec in map(_name, pins)}
    assert set(got) == set(want)
    for name, low in want.items():
        assert got[name] in (f"=={low}", f"=={low}.*"), (name, low, got[name])
    assert "test-min:" in (REPO / "Makefile").read_text()


def test_extras_named_in_the_issue_exist():
    extras = tomllib.loads((REPO / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    assert {"topics", "notebooks", "scale", "fast", "all"} <= set(extras)
    assert extras["all"] == ["cxtext[topics,notebooks,scale,fast]"]


def test_readme_gives_the_two_commands_and_ci_runs_one():
    readme = (REPO / "README.md").read_text()
    assert "make reports" in readme and "make test" in readme
    assert "make test" in (REPO / ".ci" / "run").read_text()


def test_public_api_is_importable():
    for name in cx.__all__:
        assert hasattr(cx, name), name


def test_import_has_no_side_effects():
    code = (
        "import logging, warnings, sys, numpy, pandas; before = list(warnings.filters); "
        "import cxtext; "
        "assert warnings.filters == before; assert not logging.getLogger().handlers; "
        "assert 'jieba' not in sys.modules and 'snownlp' not in sys.modules, sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_cli_help():
    out = subprocess.run(
        [sys.executable, "-m", "cxtext.cli", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "ingest" in out and "report" in out
