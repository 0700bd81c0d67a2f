# make serve: build and serve the site on 127.0.0.1:8000 (rebuilt on every save of source/, docs/, overrides/).
# make check: lint, unit tests, one build and the checks on its HTML (~25 s): after every change.
# make test: every test, browser tests and quality gates included, on two workers (2 min 30 s on
# 2 cores): before a merge; CI runs it.
# make site SITE_URL=https://...: the publication build, into site/ only if it succeeds.
# They set up what a fresh machine lacks (a virtualenv with pinned packages, Debian's Chromium).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build site check test lint bench chromium java pango nginx clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# ProperDocs beside MkDocs: the test run builds with both (requirements-properdocs.txt).
$(VENV)/.properdocs: requirements-properdocs.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt
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

nginx:  # tests/test_nginx.py serves the publication build with Debian's nginx and deploy/nginx/edition.conf
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { apt-get update -qq && apt-get install -y -qq nginx-light; }

java:  # the Nu HTML Checker runs on Java
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq default-jre-headless; }

serve: $(VENV)/.installed pango
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

# Both build into a temporary folder and move it to site/ only on success (scripts/build_site.py):
# a failed build leaves the last good site/, or none, never one made from bad input.
build: $(VENV)/.installed pango
	$(BIN)/python scripts/build_site.py site

site: $(VENV)/.installed pango
	@test -n "$(SITE_URL)" || { echo "make site: give the published address, e.g. make site SITE_URL=https://edition.example/" >&2; exit 2; }
	SITE_URL="$(SITE_URL)" EDITION_PUBLISH=1 $(BIN)/python scripts/build_site.py site

lint: $(VENV)/.installed
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/ruff format --check hooks tests scripts
	PYTHONPATH=hooks $(BIN)/lint-imports --no-cache  # the stages import one way (pyproject.toml)

# Test tiers are pytest markers (pyproject.toml): browser, gates, slow (own builds or servers),
# publish (needs a publication build); the shared build is a publication build only if needed.
check: lint pango
	$(BIN)/python -m pytest -q -m "not browser and not gates and not slow and not publish"

# Two workers (pytest-xdist) sharing one build; each module runs on one worker (loadscope), so that
# what a module's fixtures make (a build of a copy, Lighthouse's third runs...) is made once.
test: $(VENV)/.installed $(VENV)/.properdocs chromium java pango nginx node_modules lint
	$(BIN)/python -m pytest -n 2 --dist loadscope

bench: $(VENV)/.installed chromium pango
	$(BIN)/python scripts/bench.py --runs 5 --scales 1,10,50

clean:
	rm -rf site build .pytest_cache
