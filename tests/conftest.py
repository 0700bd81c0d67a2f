"""Shared fixtures: one strict build of the site per test run, served on 127.0.0.1.

The build is a publication build (EDITION_PUBLISH=1: precompressed files and whatever else only a
published site needs) when a selected test is marked `publish`; `make check` deselects them and
gets the quicker everyday build. Either way the site's address is SITE_URL below, not the
placeholder of mkdocs.yml, which a publication build refuses.

With pytest-xdist (`make test` runs two workers), the build and the checkers that run in the
background are made once for the run, by the first worker that needs them, in a folder every
worker sees (shared_dir), under a lock; the other workers read them there."""

from __future__ import annotations

import fcntl
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source"
SITE_URL = "https://s-2003-85.test"  # the address the test builds publish under (.test: reserved)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def build_command(
    site_dir: Path, publish: bool, epoch: str = "1043366400", engine: str = "mkdocs"
) -> tuple[list[str], dict[str, str]]:
    """A strict build into site_dir, and its environment; SOURCE_DATE_EPOCH (24 January 2003) makes
    it reproducible. `engine`: "mkdocs", or "properdocs" (the maintained fork, requirements-properdocs.txt)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"{SITE_URL}/"}
    env["EDITION_PUBLISH"] = "1" if publish else "0"
    return [sys.executable, "-m", engine, "build", "--strict", "--site-dir", str(site_dir)], env


def build_site(site_dir: Path, publish: bool, epoch: str = "1043366400") -> subprocess.CompletedProcess:
    command, env = build_command(site_dir, publish, epoch)
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def shared_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of this run that every worker sees (under pytest-xdist, the parent of the workers' own)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def only_one(lock: Path, wait: bool = True) -> Iterator[bool]:
    """Hold the lock file: one worker at a time in the block. Without `wait`, the block is entered
    at once, told (False) when another worker holds the lock."""
    with lock.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def selected(request: pytest.FixtureRequest, fixture: str) -> bool:
    """Whether a selected test uses the fixture."""
    return any(fixture in getattr(item, "fixturenames", ()) for item in request.session.items)


# The background checkers (gate_checkers) and the tests that read them.
CHECKED_BY = {
    "vnu": "test_every_page_is_valid_html",
    "linkchecker": "test_no_broken_link_or_anchor",
    "lighthouse": "test_lighthouse_scores",
}


def wanted(request: pytest.FixtureRequest, checker: str) -> bool:
    """Whether a selected test reads the checker's result."""
    return any(getattr(item, "originalname", None) == CHECKED_BY[checker] for item in request.session.items)


@pytest.fixture(scope="session")
def publication(request: pytest.FixtureRequest) -> bool:
    """Whether the shared build is a publication build: only if a selected test needs one."""
    return any(item.get_closest_marker("publish") for item in request.session.items)


@pytest.fixture(scope="session")
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, publication: bool) -> Iterator[Path]:
    """The site, built once for the run. When a selected test compares it with a second build
    (second_build), that build starts as soon as this one has ended, and runs beside the tests."""
    from tests.gates import Background  # tests.gates imports this module

    shared = shared_dir(tmp_path_factory)
    site_dir, failed = shared / "site", shared / "site.failed"
    second = None
    with only_one(shared / "site.lock"):
        if not site_dir.is_dir() and not failed.exists():
            result = build_site(site_dir, publication)
            if result.returncode != 0:
                failed.write_text(result.stderr[-3000:], encoding="utf-8")
            elif selected(request, "second_build"):  # with the other engine: the same site, byte for byte
                command, env = build_command(shared / "again", publication, engine="properdocs")
                second = Background.start(command, shared / "again-build", env, cwd=ROOT)
    assert not failed.exists(), failed.read_text(encoding="utf-8")
    yield site_dir
    if second is not None:  # this worker started it: it waits for it to end before ending
        second.wait()


