"""The publication build under a real web server: Debian's nginx, configured with the repository's
snippet (deploy/nginx/edition.conf), and Chromium visiting every kind of page in both languages
under the site's Content-Security-Policy.

nginx runs in the foreground (no daemon, no worker processes), from a configuration of its own
in a folder of the test (its prefix, logs and temporary files there), on a free port of
127.0.0.1, and stops when the module's tests have ended."""

from __future__ import annotations

import gzip
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from edition.site.csp import NGINX_CONF

from tests.conftest import watched_page
from tests.helpers import PROJECT
from tests.searching import search
from tests.test_browser import KINDS

pytestmark = [pytest.mark.browser, pytest.mark.publish]

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
START_WAIT = 60  # seconds nginx may take to listen on a loaded machine: a bound, not a timing
STOP_WAIT = 30

CONFIG = """daemon off;
master_process off;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 64; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {work}/client_body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        include {snippet};
    }}
}}
"""

# What each download must arrive as (the start of its Content-Type).
DOWNLOADS = {
    ".bib": "application/x-bibtex",
    ".ris": "application/x-research-info-systems",
    ".csl.json": "application/vnd.citationstyles.csl+json",  # a page's CSL-JSON (beside its .bib)
    "export.json": "application/json",  # the whole document, /data/s-2003-85.json
    ".akn.xml": "application/akn+xml",
    ".pdf": "application/pdf",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def mime_types() -> Path:
    """Debian's mime.types, beside the nginx.conf the package installs (nginx -V names it)."""
    info = subprocess.run([NGINX, "-V"], capture_output=True, text=True, check=True).stderr
    paths = [arg.split("=", 1)[1] for arg in info.split() if arg.startswith("--conf-path=")]
    return Path(paths[0] if paths else "/etc/nginx/nginx.conf").with_name("mime.types")


@pytest.fixture(scope="module")
def nginx(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    assert Path(NGINX).exists(), "nginx is needed (Debian: apt-get install nginx-light; make nginx)"
    work = tmp_path_factory.mktemp("nginx")
    port = free_port()
    config = CONFIG.format(work=work, mime_types=mime_types(), port=port, site=site, snippet=PROJECT / NGINX_CONF)
    (work / "nginx.conf").write_text(config, encoding="utf-8")
    command = [NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + START_WAIT
        while True:
            log = (work / "error.log").read_text() if (work / "error.log").exists() else ""
            assert process.poll() is None, f"nginx stopped: {log}"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, f"nginx does not listen on port {port}: {log}"
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()  # SIGTERM: nginx's fast shutdown
        process.wait(timeout=STOP_WAIT)


def fetch(url: str, gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_every_response_carries_the_policy_and_the_headers(nginx: str, site: Path):
    policy = next(line for line in (site / "_headers").read_text().splitlines() if "Content-Security-Policy" in line)
    for path in ("/", "/en/plan/16-3-2/", "/assets/edition.css", "/data/s-2003-85.json", "/missing/"):
        status, headers, _ = fetch(nginx + path)
        assert status == (404 if path == "/missing/" else 200), path
        assert headers["content-security-policy"] == policy.split(": ", 1)[1], path
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "same-origin", path


def test_hashed_assets_are_cached_for_good_and_pages_are_not(nginx: str, site: Path):
    bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js")).name
    _, headers, _ = fetch(f"{nginx}/assets/javascripts/{bundle}")
    assert "immutable" in headers["cache-control"] and "max-age=31536000" in headers["cache-control"]
    _, headers, _ = fetch(f"{nginx}/plan/16-3-2/")
    assert "cache-control" not in headers


def test_precompressed_files_are_served_as_they_are(nginx: str, site: Path):
    for path in ("plan/16-3-2/index.html", "search/search_index.json", "data/s-2003-85.fra.akn.xml"):
        url = f"{nginx}/{path.removesuffix('index.html')}"
        status, headers, body = fetch(url, gzip_ok=True)
        assert status == 200 and headers.get("content-encoding") == "gzip", path
        assert body == (site / f"{path}.gz").read_bytes(), path  # the build's .gz (gzip_static), not one made now
        assert gzip.decompress(body) == (site / path).read_bytes()
        _, plain, body = fetch(url)
        assert "content-encoding" not in plain and body == (site / path).read_bytes(), path


def csp_watched(context, base: str):
    """A page that records, besides watched_page's console errors, the policy's violations."""
    tab = watched_page(context, base)
    tab.violations = []
    tab.on("console", lambda m: "Content Security Policy" in m.text and tab.violations.append(m.text))
    return tab


VIOLATIONS = """window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));"""


@pytest.mark.parametrize("lang", ["", "/en"])
def test_every_kind_of_page_runs_under_the_policy(browser, nginx: str, lang: str):
    context = browser.new_context()
    context.add_init_script(VIOLATIONS)  # the events, not only the console (a report-only page says nothing there)
    try:
        tabs = {path: csp_watched(context, nginx) for path in [*KINDS, "/missing/"]}
        for path, tab in tabs.items():
            tab.goto(f"{nginx}{lang}{path}", wait_until="commit")
        for path, tab in tabs.items():
            tab.wait_for_load_state("networkidle")
            events = tab.evaluate("window.__violations")
            assert tab.violations == [] and events == [], (path, tab.violations, events)
            errors = [e for e in tab.console_errors if not (path == "/missing/" and "404" in e)]
            assert errors == [] and tab.foreign_requests == [], (path, errors, tab.foreign_requests)
            assert tab.locator("script[src*='bundle.']").count() == 1 or path.startswith("/p/"), path
    finally:
        context.close()


@pytest.mark.parametrize(("lang", "query"), [("", "terrorisme"), ("/en", "terrorism")])
def test_search_answers_under_the_policy(browser, nginx: str, lang: str, query: str):
    context = browser.new_context()
    context.add_init_script(VIOLATIONS)
    try:
        tab = csp_watched(context, nginx)
        tab.goto(f"{nginx}{lang}/plan/16-3-2/")
        results = search(tab, nginx, query)
        assert results.pages and all(page.startswith(f"{lang}/") for page in results.pages), results.pages
        assert tab.violations == [] and tab.evaluate("window.__violations") == []
        assert tab.console_errors == []
    finally:
        context.close()


def download_kind(url: str, site_url: str) -> str:
    if url.endswith(".json"):
        return ".csl.json" if not url.startswith(f"{site_url}/data/") else "export.json"
    return next(end for end in DOWNLOADS if url.endswith(end))


@pytest.mark.parametrize("lang", ["", "/en"])
def test_downloads_arrive_with_their_media_types(browser, nginx: str, lang: str):
    """What the cite box, the How to cite page and the view line offer, as the browser gets it."""
    context = browser.new_context()
    try:
        tab = context.new_page()
        links: set[str] = set()
        for path in ("/plan/16-3-2/", "/letter/", "/cite/"):
            tab.goto(f"{nginx}{lang}{path}")
            selector = ", ".join(f"a[href$='{end}']" for end in (".bib", ".ris", ".json", ".xml", ".pdf"))
            links |= set(tab.eval_on_selector_all(selector, "els => els.map(e => e.href)"))
        links.discard(f"{nginx}/data/s-2003-85.anchors.json")  # the anchor map: plain JSON too, checked below
        kinds: dict[str, list[str]] = {}
        for url in sorted(links):
            kinds.setdefault(download_kind(url, nginx), []).append(url)
            response = context.request.get(url)
            assert response.status == 200, url
            assert response.headers["content-type"].startswith(DOWNLOADS[download_kind(url, nginx)]), (
                url,
                response.headers["content-type"],
            )
            assert response.headers["x-content-type-options"] == "nosniff"
        assert set(kinds) == set(DOWNLOADS), kinds  # every kind offered and checked
        anchors = context.request.get(f"{nginx}/data/s-2003-85.anchors.json")
        assert anchors.headers["content-type"].startswith("application/json")
    finally:
        context.close()
