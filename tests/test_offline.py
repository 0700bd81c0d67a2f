"""The offline edition (hooks/edition/exports/offline.py): a dated, versioned ZIP of the site,
published with its SHA-256 and linked from the home pages and About, that works from file://
(links between pages, the language switch, search), unzipped and opened in Chromium."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import SOURCE, watched_page
from tests.helpers import soup
from tests.searching import search

pytestmark = pytest.mark.publish  # made by publication builds

EDITION = yaml.safe_load((SOURCE / "edition.yml").read_text(encoding="utf-8"))
NAME = f"s-2003-85-offline-{EDITION['version']}-{EDITION['released'].isoformat()}"
ZIP = f"data/{NAME}.zip"


def test_offline_zip_is_published_with_its_sha256_and_linked(site: Path):
    data = (site / ZIP).read_bytes()
    assert (site / f"{ZIP}.sha256").read_text(encoding="utf-8") == f"{hashlib.sha256(data).hexdigest()}  {NAME}.zip\n"
    for page, up in (("/", ""), ("/en/", "../"), ("/about/", "../"), ("/en/about/", "../../")):
        article = soup(site, page).select_one("article")
        assert article.select_one(f"a[href='{up}{ZIP}']"), page
        assert article.select_one(f"a[href='{up}{ZIP}.sha256']"), page
    with zipfile.ZipFile(site / ZIP) as archive:
        names = archive.namelist()
    assert all(name.startswith(f"{NAME}/") for name in names)
    inside = {name.removeprefix(f"{NAME}/") for name in names}
    assert {"index.html", "en/index.html", "plan/16-3-2/index.html", "data/s-2003-85.fr.pdf"} <= inside
    assert {"search/search_index.js", "search/documents.js", "en/search/documents.js"} <= inside
    assert not [name for name in inside if name.endswith((".gz", ".zip")) or name in ("_redirects", "404.html")]


@pytest.fixture(scope="module")
def unzipped(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / ZIP) as archive:
        archive.extractall(folder)
    yield folder / NAME


def test_offline_pages_link_to_files_of_the_copy(unzipped: Path):
    """From disk, a link to a folder shows a listing: every link of the copy names a file it holds
    (or leaves the copy for the published site)."""
    import re

    checked = 0
    for page in [unzipped / "index.html", unzipped / "en/plan/16-3-2/index.html", unzipped / "p/16.3.2/index.html"]:
        html = page.read_text(encoding="utf-8")
        for url in re.findall(r'\s(?:href|src)="([^"]*)"', html) + re.findall(r"url=([^\"]+)\"", html):
            if url.startswith(("#", "https:", "http:", "data:", "mailto:")):
                continue
            path = url.split("#")[0].split("?")[0]
            assert (page.parent / path).is_file(), (page, url)
            checked += 1
    assert checked > 100


@pytest.mark.browser
def test_offline_copy_opens_from_disk_links_switch_and_search(browser: object, unzipped: Path, tmp_path: Path):
    """Open file://…/index.html; follow links to a provision; switch language; search its words.
    Nothing is asked of any other place (a request outside the folder fails the test)."""
    base = unzipped.as_uri()
    context = browser.new_context()
    try:
        tab = watched_page(context, base)
        tab.goto(f"{base}/index.html")
        tab.click("article a[href='plan/index.html']")
        tab.wait_for_url(f"{base}/plan/index.html")
        tab.click("article a[href='16-3-2/index.html']")
        tab.wait_for_url(f"{base}/plan/16-3-2/index.html")
        assert "16.3.2" in tab.locator("article h1").first.inner_text()
        tab.screenshot(path=str(tmp_path / "offline-fr.png"))
        # the language switch lands on the same provision, in English
        tab.locator(".md-header .md-select").first.hover()
        tab.click("a.md-select__link[hreflang='en']")
        tab.wait_for_url(f"{base}/en/plan/16-3-2/index.html")
        assert "16.3.2" in tab.locator("article h1").first.inner_text()
        # a link between English pages: the next provision
        tab.click("article a[href='../16-3-3/index.html'] >> nth=0")
        tab.wait_for_url(f"{base}/en/plan/16-3-3/index.html")
        results = search(tab, base, "terrorist financing")
        assert results.pages[0] == "/en/plan/16-3-2/index.html"
        assert "financing" in results.first_marks
        tab.screenshot(path=str(tmp_path / "offline-search.png"))
        tab.locator(".md-search-result__item > a").first.click()
        tab.wait_for_url(f"{base}/en/plan/16-3-2/index.html*")
        # back to French from the English home page (the switch's links there are site-absolute online)
        tab.goto(f"{base}/en/index.html")
        tab.locator(".md-header .md-select").first.hover()
        tab.click("a.md-select__link[hreflang='fr']")
        tab.wait_for_url(f"{base}/index.html")
        results = search(tab, base, "financement du terrorisme")
        assert results.pages[0] == "/plan/16-3-2/index.html"
        assert tab.console_errors == [] and tab.foreign_requests == []
    finally:
        context.close()
