"""Reading the built site: pages, their text and the edition's own words."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from edition.checks.fidelity import reader_text
from edition.checks.frozen import built_urls
from edition.document.passages import Walk, walk
from edition.document.tree import build_tree
from edition.sources.identity import load_identity
from edition.sources.parse import parse_document

PROJECT = Path(__file__).resolve().parent.parent
IDENTITY = load_identity(PROJECT / "source" / "document.yml")
SHAPE = IDENTITY.components  # the document's declared components


def walked(text: str, path: str, lang: str = "fr", numbering: bool = True) -> Walk:
    """A source text parsed, as a tree walked once (what the checks and exports read)."""
    return walk(build_tree(parse_document(text, path, lang, SHAPE, numbering)), lang, path)


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


def texts_of(docs: dict) -> dict[str, dict[str, str]]:
    """lang -> provision number -> its text, from parsed documents: what notes.parse_notes reads."""
    from edition.site.loading import provision_texts

    return provision_texts({lang: walk(build_tree(doc), lang, doc.path) for lang, doc in docs.items()})
