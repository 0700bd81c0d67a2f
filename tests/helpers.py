"""Reading the built site: pages, their text and the edition's own words."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from edition.fidelity import reader_text
from edition.frozen import built_urls


def page_urls(site: Path) -> list[str]:
    """Every published page, as a site-absolute directory URL ('/', '/en/plan/16-3-2/')."""
    return built_urls(site)


def soup(site: Path, url: str) -> BeautifulSoup:
    path = site / url.strip("/") / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def document_text(node) -> str:
    """The text of a node without what the edition adds (elements of class 'ed'), as the build's check reads it."""
    return reader_text(str(node))
