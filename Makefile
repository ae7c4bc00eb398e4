# Two commands on a fresh machine: `make reports` and `make test` (README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.cxtext-installed
EXTRAS ?= topics,notebooks,scale,fast,dev
# BERTopic goes in without its dependencies: they would pull sentence-transformers and a
# multi-GB CUDA torch that cxtext never uses; the pieces it imports come with the topics extra.
BERTOPIC ?= bertopic>=0.17,<0.18
# The venv's bin first, so papermill's kernel and the cxtext CLI are the venv's own.
export PATH := $(abspath $(BIN)):$(PATH)
export PYTHONHASHSEED := 0

.PHONY: all install test test-min lint reports corpus bench clean distclean chromium

all: test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS)]"
	$(if $(findstring topics,$(EXTRAS)),$(BIN)/python -m pip install --quiet --no-deps "$(BERTOPIC)")
	touch $@

install: $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check cxtext tests benchmarks corpora

# Headless Chromium for tests/test_browser.py (Debian's chromium): installed with apt-get when
# it is missing and we are root; otherwise that test skips and says why.
chromium:
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "chromium not found (not root or no apt-get): tests/test_browser.py will skip"; \
	  fi; \
	fi

test: $(STAMP) lint chromium
	$(BIN)/python -m pytest

# The suite on the lowest versions pyproject.toml allows (tests/min_versions.txt: numpy 1.26,
# pandas 2.2, pyarrow 14, DuckDB 1.0, scikit-learn 1.4, OpenCC 1.1.9 ...), in a venv outside
# the checkout (MINVENV); the checkout is imported from here (PYTHONPATH), never installed
# there, and .venv is left out of PATH. Not part of `make test`; niced, ~10 min.
MINVENV ?= /tmp/cxtext-minv
test-min:
	test -x $(MINVENV)/bin/python || $(PYTHON) -m venv $(MINVENV)
	$(MINVENV)/bin/python -m pip install --quiet -r tests/min_versions.txt
	$(MINVENV)/bin/python -m pip install --quiet --no-deps "bertopic==0.17.*"
	PATH="$(abspath $(MINVENV))/bin:$(subst $(abspath $(BIN)):,,$(PATH))" PYTHONPATH="$(CURDIR)" \
	  nice $(MINVENV)/bin/python -m pytest -p no:cacheprovider $(PYTEST_ARGS)

corpus: $(STAMP)
	$(BIN)/python corpora/generate.py --out corpora/demo

# Loads and tags the demo corpus once into reports/_work/cxtext.duckdb, then renders every
# report from that store (self-contained HTML, one file each) and reports/index.html.
reports: $(STAMP)
	$(BIN)/cxtext report all --corpus corpora/demo --out reports

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf reports/*.html reports/*.csv reports/screenshots reports/_work .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -not -path './$(VENV)/*' -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
