"""Addresses the site does not hold: the 404 page's suggestion (docs/assets/javascripts/not-found.js)
and the `_redirects` file for static hosts (hooks/edition/exports/addresses.py)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.conftest import SITE_URL, QuietHandler, watched_page
from tests.gates import is_redirect_only


class NotFoundHandler(QuietHandler):
    """A static host: a missing address is answered with the site's 404.html, status 404."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def host(site: Path) -> Iterator[str]:
    handler = functools.partial(NotFoundHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def failed_resource(failed: list[str], response: object) -> None:
    if response.status >= 400 and response.request.resource_type != "document":
        failed.append(response.url)


# address asked for -> the page offered first, then the other language's
GUESSES = {
    "/plan/16.3.2/": ("/plan/16-3-2/", "/en/plan/16-3-2/"),
    "/p/16-3-2/": ("/plan/16-3-2/", "/en/plan/16-3-2/"),
    "/en/plan/16_4_2/": ("/en/plan/16-4-2/", "/plan/16-4-2/"),
    "/fr/para-16.3.2": ("/plan/16-3-2/", "/en/plan/16-3-2/"),
    "/en/parallel/plan/16.3.2.html": ("/en/plan/16-3-2/", "/plan/16-3-2/"),
    "/paragraphe-9/": ("/plan/9/", "/en/plan/9/"),
    "/en/p/Letter": ("/en/letter/", "/letter/"),
}


@pytest.mark.browser
def test_404_page_offers_the_provision_a_guessed_address_names(browser: object, host: str, tmp_path: Path):
    context = browser.new_context()
    try:
        for guess, (first, second) in GUESSES.items():
            tab = watched_page(context, host)
            failed: list[str] = []  # what the page loads, but the page itself (whose 404 Chromium logs)
            loaded = functools.partial(failed_resource, failed)
            tab.on("response", loaded)
            response = tab.goto(host + guess)
            assert response.status == 404
            box = tab.locator("[data-edition-suggestion]")
            box.wait_for(state="visible")
            links = box.locator("a")
            assert links.count() == 2, guess
            hrefs = [links.nth(n).get_attribute("href") for n in range(2)]
            assert hrefs == [first, second], guess
            assert [links.nth(n).get_attribute("hreflang") for n in range(2)] == [
                "en" if first.startswith("/en/") else "fr",
                "fr" if first.startswith("/en/") else "en",
            ]
            number = first.rstrip("/").rsplit("/", 1)[1].replace("-", ".")
            assert number in links.nth(0).inner_text() or number == "letter"
            # the box comes first, before the page's explanation
            assert tab.locator("article > *").nth(1).get_attribute("data-edition-suggestion") is not None
            if guess == "/plan/16.3.2/":
                tab.screenshot(path=str(tmp_path / "not-found.png"))
            links.nth(0).click()
            tab.wait_for_url(host + first)
            own_status = "the server responded with a status of 404"
            assert [error for error in tab.console_errors if own_status not in error] == []
            assert failed == [] and tab.foreign_requests == []
            tab.close()
        # an address that names nothing: no box; the search links search its words
        tab = watched_page(context, host)
        assert tab.goto(host + "/en/terrorisme-financement/").status == 404
        tab.wait_for_function("document.querySelector('a[data-edition-search]').href.includes('terrorisme')")
        assert tab.locator("[data-edition-suggestion]").is_hidden()
        script = "links => links.map(link => link.getAttribute('href'))"
        hrefs = tab.eval_on_selector_all("a[data-edition-search]", script)
        assert hrefs == ["/?q=terrorisme%20financement", "/en/?q=terrorisme%20financement"]
        tab.click("a[data-edition-search] >> nth=1")
        tab.locator(".md-search__input").wait_for(state="visible")
        assert tab.locator(".md-search__input").input_value() == "terrorisme financement"
    finally:
        context.close()


def redirect_target(site: Path, short: str) -> str:
    """Where the meta refresh of the pinpoint page at `short` sends the reader (site-absolute)."""
    import re

    page = site / short.strip("/") / "index.html"
    assert is_redirect_only(page), short
    target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', page.read_text(encoding="utf-8")).group(1)
    return urljoin(f"{SITE_URL}{short}", target).removeprefix(SITE_URL)


def test_redirects_file_matches_the_pinpoint_pages(site: Path):
    """Every short address /p/…, /en/p/… is a 301 in _redirects to where its page's meta refresh goes,
    with and without its final slash; no rule for an address the site does not hold."""
    rules = {}
    for line in (site / "_redirects").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            short, target, status = line.split()
            assert status == "301", line
            rules[short] = target
    pinpoints = {
        "/" + path.parent.relative_to(site).as_posix() + "/"
        for path in [*site.glob("p/*/index.html"), *site.glob("en/p/*/index.html")]
    }
    assert len(pinpoints) > 100
    assert {short for short in rules if short.endswith("/")} == pinpoints
    for short in pinpoints:
        assert rules[short] == rules[short.rstrip("/")] == redirect_target(site, short), short
        assert (site / rules[short].strip("/") / "index.html").is_file()
    assert rules["/p/16.3.2/"] == "/plan/16-3-2/" and rules["/en/p/16.3.2/"] == "/en/plan/16-3-2/"


def test_redirects_carry_the_path_the_site_is_published_under():
    from edition.citations.model import marked
    from edition.exports.addresses import redirects, site_path
    from edition.site.loading import load_sources

    from tests.conftest import SOURCE

    sources = load_sources(SOURCE)
    citables = marked(sources.walks, sources.identity, sources.edition, sources.labels)
    assert site_path("https://example.org") == "/" and site_path("https://example.org/s") == "/s/"
    text = redirects(citables, "https://example.org/s-2003-85/")
    assert "/s-2003-85/p/16.3.2/ /s-2003-85/plan/16-3-2/ 301\n" in text
    assert "/s-2003-85/en/p/preamble /s-2003-85/en/plan/preamble/ 301\n" in text
