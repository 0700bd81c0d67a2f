"""Reading the built site: pages, their text and the edition's own words."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from edition.fidelity import reader_text
from edition.frozen import built_urls
from edition.identity import load_identity

PROJECT = Path(__file__).resolve().parent.parent
SHAPE = load_identity(PROJECT / "source" / "document.yml").components  # the document's declared components


def page_urls(site: Path) -> list[str]:
    """Every published page, as a site-absolute directory URL ('/', '/en/plan/16-3-2/')."""
    return built_urls(site)


def soup(site: Path, url: str) -> BeautifulSoup:
    path = site / url.strip("/") / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def document_text(node) -> str:
    """The text of a node without what the edition adds (elements of class 'ed'), as the build's check reads it."""
    return reader_text(str(node))


def copy_project(dest: Path) -> Path:
    """A copy of what a build reads (and scripts/), to mutate or serve without touching the work tree."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "hooks", "docs", "overrides", "source", "scripts"):
        src = PROJECT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest
