# make serve: build and serve the site on 127.0.0.1:8000. make test: every test.
# Both set up what a fresh machine lacks (a virtualenv with pinned packages, Debian's Chromium).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint bench chromium clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

lint: $(VENV)/.installed
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/ruff format --check hooks tests scripts

test: $(VENV)/.installed chromium
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site build .pytest_cache
