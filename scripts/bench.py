"""Benchmark the build and the pages, for the real source and synthetic ones 10 and 50 times
as long (the Plan's parts repeated, provisions renumbered), so that growth can be seen.

    python scripts/bench.py [--runs 5] [--scales 1,10,50] [--no-browser] [--serve-runs 3]

Reports, per scale: pages per language; full build time of both languages (median of --runs);
the same build with the hooks disabled on the same, already rendered pages, and the ratio (the
hooks' cost); build time per page; the HTML of one provision page (raw, gzip); everything a first
visit to that page loads, measured in Chromium (raw, gzip); the search index per language.
For the real source only (x1), with a real `mkdocs serve`: the time from saving an edit of
source/S-2003-85.en.md until the edited page is served (median of --serve-runs saves), the
server's CPU time meanwhile and the number of rebuilds each save causes; the same for an edit of
source/register.yml and of a hand-written page (docs/about.en.md).
The size of the two PDFs and the time a publishing build spends making them.
Each build runs in a temporary copy of the project; nothing here is written to the work tree.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import http.server
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPY = ["mkdocs.yml", "hooks", "docs", "overrides", "source"]
BLOCK = re.compile(r"^\[(?P<ident>[^\]]+)\]\s*$")
PROVISION = "/plan/16-3-2/"
REBUILD = "Detected file changes"  # what mkdocs serve logs before each rebuild


def synthetic(text: str, times: int) -> str:
    """The source with the Plan's parts repeated `times` times, numbers continuing (19, 20 ...)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("[part "))
    head, plan = lines[:start], lines[start:]
    paragraphs = max(
        int(m["ident"].split(".")[0]) for line in plan if (m := BLOCK.match(line)) and m["ident"][0].isdigit()
    )
    out = list(head)
    for copy in range(times):
        for line in plan:
            match = BLOCK.match(line)
            if match and copy and match["ident"].startswith("part "):
                line = f"[{match['ident']}-{copy + 1}]"
            elif match and copy and match["ident"][0].isdigit():
                first, *rest = match["ident"].split(".")
                line = "[" + ".".join([str(int(first) + copy * paragraphs), *rest]) + "]"
            out.append(line)
    return "\n".join(out) + "\n"


def make_project(times: int) -> Path:
    work = Path(tempfile.mkdtemp(prefix=f"bench-{times}x-"))
    for name in COPY:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, work / name)
    for lang in ("fr", "en"):
        path = work / "source" / f"S-2003-85.{lang}.md"
        path.write_text(synthetic(path.read_text(encoding="utf-8"), times), encoding="utf-8")
    if times > 1:  # the build checks the French against the original: the synthetic text is its own
        sys.path.insert(0, str(ROOT / "hooks"))
        from edition.checks.fidelity import published_texts
        from edition.document.passages import walk
        from edition.document.tree import build_tree
        from edition.sources.identity import load_identity
        from edition.sources.parse import load_document

        shape = load_identity(work / "source" / "document.yml").components
        french = load_document(work / "source" / "S-2003-85.fr.md", "fr", shape)
        original = "\n".join(published_texts(walk(build_tree(french)))) + "\n"
        (work / "source" / "S-2003-85.fr.original.md").write_text(original, encoding="utf-8")
    return work


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(work: Path, config: str, site: Path, publish: bool = False) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one build. On a shared machine the wall clock
    depends on the other processes; the CPU time much less: compare both."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1043366400", "EDITION_PUBLISH": "0"}
    env["EDITION_FREEZE_URLS"] = "1"  # a synthetic source has pages urls.txt does not list (none is lost)
    if publish:
        env |= {"EDITION_PUBLISH": "1", "SITE_URL": "https://s-2003-85.test/"}
    start, cpu = time.perf_counter(), cpu_of_children()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start, cpu_of_children() - cpu


