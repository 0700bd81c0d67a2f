"""Write the pages of both languages, and the hand-written ones, into the folder MkDocs reads."""

from __future__ import annotations

import shutil
from pathlib import Path

from . import urls
from .enrich import EnrichError, Linker, check_text, find_acronyms, find_mentions, pieces
from .model import LANGS
from .render import Context, Page, document_pages
from .render_entities import entity_index_page, entity_page, glossary_page
from .sources import Sources, load_sources


def extra_links(labels: dict) -> list[tuple[str, str]]:
    return [
        (labels["full_text"], urls.FULL_TEXT),
        (labels["entities"], urls.ENTITIES),
        (labels["glossary"], urls.GLOSSARY),
        (labels["cite"], urls.CITE),
        (labels["about"], urls.ABOUT),
    ]


def all_pages(sources: Sources) -> dict[str, list[Page]]:
    """Every generated page, per language: the document's, then the register's."""
    register = sources.register
    linkers = {lang: Linker(register, lang) for lang in LANGS}
    text = {lang: pieces(sources.docs[lang], sources.labels[lang]) for lang in LANGS}
    problems = []
    for lang in LANGS:
        try:
            check_text(linkers[lang], sources.docs[lang], text[lang], sources.register_path)
        except EnrichError as error:
            problems += error.problems
    if problems:
        raise EnrichError(problems)
    used = {lang: find_acronyms(linkers[lang], text[lang]) for lang in LANGS}
    pages = {}
    for lang in LANGS:
        labels = sources.labels[lang]
        ctx = Context(sources.docs[lang], labels, linkers[lang])
        mentions = find_mentions(linkers[lang], text[lang])
        pages[lang] = document_pages(ctx, extra_links(labels))
        pages[lang] += [entity_page(ctx, register, e, mentions[e.ident]) for e in register.entities.values()]
        pages[lang].append(entity_index_page(ctx, register, mentions))
        pages[lang].append(glossary_page(ctx, register, used))
    return pages


def page_files(sources: Sources) -> dict[str, str]:
    """Relative file path -> content, for every generated page of every language."""
    files = {}
    for lang, pages in all_pages(sources).items():
        for page in pages:
            files[urls.source_file(page.url, lang)] = page.file_text()
    return files


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def assemble_docs(docs: Path, source: Path, target: Path, root: Path | None = None) -> int:
    """Fill `target` with docs/ and the generated pages; remove what is no longer produced.

    Returns how many files were (re)written. A generated page may not shadow a hand-written one.
    """
    sources = load_sources(source, root)
    wanted: dict[str, bytes] = {}
    for path in sorted(docs.rglob("*")):
        if path.is_file():
            wanted[path.relative_to(docs).as_posix()] = path.read_bytes()
    for name, text in page_files(sources).items():
        if name in wanted:
            raise ValueError(f"docs/{name} and a generated page have the same path")
        wanted[name] = text.encode("utf-8")
    written = sum(write_if_changed(target / name, data) for name, data in wanted.items())
    if target.exists():
        for path in sorted(target.rglob("*"), reverse=True):
            name = path.relative_to(target).as_posix()
            if path.is_file() and name not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                shutil.rmtree(path)
    return written
