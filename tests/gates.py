"""Helpers for the quality gates (tests/test_gates.py): the tools under node_modules, a server for them."""

from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

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


def start_static_host(directory: Path, workdir: Path) -> tuple[subprocess.Popen, str]:
    """The directory served as serve() serves it, by a process of its own: the checkers that run in
    the background use it, and Lighthouse, which measures it, would otherwise share a worker's
    Python (and its lock) with whatever test that worker runs."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = workdir / "port"
    with (workdir / "log.txt").open("wb") as log:  # connections a client drops (LinkChecker does), ...
        command = [sys.executable, "-m", "tests.gates", str(directory), str(port)]
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while not port.exists():
        assert process.poll() is None and time.monotonic() < deadline, "the static host did not start"
        time.sleep(0.05)
    return process, f"http://127.0.0.1:{port.read_text()}"


# --- Nu HTML Checker -------------------------------------------------------------------------


def is_redirect_only(path: Path) -> bool:
    """A page whose only job is to send the reader elsewhere (<meta http-equiv="refresh">)."""
    return re.search(r"<meta[^>]+http-equiv=[\"']?refresh", path.read_text(encoding="utf-8"), re.I) is not None


class Background:
    """A command that runs beside the tests. Its output and exit status go to files of its folder
    (a pipe that nobody reads yet would stop it once full), so that any worker of the run can read
    its result."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.out, self.err, self.status = workdir / "stdout.txt", workdir / "stderr.txt", workdir / "status"

    @classmethod
    def start(
        cls,
        command: list[str],
        workdir: Path,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
    ) -> subprocess.Popen:
        """Start the command; Background(workdir) reads its result."""
        workdir.mkdir(parents=True, exist_ok=True)
        this = cls(workdir)
        q = shlex.quote
        script = f'"$@" >{q(str(this.out))} 2>{q(str(this.err))}; echo $? >{q(str(this.status))}.new; '
        script += f"mv {q(str(this.status))}.new {q(str(this.status))}"
        return subprocess.Popen(["sh", "-c", script, "sh", *command], env=env, cwd=cwd)

    def ended(self) -> bool:
        return self.status.exists()

    def result(self) -> subprocess.CompletedProcess:
        deadline = time.monotonic() + WAIT
        while not self.ended():
            assert time.monotonic() < deadline, f"{self.workdir.name} has not ended after {WAIT} s"
            time.sleep(0.2)
        out, err = (path.read_text(encoding="utf-8", errors="replace") for path in (self.out, self.err))
        return subprocess.CompletedProcess(self.workdir.name, int(self.status.read_text()), out, err)


WAIT = 900  # seconds a background checker may take on a loaded machine before the test gives up: a bound, not a timing


def start_vnu(files: list[Path], workdir: Path) -> subprocess.Popen:
    """The Nu HTML Checker on these files, errors only; vnu_messages() reads its report."""
    java = shutil.which("java")
    assert java, "java is needed for the Nu HTML Checker (Debian: openjdk-17-jre-headless)"
    # The JIT's first tier only: a run of a few seconds never repays the optimizing compiler, which
    # took half of the CPU (7 s for the site, 3.4 s now, the same report). Its code needs a deeper
    # stack than the checker's default (512 kB) for the HTML schema.
    quick = ["-XX:TieredStopAtLevel=1", "-Xss4m"]
    return Background.start(
        [java, *quick, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)], workdir
    )


def vnu_messages(result: subprocess.CompletedProcess) -> list[dict]:
    """The Nu HTML Checker's errors (its JSON messages, each with 'url' and 'message')."""
    # vnu writes its JSON report on stderr (after anything the JVM says) and exits 1 on errors.
    start = result.stderr.find('{"')
    assert start >= 0 and result.returncode in (0, 1), f"vnu failed: {result.stderr[-3000:]}"
    return json.loads(result.stderr[start:])["messages"]


# --- LinkChecker -----------------------------------------------------------------------------