def without_hooks(work: Path) -> str:
    """The same configuration, reading the pages the hooks already wrote, with no hook."""
    text = (work / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^hooks:\n(  - .*\n)+", "", text, flags=re.M)
    text = re.sub(r"^docs_dir: .*$", "docs_dir: build/docs", text, flags=re.M)
    (work / "mkdocs-nohooks.yml").write_text(text, encoding="utf-8")
    return "mkdocs-nohooks.yml"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def first_visit(site: Path, path: str) -> tuple[int, int, int]:
    """Bytes a first visit to `path` loads (raw, gzip) and the number of requests, in Chromium."""
    from playwright.sync_api import sync_playwright

    handler = partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    seen: list[str] = []
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"]  # fmt: skip
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page()
        page.on("requestfinished", lambda r: seen.append(r.url))
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        browser.close()
    httpd.shutdown()
    raw = zipped = 0
    for url in seen:
        local = url.removeprefix(base).split("?")[0].split("#")[0]
        file = site / local.lstrip("/")
        file = file / "index.html" if file.is_dir() else file
        if file.is_file():
            data = file.read_bytes()
            raw, zipped = raw + len(data), zipped + gz(data)
    return raw, zipped, len(seen)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, log: Path | None = None) -> str:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:  # the server holds requests while it builds
            return response.read().decode("utf-8", "replace")
    except (OSError, urllib.error.HTTPError) as error:
        if log is None:
            raise
        shown = "\n".join(line for line in log.read_text().splitlines() if '"GET ' not in line)
        raise RuntimeError(f"{url}: {error}\nserver log:\n{shown[-3000:]}") from error


def cpu_of(pid: int) -> float:
    """CPU seconds (user + system) a running process has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# What an editor saves: (file, text replaced, page that shows it). The French text is the
# original's word for word: an edit of it is refused, so the English stands for the texts.
EDITS = {
    "translation": ("source/S-2003-85.en.md", "Economic dimension.", "en" + PROVISION),
    "register": ("source/register.yml", "by the Charter of the United Nations.", "en/entities/un/"),
    "hand-written page": ("docs/about.en.md", "published word for word and in order", "en/about/"),
}


def save_to_reload(work: Path, runs: int) -> dict[str, tuple[list[float], list[float], list[int]]]:
    """`mkdocs serve` on the project; per kind of edit (EDITS) and per save: the seconds from the
    save until the changed page is served, the CPU seconds the server used meanwhile, and how
    many rebuilds the save caused (counted once the server is quiet)."""
    port = free_port()
    log = work / "serve.log"
    # TMPDIR: the folder MkDocs serves from goes with the copy (a terminated server leaves it behind)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "EDITION_PUBLISH": "0", "TMPDIR": str(work)}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    with log.open("w") as out:
        server = subprocess.Popen(command, cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT)
    results = {}
    try:
        deadline = time.monotonic() + 120
        while "Serving on" not in log.read_text():
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"mkdocs serve did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.1)
        for kind, (name, text, page) in EDITS.items():
            source, url = work / name, f"http://127.0.0.1:{port}/{page}"
            fetch(url, log)
            original = source.read_text(encoding="utf-8")
            assert text in original, f"{name} no longer holds {text!r}: update EDITS"
            delays, cpu, rebuilds = [], [], []
            for run in range(runs):
                marker = f"benchmark{run}"
                before = log.read_text().count(REBUILD)
                edited = f"{text[:-1]} {marker}." if text.endswith(".") else f"{text} {marker}"
                save(source, original.replace(text, edited), work)
                saved, used = time.monotonic(), cpu_of(server.pid)
                while marker not in fetch(url, log):
                    if time.monotonic() - saved > 120:
                        raise RuntimeError(f"the edit never reached {url}:\n{log.read_text()[-3000:]}")
                    time.sleep(0.02)
                delays.append(time.monotonic() - saved)
                cpu.append(cpu_of(server.pid) - used)
                time.sleep(3)  # a second rebuild, if the save caused one, starts within this time
                fetch(url, log)  # and the server answers once it is over
                rebuilds.append(log.read_text().count(REBUILD) - before)
            save(source, original, work)
            time.sleep(3)
            fetch(url, log)  # the rebuild of the original is over
            results[kind] = delays, cpu, rebuilds
    finally:
        server.terminate()
        server.wait(timeout=30)
    return results


def save(path: Path, text: str, work: Path) -> None:
    """Save as an editor does, at once: the server's poll never sees a half-written file (which
    would make a failed build, then a second one)."""
    staged = work / f".{path.name}.saving"  # beside the watched folders, on the same file system
    staged.write_text(text, encoding="utf-8")
    os.replace(staged, path)


def pdf_cost(work: Path) -> dict:
    """The PDFs a publishing build adds (EDITION_PUBLISH=1): their sizes and the time to make both."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from edition.exports import pdf
    from edition.exports.pdf import pdf_files
    from edition.site.loading import load_sources

    sources = load_sources(work / "source")
    timings = {}
    for variant in (None, pdf.VARIANT):  # untagged, then tagged (PDF/UA-1), as published
        pdf.VARIANT, published = variant, pdf.VARIANT
        start, cpu = time.perf_counter(), time.process_time()
        files = pdf_files(sources.walks, sources.identity, sources.labels, "https://example.org/", sources.edition)
        timings[variant] = (round(time.perf_counter() - start, 2), round(time.process_time() - cpu, 2))
        pdf.VARIANT = published
    return {
        "PDF fr, en bytes": [len(data) for data in files.values()],
        "PDF time s, CPU s (both, once)": timings[pdf.VARIANT],
        "PDF time s, CPU s, untagged (both, once)": timings[None],
    }


