# make serve: build and serve the site on 127.0.0.1:8000. make test: every test.
# Both set up what a fresh machine lacks (a virtualenv with pinned packages, Debian's Chromium).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint bench chromium java pango clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The quality gates' tools (tests/test_gates.py), at the versions package-lock.json pins.
# --ignore-scripts: vnu-jar's postinstall only looks for Java and, finding none, downloads one from
# GitHub; the gates run Debian's Java (openjdk-17, on the machine image).
node_modules: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }

pango:  # WeasyPrint (the PDF of each language) draws text with Debian's Pango
	@/sbin/ldconfig -p | grep -q libpangoft2-1.0 || { apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; }

java:  # the Nu HTML Checker runs on Java
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq default-jre-headless; }

serve: $(VENV)/.installed pango
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: $(VENV)/.installed pango
	$(BIN)/mkdocs build --strict

lint: $(VENV)/.installed
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/ruff format --check hooks tests scripts

test: $(VENV)/.installed chromium java pango node_modules
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/python -m pytest

bench: $(VENV)/.installed chromium pango
	$(BIN)/python scripts/bench.py --runs 5 --scales 1,10,50

clean:
	rm -rf site build .pytest_cache
