"""Shared fixtures: one strict build of the site per test session, served on 127.0.0.1.

The build is a publication build (EDITION_PUBLISH=1: precompressed files and whatever else only a
published site needs) when a selected test is marked `publish`; `make check` deselects them and
gets the quicker everyday build. Either way the site's address is SITE_URL below, not the
placeholder of mkdocs.yml, which a publication build refuses."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
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


def build_site(site_dir: Path, publish: bool, epoch: str = "1043366400") -> subprocess.CompletedProcess:
    """A strict build into site_dir; SOURCE_DATE_EPOCH (24 January 2003) makes it reproducible."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"{SITE_URL}/"}
    env["EDITION_PUBLISH"] = "1" if publish else "0"
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def publication(request: pytest.FixtureRequest) -> bool:
    """Whether the shared build is a publication build: only if a selected test needs one."""
    return any(item.get_closest_marker("publish") for item in request.session.items)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, publication: bool) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir, publication)
    assert result.returncode == 0, result.stderr[-3000:]
    return site_dir


@pytest.fixture(scope="session")
def static_host(site: Path) -> Iterator[str]:
    """The built site as a static host serves it (precompressed files, see tests/gates.py)."""
    from tests.gates import serve  # tests.gates imports this module

    with serve(site) as base:
        yield base


@pytest.fixture(scope="session")
def gate_checkers(site: Path, static_host: str, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The Nu HTML Checker on every page and LinkChecker's crawl of both languages, started in the
    background (tests/gates.py, Background); None for a tool that is not installed."""
    from tests.gates import LINKCHECKER, VNU_JAR, is_redirect_only, start_linkchecker, start_vnu

    workdir = tmp_path_factory.mktemp("gates")
    pages = sorted(p for p in site.rglob("*.html") if not is_redirect_only(p))
    return {
        "vnu": start_vnu(pages, workdir / "vnu") if VNU_JAR.exists() else None,
        "linkchecker": start_linkchecker([f"{static_host}/", f"{static_host}/en/"], workdir / "linkchecker")
        if LINKCHECKER.exists()
        else None,
    }


@pytest.fixture(scope="session", autouse=True)
def gates_started_early(request: pytest.FixtureRequest) -> None:
    """When a gate is selected, its slowest checkers start with the session and run while the
    other tests do (about a minute saved on `make test`)."""
    if any(item.get_closest_marker("gates") for item in request.session.items):
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
