"""`mkdocs serve` on a copy of the project, as an editor uses it: save an edit of the source, see
the page change after one rebuild; save a bad edit, get an answer that says what is wrong (not a
request that hangs); fix it, get the page back."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import copy_project

REBUILD = "Detected file changes"  # what mkdocs serve logs before each rebuild
PAGE = "/en/plan/16-3-2/"
WAIT = 90  # seconds a step may take on a loaded machine before the test gives up: a bound, not a timing


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    def __init__(self, work: Path, port: int, log: Path) -> None:
        self.work, self.base, self.log = work, f"http://127.0.0.1:{port}", log

    def logged(self, line: str) -> int:
        return self.log.read_text(encoding="utf-8").count(line)

    def get(self, path: str) -> tuple[int, str]:
        """Status and body; a request the server holds longer than WAIT fails the test."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=WAIT) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def until(self, path: str, wanted: str, status: int) -> str:
        deadline, body = time.monotonic() + WAIT, ""
        while time.monotonic() < deadline:
            code, body = self.get(path)
            if code == status and wanted in body:
                return body
            time.sleep(0.2)
        log = "\n".join(line for line in self.log.read_text().splitlines() if '"GET ' not in line)
        pytest.fail(f"{path} never answered {status} with {wanted!r} but:\n{body[-2000:]}\nserver log:\n{log[-3000:]}")

    def quiet(self) -> None:
        """Give the watcher (it polls twice a second) time to see the build's own writes, if it
        watched them, then wait for any rebuild they started to finish."""
        time.sleep(2)
        self.get(PAGE)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    work = copy_project(tmp_path / "project")
    port, log = free_port(), tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("EDITION_PUBLISH", None)
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=work,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    served = Served(work, port, log)
    try:
        deadline = time.monotonic() + WAIT
        while served.logged("Serving on") == 0:
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        yield served
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.slow
def test_serve_rebuilds_once_per_save_and_answers_after_an_error(served: Served):
    english = served.work / "source" / "S-2003-85.en.md"
    original = english.read_text(encoding="utf-8")
    assert "Economic dimension." in served.until(PAGE, "Economic dimension", 200)

    # a translation fix: one rebuild, and the page shows it
    english.write_text(original.replace("Economic dimension.", "Economic dimension reviewed."), "utf-8")
    served.until(PAGE, "Economic dimension reviewed", 200)
    served.quiet()
    assert served.logged(REBUILD) == 1, served.log.read_text()

    # a bad edit: the browser gets the error, with the script that reloads it once fixed
    english.write_text(original.replace("[16.3.2]", "[16.3.9]"), "utf-8")
    error = served.until(PAGE, "16.3.9", 500)
    assert "S-2003-85.en.md:" in error and "correct the number" in error and "livereload(" in error
    code, stylesheet = served.get("/assets/edition.css")  # the last good build's files are still served
    assert code == 200 and stylesheet

    # fixed: the page is back, built from the fixed source
    english.write_text(original.replace("Economic dimension.", "Economic dimension fixed."), "utf-8")
    served.until(PAGE, "Economic dimension fixed", 200)
    served.quiet()
    assert served.logged(REBUILD) == 3, served.log.read_text()
    assert served.logged("Reloading browsers") == 3
    served.until("/plan/16-3-2/", "Dimension économique", 200)  # both languages are built again


def test_error_page_escapes_the_message():
    from serve import error_page  # hooks/serve.py

    page = error_page("source/x.md:3: provision 1: <script>alert(1)</script> & more").decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page and "<script>alert" not in page
