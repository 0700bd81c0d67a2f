"""Reading the built site: pages, their text and the edition's own words."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

PROJECT = Path(__file__).resolve().parent.parent


def page_urls(site: Path) -> list[str]:
    """Every published page, as a site-absolute directory URL ('/', '/en/plan/16-3-2/')."""
    out = []
    for path in site.rglob("index.html"):
        rel = path.parent.relative_to(site).as_posix()
        out.append("/" if rel == "." else f"/{rel}/")
    return sorted(out)


def soup(site: Path, url: str) -> BeautifulSoup:
    path = site / url.strip("/") / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


BLOCKS = ["p", "li", "ul", "ol", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table"]


def document_text(node) -> str:
    """The text of a node without what the edition adds (elements of class 'ed')."""
    node = BeautifulSoup(str(node), "lxml")
    for added in node.select(".ed"):
        added.decompose()
    for block in node.find_all(BLOCKS):  # inline elements (<sup>) do not split words
        block.insert_before(" ")
        block.append(" ")
    return node.get_text("")


def copy_project(dest: Path) -> Path:
    """A copy of what a build reads (and scripts/), to mutate or serve without touching the work tree."""
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "hooks", "docs", "overrides", "source", "scripts"):
        src = PROJECT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest
