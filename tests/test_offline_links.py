"""The offline copy's links (hooks/edition/exports/offline.py), without a build."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from edition.exports.offline import (
    OfflineError,
    offline_files,
    offline_url,
    package_name,
    page_location,
    zip_bytes,
)

FILES = {"index.html", "en/index.html", "plan/index.html", "plan/16-3-2/index.html", "assets/x.css", "data/a.pdf"}
ONLINE = {"data/e.zip": "https://example.org/s/data/e.zip"}


@pytest.mark.parametrize(
    ("page", "url", "expected"),
    [
        ("plan/16-3-2/index.html", "../", "../index.html"),
        ("plan/16-3-2/index.html", "../../", "../../index.html"),
        ("plan/16-3-2/index.html", "../..", "../../index.html"),
        ("plan/16-3-2/index.html", "./#p-16-3-2", "index.html#p-16-3-2"),
        ("plan/index.html", "16-3-2/?h=x#a", "16-3-2/index.html?h=x#a"),
        ("en/index.html", "/s/", "../index.html"),  # from the host's root (static-i18n's switch)
        ("en/index.html", "/s/.", "../index.html"),
        ("index.html", "/s/en/", "en/index.html"),
        ("index.html", "assets/x.css", "assets/x.css"),
        ("index.html", "data/e.zip", "https://example.org/s/data/e.zip"),  # not in the copy: online
        ("index.html", "https://undocs.org/fr/S/2003/85", "https://undocs.org/fr/S/2003/85"),
        ("index.html", "#top", "#top"),
        ("index.html", "data:,", "data:,"),
    ],
)
def test_links_name_files_of_the_copy(page: str, url: str, expected: str):
    assert offline_url(page, url, FILES | set(ONLINE), "/s/", ONLINE) == expected


@pytest.mark.parametrize("url", ["../missing/", "/elsewhere/", "../../../../up/"])
def test_a_link_that_would_lead_nowhere_stops_the_build(url: str):
    with pytest.raises(OfflineError):
        offline_url("plan/16-3-2/index.html", url, FILES, "/s/", ONLINE)


def test_offline_files_rewrite_pages_and_write_search_scripts():
    site = {
        "index.html": b'<html><head></head><body><a href="plan/">x</a><a href="/s/en/">en</a></body></html>',
        "plan/index.html": b"<html><head></head><body></body></html>",
        "en/index.html": b"<html><head></head><body></body></html>",
        "index.html.gz": b"",
        "404.html": b'<a href="/s/nowhere/">',
        "search/search_index.json": b'{"config":{"provisions":{"16.3.2":"plan/16-3-2/"}},"docs":[]}',
        "search/documents.json": b'[{"location":"plan/#p-1","title":"t","text":""}]',
        "en/search/search_index.json": b'{"config":{},"docs":[]}',
        "en/search/documents.json": b'[{"location":"","title":"t","text":""}]',
    }
    out = offline_files(site, "/s/", ["fr", "en"], {})
    assert "index.html.gz" not in out and "404.html" not in out
    home = out["index.html"].decode()
    assert '<a href="plan/index.html">' in home and '<a href="en/index.html">' in home
    assert '<script src="assets/javascripts/offline-worker.js"></script></head>' in home
    index = b'{"config":{"provisions":{"16.3.2":"plan/16-3-2/index.html"}},"docs":[]}'
    assert out["search/search_index.js"] == b"var __index = " + index + b"\n"
    assert b'"location":"plan/index.html#p-1"' in out["search/documents.js"]
    assert b'"location":"index.html"' in out["en/search/documents.js"]
    assert page_location("plan/16-3-2/#x") == "plan/16-3-2/index.html#x"
    broken = {**site, "plan/index.html": b'<a href="../gone/">'}
    with pytest.raises(OfflineError, match="gone"):
        offline_files(broken, "/s/", ["fr", "en"], {})


def test_the_zip_is_dated_versioned_and_the_same_for_the_same_files():
    date = datetime.date(2026, 12, 4)
    assert package_name("s-2003-85", "1.0", date) == "s-2003-85-offline-1.0-2026-12-04.zip"
    files = {"b.html": b"b", "a/index.html": b"a"}
    data = zip_bytes(files, "copy", date)
    assert data == zip_bytes(dict(reversed(files.items())), "copy", date)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["copy/a/index.html", "copy/b.html"]
        assert archive.getinfo("copy/b.html").date_time == (2026, 12, 4, 0, 0, 0)