def offline_cost(site: Path) -> dict:
    """The offline edition a publishing build adds: the copy of its site made to work from disk, zipped."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from edition.exports.offline import offline_files, zip_bytes

    files = {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}
    start, cpu = time.perf_counter(), time.process_time()
    package = {name: name for name in files if name.endswith((".zip", ".zip.sha256"))}  # linked, not packed
    copy = offline_files(files, "/", ("fr", "en"), package)
    data = zip_bytes(copy, "offline", datetime.date(2026, 12, 4))
    seconds = (round(time.perf_counter() - start, 2), round(time.process_time() - cpu, 2))
    return {"offline ZIP bytes": len(data), "offline ZIP time s, CPU s (once)": seconds}


def median(timings: list[tuple[float, float]], which: int) -> float:
    return round(statistics.median(t[which] for t in timings), 2)


def measure(times: int, runs: int, browser: bool, serve_runs: int) -> dict:
    work = make_project(times)
    try:
        site = work / "site"
        plain_config = without_hooks(work)
        with_hooks, plain = [], []
        for _ in range(runs):  # alternated, so that both see the same load
            with_hooks.append(timed_build(work, "mkdocs.yml", site))
            plain.append(timed_build(work, plain_config, work / "site-plain"))
        publication = [timed_build(work, "mkdocs.yml", work / "site-published", publish=True) for _ in range(runs)]
        pages = {lang: sum(1 for _ in (site / root).rglob("index.html")) for lang, root in (("fr", ""), ("en", "en"))}
        pages["fr"] -= pages["en"]  # the French tree holds the English one
        html = (site / PROVISION.strip("/") / "index.html").read_bytes()
        result = {
            "scale": times,
            "pages per language": pages,
            "build s (median)": median(with_hooks, 0),
            "build without hooks s (median)": median(plain, 0),
            "hooks ratio": round(median(with_hooks, 0) / median(plain, 0), 2),
            "build CPU s (median)": median(with_hooks, 1),
            "build without hooks CPU s (median)": median(plain, 1),
            "hooks ratio, CPU": round(median(with_hooks, 1) / median(plain, 1), 2),
            "publication build s, CPU s (median)": (median(publication, 0), median(publication, 1)),
            "publication / everyday build (wall, CPU)": (
                round(median(publication, 0) / median(with_hooks, 0), 2),
                round(median(publication, 1) / median(with_hooks, 1), 2),
            ),
            "build ms per page": round(1000 * median(with_hooks, 0) / (pages["fr"] + pages["en"]), 2),
            "provision page html bytes (raw, gzip)": (len(html), gz(html)),
            "search documents bytes fr, en (raw, gzip)": [
                (len(d := (site / root / "search/documents.json").read_bytes()), gz(d)) for root in ("", "en")
            ],
        }
        if serve_runs:
            for kind, (delays, cpu, rebuilds) in save_to_reload(work, serve_runs).items():
                label = "" if kind == "translation" else f", {kind}"  # the English text: as measured before
                result[f"save to reload s (median){label}"] = round(statistics.median(delays), 2)
                result[f"save to reload, server CPU s (median){label}"] = round(statistics.median(cpu), 2)
                result[f"rebuilds per save{label}"] = rebuilds
        result |= pdf_cost(work)
        result |= offline_cost(work / "site-published")
        if browser:
            raw, zipped, requests = first_visit(site, PROVISION)
            result["first visit bytes (raw, gzip, requests)"] = (raw, zipped, requests)
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scales", default="1,10,50")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--serve-runs", type=int, default=3, help="saves measured in mkdocs serve (0: none)")
    options = parser.parse_args()
    results = []
    for times in (int(s) for s in options.scales.split(",")):
        result = measure(times, options.runs, not options.no_browser, options.serve_runs if times == 1 else 0)
        results.append(result)
        print(f"\n== source x{times}")
        for key, value in result.items():
            print(f"  {key}: {value}")
    base = results[0]
    for result in results[1:]:
        html = result["provision page html bytes (raw, gzip)"][0] / base["provision page html bytes (raw, gzip)"][0]
        per_page = result["build ms per page"] / base["build ms per page"]
        print(
            f"\nx{result['scale']} vs x{base['scale']}: provision page HTML x{html:.2f}, "
            f"build time per page x{per_page:.2f}"
        )


if __name__ == "__main__":
    main()