@pytest.fixture(scope="session")
def second_build(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second build of the same sources, into another folder, by ProperDocs (started by `site`)."""
    from tests.gates import Background

    shared = shared_dir(tmp_path_factory)
    result = Background(shared / "again-build").result()
    assert result.returncode == 0, result.stderr[-3000:]
    return shared / "again"


@pytest.fixture(scope="session")
def static_host(site: Path) -> Iterator[str]:
    """The built site as a static host serves it (precompressed files, see tests/gates.py)."""
    from tests.gates import serve

    with serve(site) as base:
        yield base


@pytest.fixture(scope="session")
def gate_checkers(
    request: pytest.FixtureRequest, site: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict]:
    """Started once for the run, in the background (tests/gates.py, Background), on the site served
    by a process of its own ('host'): the Nu HTML Checker on every page ('vnu'), LinkChecker's
    crawls of both languages ('linkchecker', one per language) and the first two Lighthouse runs of every page
    ('lighthouse': the runs, their report files). None for a tool that is not installed or a
    checker that no selected test reads."""
    from tests.gates import (
        LIGHTHOUSE,
        LINKCHECKER,
        VNU_JAR,
        Background,
        first_two_runs,
        is_redirect_only,
        lighthouse_command,
        start_linkcheckers,
        start_static_host,
        start_vnu,
    )

    shared = shared_dir(tmp_path_factory)
    workdir = shared / "gates"
    plan = workdir / "plan.json"
    started: list[subprocess.Popen] = []  # what this worker started: it waits for them before it ends
    host = None  # the static host, if this worker started it: it stops it once they have ended
    with only_one(shared / "gates.lock"):
        if not plan.exists():
            host, base = start_static_host(site, workdir / "host")
            steps: dict = {"host": base, "vnu": None, "linkchecker": None, "lighthouse": None}
            if VNU_JAR.exists() and wanted(request, "vnu"):
                pages = sorted(p for p in site.rglob("*.html") if not is_redirect_only(p))
                started.append(start_vnu(pages, workdir / "vnu"))
                steps["vnu"] = str(workdir / "vnu")
            if LINKCHECKER.exists() and wanted(request, "linkchecker"):
                started += start_linkcheckers(base, workdir / "linkchecker")
                steps["linkchecker"] = [str(workdir / "linkchecker" / lang) for lang in ("fr", "en")]
            if LIGHTHOUSE.exists() and wanted(request, "lighthouse"):
                command, env, outputs = lighthouse_command(base, first_two_runs(), workdir / "lighthouse")
                started.append(Background.start(command, workdir / "lighthouse" / "run", env))
                steps["lighthouse"] = [str(workdir / "lighthouse" / "run"), [str(o) for o in outputs]]
            plan.write_text(json.dumps(steps), encoding="utf-8")
    steps = json.loads(plan.read_text(encoding="utf-8"))
    yield {
        "host": steps["host"],
        "vnu": Background(Path(steps["vnu"])) if steps["vnu"] else None,
        "linkchecker": [Background(Path(crawl)) for crawl in steps["linkchecker"]] if steps["linkchecker"] else None,
        "lighthouse": (Background(Path(steps["lighthouse"][0])), [Path(o) for o in steps["lighthouse"][1]])
        if steps["lighthouse"]
        else None,
    }
    for process in started:
        process.wait()
    if host is not None:
        host.terminate()
        host.wait()


@pytest.fixture(scope="session", autouse=True)
def gates_started_early(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> None:
    """When a gate is selected, its slowest checkers start with the run and run while the other
    tests do. A worker that finds the site being built goes on with its tests meanwhile: the one
    that builds it starts them."""
    if not any(wanted(request, checker) for checker in CHECKED_BY):
        return
    with only_one(shared_dir(tmp_path_factory) / "site.lock", wait=False) as free:
        if not free:
            return
    request.getfixturevalue("gate_checkers")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output readable
        pass


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def watched_page(context: object, server: str) -> object:
    """A new page of the context that records console errors and every request to another host."""
    tab = context.new_page()
    tab.console_errors = []
    tab.foreign_requests = []
    tab.on("console", lambda m: m.type == "error" and tab.console_errors.append(m.text))
    tab.on("pageerror", lambda e: tab.console_errors.append(str(e)))
    tab.on(
        "request", lambda r: r.url.startswith(server) or r.url.startswith("data:") or tab.foreign_requests.append(r.url)
    )
    return tab


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    """A fresh page (in a context of its own) that records console errors and every request to another host."""
    context = browser.new_context()
    yield watched_page(context, server)
    context.close()
