"""Helpers for the quality gates (tests/test_gates.py): the tools under node_modules, a server for them."""

from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, ROOT

NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
LINKCHECKER = Path(sys.executable).with_name("linkchecker")


class GateHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as a static host would: quietly, and, like nginx's gzip_static, a
    file's precompressed twin (file.gz, written by the build) to a client that accepts gzip."""

    def log_message(self, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        # LinkChecker waits 0.1 to 0.6 s between two requests to one host unless the host answers
        # with a "LinkChecker" header: the crawl takes 40 s instead of 3.5 minutes.
        self.send_header("LinkChecker", "unthrottled")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        packed = path.with_name(path.name + ".gz")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or not packed.is_file():
            return super().send_head()
        body = packed.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """The directory on http://127.0.0.1:<free port>, for the time of the block."""
    handler = functools.partial(GateHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


# --- Nu HTML Checker -------------------------------------------------------------------------


def is_redirect_only(path: Path) -> bool:
    """A page whose only job is to send the reader elsewhere (<meta http-equiv="refresh">)."""
    return re.search(r"<meta[^>]+http-equiv=[\"']?refresh", path.read_text(encoding="utf-8"), re.I) is not None


class Background:
    """A checker that runs beside the other tests: it measures nothing, so sharing the CPU with them
    is harmless (the Lighthouse runs wait for it to end). Its output goes to files: a pipe that
    nobody reads yet would stop it once full."""

    def __init__(self, command: list[str], workdir: Path, env: dict[str, str] | None = None) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        self.out, self.err = workdir / "stdout.txt", workdir / "stderr.txt"
        with self.out.open("wb") as out, self.err.open("wb") as err:
            self.process = subprocess.Popen(command, stdout=out, stderr=err, env=env)

    def result(self) -> subprocess.CompletedProcess:
        status = self.process.wait()
        out, err = (path.read_text(encoding="utf-8", errors="replace") for path in (self.out, self.err))
        return subprocess.CompletedProcess(self.process.args, status, out, err)


def start_vnu(files: list[Path], workdir: Path) -> Background:
    """The Nu HTML Checker on these files, errors only; vnu_messages() reads its report."""
    java = shutil.which("java")
    assert java, "java is needed for the Nu HTML Checker (Debian: openjdk-17-jre-headless)"
    return Background([java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)], workdir)


def vnu_messages(result: subprocess.CompletedProcess) -> list[dict]:
    """The Nu HTML Checker's errors (its JSON messages, each with 'url' and 'message')."""
    # vnu writes its JSON report on stderr (after anything the JVM says) and exits 1 on errors.
    start = result.stderr.find('{"')
    assert start >= 0 and result.returncode in (0, 1), f"vnu failed: {result.stderr[-3000:]}"
    return json.loads(result.stderr[start:])["messages"]


# --- LinkChecker -----------------------------------------------------------------------------

LINKCHECKER_CONFIG = """\
[checking]
threads=4
# the host is ours, on 127.0.0.1: no reason to be gentle with it
maxrequestspersecond=1000
[filtering]
# other hosts are listed, never fetched
checkextern=0
[output]
log=csv
verbose=1
status=0
[csv]
separator=;
[AnchorCheck]
"""


def start_linkchecker(start_urls: list[str], workdir: Path) -> Background:
    """A recursive crawl from start_urls; linkchecker_rows() reads its report."""
    config = workdir / "linkcheckerrc"
    workdir.mkdir(parents=True, exist_ok=True)
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    command = [str(LINKCHECKER), "--config", str(config), "--no-robots", *start_urls]
    return Background(command, workdir, env={**os.environ, "LANG": "C.UTF-8"})


def linkchecker_rows(result: subprocess.CompletedProcess) -> list[dict[str, str]]:
    """LinkChecker's verbose report: one row per link (url, parentname, line, valid, result,
    warningstring, infostring...)."""
    # exit status 1 means broken links or warnings, which the report lists; anything else is a crash
    assert result.returncode in (0, 1), result.stderr[-3000:]
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter=";"))


# --- Lighthouse ------------------------------------------------------------------------------


LIGHTHOUSE_RUNNER = ROOT / "tests" / "lighthouse.mjs"


def lighthouse(jobs: list[tuple[str, str, list[str] | None]], workdir: Path) -> list[dict]:
    """Lighthouse reports for (url, 'desktop' or 'mobile', categories or None for all), run one after
    the other in one Chromium (tests/lighthouse.mjs), in the order given."""
    workdir.mkdir(parents=True, exist_ok=True)
    first = len(list(workdir.glob("report-*.json")))
    outputs = [workdir / f"report-{first + n}.json" for n in range(len(jobs))]
    spec = [
        {"url": url, "preset": preset, "categories": categories, "output": str(output)}
        for (url, preset, categories), output in zip(jobs, outputs, strict=True)
    ]
    (workdir / "jobs.json").write_text(json.dumps(spec), encoding="utf-8")
    flags = json.dumps(["--headless=new", *CHROMIUM_ARGS])
    result = subprocess.run(
        ["node", str(LIGHTHOUSE_RUNNER), str(workdir / "jobs.json")],
        env={**os.environ, "CHROME_PATH": CHROMIUM, "CHROME_FLAGS": flags},
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert result.returncode == 0 and all(o.exists() for o in outputs), result.stderr[-3000:]
    return [json.loads(o.read_text(encoding="utf-8")) for o in outputs]


def failing_audits(report: dict, category: str) -> list[str]:
    """The audits that cost the category points: 'id (title): score [value]'."""
    out = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            value = f" [{audit['displayValue']}]" if audit.get("displayValue") else ""
            out.append(f"{audit['id']} ({audit['title']}): {audit['score']}{value}")
            for item in ((audit.get("details") or {}).get("items") or [])[:5]:
                node = item.get("node") or {}
                if node.get("selector"):
                    out.append(f"    {node['selector']}: {node.get('snippet', '')[:160]}")
    return out
