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
EPOCH = "1043366400"  # SOURCE_DATE_EPOCH: the served and the built site are made on the same day
WAIT = 90  # seconds a step may take on a loaded machine before the test gives up: a bound, not a timing


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    def __init__(self, work: Path, port: int, log: Path, temp: Path) -> None:
        self.work, self.base, self.log, self.temp = work, f"http://127.0.0.1:{port}", log, temp

    @property
    def site(self) -> Path:
        """The folder the server builds into and serves (MkDocs makes it in the temporary folder)."""
        (folder,) = self.temp.glob("mkdocs_*")
        return folder

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


def save(path: Path, text: str) -> None:
    """Save as most editors do, at once (written beside, then renamed): the server's poll never sees
    the file half written, which would make a failed build before the good one."""
    staged = path.parent.parent / f".{path.name}.saving"  # outside the watched folder
    staged.write_text(text, encoding="utf-8")
    os.replace(staged, path)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    work = copy_project(tmp_path / "project")
    port, log, temp = free_port(), tmp_path / "serve.log", tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp), "SOURCE_DATE_EPOCH": EPOCH}
    env.pop("EDITION_PUBLISH", None)
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=work,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    served = Served(work, port, log, temp)
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
    save(english, original.replace("Economic dimension.", "Economic dimension reviewed."))
    served.until(PAGE, "Economic dimension reviewed", 200)
    served.quiet()
    assert served.logged(REBUILD) == 1, served.log.read_text()

    # a bad edit: the browser gets the error, with the script that reloads it once fixed
    save(english, original.replace("[16.3.2]", "[16.3.9]"))
    error = served.until(PAGE, "16.3.9", 500)
    assert "S-2003-85.en.md:" in error and "correct the number" in error and "livereload(" in error
    code, stylesheet = served.get("/assets/edition.css")  # the last good build's files are still served
    assert code == 200 and stylesheet

    # fixed: the page is back, built from the fixed source
    save(english, original.replace("Economic dimension.", "Economic dimension fixed."))
    served.until(PAGE, "Economic dimension fixed", 200)
    served.quiet()
    assert served.logged(REBUILD) == 3, served.log.read_text()
    assert served.logged("Reloading browsers") == 3
    served.until("/plan/16-3-2/", "Dimension économique", 200)  # both languages are built again


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def folders(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir())


@pytest.mark.slow
def test_a_rebuild_serves_what_a_build_makes(served: Served, tmp_path: Path):
    """The server rebuilds into the last build's folder (edition/site/sitedir.py) and parses again only
    the pages that changed for the search index (edition/core/caching.py): after a save, every file it
    serves (pages, search index, citation downloads...) is the one `mkdocs build` makes, and nothing
    else is left there."""
    english = served.work / "source" / "S-2003-85.en.md"
    served.until(PAGE, "Economic dimension", 200)
    stray = served.site / "plan" / "gone" / "index.html"  # as if an earlier build had made it
    stray.parent.mkdir()
    stray.write_text("a page no build makes any more", encoding="utf-8")
    text = english.read_text(encoding="utf-8").replace("Economic dimension.", "Economic dimension revised.")
    save(english, text)
    served.until(PAGE, "Economic dimension revised", 200)
    served.quiet()

    built = tmp_path / "built"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, "EDITION_PUBLISH": "0"}
    env["SITE_URL"] = served.base + "/"  # as `mkdocs serve` sets it
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(built)],
        cwd=served.work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    served_files, built_files = tree(served.site), tree(built)
    assert sorted(served_files) == sorted(built_files)
    different = [name for name in built_files if served_files[name] != built_files[name]]
    assert different == []
    assert folders(served.site) == folders(built)
    assert b"Economic dimension revised" in served_files["en/plan/16-3-2/index.html"]
    assert b"Economic dimension revised" in served_files["en/search/documents.json"]
    code, bibtex = served.get("/en/plan/16-3-2/s-2003-85-16-3-2.bib")
    assert code == 200 and bibtex.encode() == built_files["en/plan/16-3-2/s-2003-85-16-3-2.bib"]


def test_error_page_escapes_the_message():
    from serve import error_page  # hooks/serve.py

    page = error_page("source/x.md:3: provision 1: <script>alert(1)</script> & more").decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page and "<script>alert" not in page