LINKCHECKER_CONFIG = """\
[checking]
# one thread: the work is parsing pages in Python, one thing at a time; more threads only contend for it
threads=1
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


def start_linkchecker(start_url: str, workdir: Path, not_followed: str) -> subprocess.Popen:
    """A recursive crawl from start_url; the URLs that match the regular expression not_followed
    are checked (fetched, their anchors looked for) but not parsed for more links.
    linkchecker_rows() reads its report."""
    config = workdir / "linkcheckerrc"
    workdir.mkdir(parents=True, exist_ok=True)
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    # A URL with a #fragment is a page the crawl also reaches without one: LinkChecker looks for the
    # anchor in it, and parses its links once, from its plain URL (test_no_broken_link_or_anchor
    # checks that every page was parsed). The report is the same, for a third of the CPU.
    not_followed = f"{not_followed}|#"
    arguments = ["--config", str(config), "--no-robots", "--no-follow-url", not_followed, start_url]
    command = [sys.executable, "-m", "tests.linkchecker_run", *arguments]  # LinkChecker, each page parsed once
    return Background.start(command, workdir, env={**os.environ, "LANG": "C.UTF-8"}, cwd=ROOT)


def start_linkcheckers(base: str, workdir: Path) -> list[subprocess.Popen]:
    """Two crawls at once, one per language, each parsing the pages of its own (and, the French
    one, the files both share): parsing is LinkChecker's work, about 20 s of CPU for the site,
    which two processes share between two cores. Each checks every link it finds, into the other
    language too; test_no_broken_link_or_anchor checks that every page was parsed by one of them."""
    site = re.escape(base)
    return [
        start_linkchecker(f"{base}/", workdir / "fr", f"^{site}/en/"),
        start_linkchecker(f"{base}/en/", workdir / "en", f"^{site}/(?!en/)"),  # the site's, not other hosts'
    ]


def linkchecker_rows(result: subprocess.CompletedProcess) -> list[dict[str, str]]:
    """LinkChecker's verbose report: one row per link (url, parentname, line, valid, result,
    warningstring, infostring...)."""
    # exit status 1 means broken links or warnings, which the report lists; anything else is a crash
    assert result.returncode in (0, 1), result.stderr[-3000:]
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter=";"))


# --- Lighthouse ------------------------------------------------------------------------------

# The pages: the three layouts (provision, home, parallel view), both languages.
LIGHTHOUSE_PAGES = ["/plan/16-3-2/", "/en/", "/en/parallel/plan/16-3-2/"]
PRESETS = ["desktop", "mobile"]
# The other categories are judged on the phone, whose audits are a superset (tap targets, font
# sizes, viewport); the desktop runs measure performance only, which is a quarter faster.
REQUIRED = {
    "desktop": {"performance": 1.0},
    "mobile": {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0},
}
RUNS = 3  # the performance score is judged on the median of RUNS runs
# Lighthouse (Node and the Chromium it drives) runs before anything else that wants the CPU: the
# tests beside it, the other checkers, whatever else the machine runs. Its performance score reads
# the time the page's own work takes (blocking time, paints); work that only waits for a core
# would count against the page.
#
# A raised priority (`nice`) is not enough: Chromium sets the nice value of its own processes, and
# the renderer whose work is measured ran at 0 beside the tests, scoring 0.81 now and then (620 ms
# of blocking time where a quiet run has 20). A real-time policy (`chrt`: round robin, the lowest
# real-time priority) is inherited by every process Chromium starts, which keep it: the page's
# work waits for no test. The kernel keeps 5 % of each second for the other processes, and
# Lighthouse sleeps between its loads: the tests beside it slow down, they do not stop. Where the
# real-time policy is not allowed (not root), `nice`; where that is not allowed either, `nice`
# says so on Lighthouse's error output and runs it as it is.


@functools.cache
def measuring() -> list[str]:
    """The command prefix that runs Lighthouse before everything else."""
    chrt = shutil.which("chrt")
    if chrt and subprocess.run([chrt, "--rr", "1", "true"], capture_output=True, check=False).returncode == 0:
        return [chrt, "--rr", "1"]
    return ["nice", "-n", "-20"]


LIGHTHOUSE_RUNNER = ROOT / "tests" / "lighthouse.mjs"


def first_two_runs() -> list[tuple[str, str, list[str]]]:
    """Every page in every preset with the categories it is judged on, then each again for
    performance only: the two runs every page needs (a third only where they disagree)."""
    keys = [(path, preset) for path in LIGHTHOUSE_PAGES for preset in PRESETS]
    return [(*key, list(REQUIRED[key[1]])) for key in keys] + [(*key, ["performance"]) for key in keys]


def lighthouse_command(
    base: str, jobs: list[tuple[str, str, list[str] | None]], workdir: Path
) -> tuple[list[str], dict[str, str], list[Path]]:
    """The command that runs Lighthouse on base + path for each (path, 'desktop' or 'mobile',
    categories or None for all) one after the other in one Chromium (tests/lighthouse.mjs), in the
    order given; its environment; the report file of each job."""
    workdir.mkdir(parents=True, exist_ok=True)
    first = len(list(workdir.glob("report-*.json")))
    outputs = [workdir / f"report-{first + n}.json" for n in range(len(jobs))]
    spec = [
        {"url": f"{base}{path}", "preset": preset, "categories": categories, "output": str(output)}
        for (path, preset, categories), output in zip(jobs, outputs, strict=True)
    ]
    jobs_file = workdir / f"jobs-{first}.json"
    jobs_file.write_text(json.dumps(spec), encoding="utf-8")
    flags = json.dumps(["--headless=new", *CHROMIUM_ARGS])
    env = {**os.environ, "CHROME_PATH": CHROMIUM, "CHROME_FLAGS": flags}
    return [*measuring(), "node", str(LIGHTHOUSE_RUNNER), str(jobs_file)], env, outputs


def lighthouse_reports(result: subprocess.CompletedProcess, outputs: list[Path]) -> list[dict]:
    assert result.returncode == 0 and all(o.exists() for o in outputs), result.stderr[-3000:]
    return [json.loads(o.read_text(encoding="utf-8")) for o in outputs]


def lighthouse(base: str, jobs: list[tuple[str, str, list[str] | None]], workdir: Path) -> list[dict]:
    """Lighthouse reports for the jobs (see lighthouse_command), run now."""
    command, env, outputs = lighthouse_command(base, jobs, workdir)
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False, timeout=WAIT)
    return lighthouse_reports(result, outputs)


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


if __name__ == "__main__":  # python -m tests.gates DIRECTORY PORT_FILE: start_static_host()
    served, port_file = map(Path, sys.argv[1:])
    with serve(served) as base:
        port_file.with_suffix(".new").write_text(base.rsplit(":", 1)[1], encoding="utf-8")
        port_file.with_suffix(".new").rename(port_file)
        threading.Event().wait()


def need(path: Path) -> None:
    """Stop a gate whose tool is not installed, saying how to install it."""
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make node_modules` (npm ci) or `make .venv/.installed`")
