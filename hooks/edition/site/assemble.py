"""Put the edition together: parse and check the sources, enrich, render every page of both
languages and every file beside them (downloads, pinpoints, export)."""

from __future__ import annotations

import datetime
import gzip
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from edition.pages import cite, edition_pages, pinpoints
from edition.exports import pdf
from edition.core import urls
from edition.exports.akn import akn_files
from edition.core.buildmode import publishing
from edition.core.caching import Reused
from edition.enrich.mentions import EnrichError, Linker, Mention, Piece, check_text, find_acronyms, find_mentions, pieces
from edition.core.langs import DEFAULT_LANG, LANGS
from edition.pages.notes import note_html
from edition.sources.parse import decode
from edition.sources.register import Register
from edition.pages.related import Around, around_provisions, with_around
from edition.pages.render import Context, Page, document_pages
from edition.pages.render_entities import entity_index_page, entity_page, glossary_page
from edition.pages.render_parallel import parallel_pages, with_view_line
from edition.site.loading import Sources, load_sources
from edition.pages.templates import macros
from edition.document.tree import finder, with_spans

PINPOINTS_MARKER = "<!-- pinpoints -->"
AKN_MARKER = "<!-- akoma-ntoso -->"
PDF_MARKER = "<!-- pdf -->"


@dataclass
class Edition:
    sources: Sources
    pages: dict[str, list[Page]]  # lang -> pages
    citables: dict[str, list[cite.Citable]]  # lang -> what can be cited, in document order
    site_files: dict[str, bytes]  # path in the built site -> content (written after MkDocs)


def extra_links(labels: dict) -> list[tuple[str, str]]:
    return [
        (labels["full_text"], urls.FULL_TEXT),
        (labels["entities"], urls.ENTITIES),
        (labels["glossary"], urls.GLOSSARY),
        (labels["cite"], urls.CITE),
        (labels["about"], urls.ABOUT),
    ]


def checked_linkers(sources: Sources, text: dict[str, list[Piece]]) -> dict[str, Linker]:
    """One linker per language, after checking acronyms and forms in both (all problems at once)."""
    linkers = {lang: Linker(sources.register, lang) for lang in LANGS}
    problems = []
    for lang in LANGS:
        try:
            check_text(linkers[lang], sources.walks[lang].path, text[lang], sources.register_path)
        except EnrichError as error:
            problems += error.problems
    if problems:
        raise EnrichError(problems)
    return linkers


def mentioned_entities(found: dict[str, dict]) -> dict[str, dict[str, list[str]]]:
    """Provision number -> language -> ids of the entities it mentions, for the export."""
    out: dict[str, dict[str, list[str]]] = {}
    for lang, by_entity in found.items():
        for ident, mentions in by_entity.items():
            for mention in mentions:
                if mention.piece.number:
                    ids = out.setdefault(mention.piece.number, {}).setdefault(lang, [])
                    if ident not in ids:
                        ids.append(ident)
    return out


def citation_files(items: list[cite.Citable], site_url: str) -> dict[str, bytes]:
    """The downloads of every citable page, and its pinpoint redirect."""
    files = {}
    for item in items:
        root = urls.lang_root(item.lang)
        url = urls.absolute(site_url, item.lang, item.url)
        files[f"{root}{item.url}{item.slug}.bib"] = cite.bibtex(item, url).encode()
        files[f"{root}{item.url}{item.slug}.ris"] = cite.ris(item, url).encode()
        csl = json.dumps(cite.csl(item, url), ensure_ascii=False, indent=2)
        files[f"{root}{item.url}{item.slug}.json"] = csl.encode()
        target = urls.relative(urls.pinpoint(item.key), item.url)
        to_site_root = "../" * (root + urls.pinpoint(item.key)).count("/")
        files[f"{root}{urls.pinpoint(item.key)}index.html"] = cite.redirect_page(
            target, url, item.lang, item.title, to_site_root + pinpoints.REDIRECT_SCRIPT
        ).encode()
    return files


def generation_date() -> datetime.date:
    """Today, or the day of SOURCE_DATE_EPOCH for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date() if epoch else datetime.date.today()


def build_edition(source: Path, site_url: str, root: Path | None = None, templates: tuple | None = None) -> Edition:
    """`templates`: under `mkdocs serve`, the state of overrides/ (caching.folder_state, which the
    hook has read already): the pages of a language are reused only while the templates they were
    rendered with are the same."""
    return render_edition(load_sources(source, root), site_url, templates)


def checked_text(sources: Sources) -> tuple[dict[str, list[Piece]], dict[str, Linker]]:
    """The text's pieces and linkers of both languages, acronyms and register forms checked."""
    text = {lang: pieces(sources.walks[lang], sources.identity, sources.labels[lang]) for lang in LANGS}
    return text, checked_linkers(sources, text)


def language_pages(
    ctx: Context,
    links: list[tuple[str, str]],
    pdf_path: str,
    around: dict[str, Around],
    register: Register,
    mentions: dict[str, list[Mention]],
) -> tuple[list[Page], list[Page]]:
    """The pages of one language that its text, the register and what the French mentions (`around`)
    make: the document's pages, then the entity pages and their index. Not the parallel view nor
    the glossary, which show both languages."""
    document = [
        with_around(ctx, with_view_line(ctx, page, pdf_path), around, register) for page in document_pages(ctx, links)
    ]
    entities = [entity_page(ctx, register, entity, mentions[entity.ident]) for entity in register.entities.values()]
    entities.append(entity_index_page(ctx, register, mentions))
    return document, entities


# Under `mkdocs serve`, a save of one language's text leaves the other language's pages as they
# were: equal arguments (plain data and dataclasses, compared by value) and the same templates,
# the same pages.
LANGUAGE_PAGES = Reused(language_pages)


def render_edition(sources: Sources, site_url: str, templates: tuple | None = None) -> Edition:
    """Every page and file of both languages from checked sources. With `templates` (the state of
    the templates the pages are rendered with), the pages of a language whose inputs are the ones
    of the last call are reused (`mkdocs serve`)."""
    text, linkers = checked_text(sources)
    register = sources.register
    used = {lang: find_acronyms(linkers[lang], text[lang]) for lang in LANGS}
    found = {lang: find_mentions(linkers[lang], text[lang]) for lang in LANGS}
    pages: dict[str, list[Page]] = {}
    files: dict[str, bytes] = {}
    citables = cite.marked(sources.walks, sources.identity, sources.labels)
    passages = pinpoints.pinpoints(citables, sources.walks, sources.identity, sources.labels)
    around = around_provisions(found[DEFAULT_LANG], list(sources.walks[DEFAULT_LANG].provisions))  # the same in both
    # Every page, the PDF, the citations and the export read each language's tree through its walk
    # (sources.walks); the AKN files are written from the tree with its mentions marked.
    contexts = {
        lang: Context(
            sources.walks[lang],
            sources.identity,
            sources.labels[lang],
            linkers[lang],
            site_url,
            {i.url: i for i in citables[lang]},
            {n: note_html(note, sources.labels[lang]["quotations"], lang) for n, note in sources.notes[lang].items()},
            passages[lang],
        )
        for lang in LANGS
    }
    for lang in LANGS:
        ctx = contexts[lang]
        pdf_link = pdf.pdf_path(sources.identity, lang) if publishing() else ""
        args = (ctx, extra_links(sources.labels[lang]), pdf_link, around, register, found[lang])
        if templates is None:
            document, entities = language_pages(*args)
        else:
            document, entities = LANGUAGE_PAGES(lang, *args, also=templates)
        pages[lang] = [*document, *parallel_pages(contexts, lang), *entities, glossary_page(ctx, register, used)]
        pages[lang].append(edition_pages.versions_page(ctx, sources.edition))
        files |= citation_files(citables[lang], site_url)
    files |= pinpoints.pinpoint_files(passages, site_url)
    if publishing():  # the PDFs take seconds: made for publishing (and the tests), not by `mkdocs serve`
        lines = {lang: edition_pages.edition_line(sources.edition, sources.labels[lang], lang) for lang in LANGS}
        files |= pdf.pdf_files(sources.walks, sources.identity, sources.labels, site_url, lines)
    language_notes = {lang: sources.labels[lang]["cite_language_note"] for lang in LANGS}
    export = cite.export(
        sources.walks,
        sources.identity,
        site_url,
        mentioned_entities(found),
        language_notes,
    )
    files[sources.identity.exports["json"]] = json.dumps(export, ensure_ascii=False, indent=1).encode()
    trees = {lang: with_spans(sources.trees[lang], finder(linkers[lang])) for lang in LANGS}
    paths = {lang: sources.walks[lang].path for lang in LANGS}
    files |= akn_files(sources.identity, register, trees, paths, sources.original, generation_date())
    return Edition(sources, pages, citables, files)


def pinpoint_table(edition: Edition, lang: str) -> Markup:
    """The list of short addresses and the export, for the How to cite page (at /cite/)."""
    rows = [
        (
            urls.relative(urls.CITE, urls.pinpoint(item.key)),
            "/" + urls.lang_root(lang) + urls.pinpoint(item.key),
            item.title,
        )
        for item in edition.citables[lang]
    ]
    exported = edition.sources.identity.exports["json"]
    export = "../" * (1 + urls.lang_root(lang).count("/")) + exported  # one file, at the site root
    return macros("cite_page.html").pinpoints(edition.sources.labels[lang], rows, (export, exported))


def akn_list(edition: Edition, lang: str) -> Markup:
    """The Akoma Ntoso files and the anchor map, for the How to cite page (at /cite/)."""
    identity, labels = edition.sources.identity, edition.sources.labels[lang]
    to_root = "../" * (1 + urls.lang_root(lang).count("/"))
    rows = [
        (identity.akn_export(other), labels["akn_official" if other == identity.official_lang else "akn_translation"])
        for other in (identity.official_lang, identity.translation_lang)
    ]
    rows.append((identity.exports["anchors"], labels["akn_anchors"]))
    return macros("cite_page.html").akn_list([(to_root + path, path, text) for path, text in rows])


def pdf_paragraph(edition: Edition, lang: str) -> Markup:
    """The link to the PDF on the How to cite page (at /cite/), when the build made it."""
    path = pdf.pdf_path(edition.sources.identity, lang)
    if path not in edition.site_files:
        return Markup("")
    to_root = "../" * (1 + urls.lang_root(lang).count("/"))
    return macros("cite_page.html").pdf_paragraph(edition.sources.labels[lang], to_root + path)


def page_file_names(edition: Edition) -> dict[tuple[str, str], str]:
    """(language, page URL) -> the page's file in build/docs."""
    out = {}
    for lang, pages in edition.pages.items():
        below = urls.folders([page.url for page in pages])
        out |= {(lang, page.url): urls.source_file(page.url, lang, page.url in below) for page in pages}
    return out


def page_files(edition: Edition) -> dict[str, str]:
    """Relative file path -> content, for every generated page of every language."""
    names = page_file_names(edition)
    return {names[lang, page.url]: page.file_text() for lang, pages in edition.pages.items() for page in pages}


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def assemble_docs(docs: Path, edition: Edition, target: Path) -> int:
    """Fill `target` with docs/ and the generated pages; remove what is no longer produced.

    Returns how many files were (re)written. A generated page may not shadow a hand-written one.
    """
    wanted: dict[str, bytes] = {}
    for path in sorted(docs.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            name = path.relative_to(docs).as_posix()
            if path.suffix == ".md":  # MkDocs would stop on it with a traceback and no file name
                decode(data, f"{docs.name}/{name}")
            if name.startswith("cite.") and PINPOINTS_MARKER.encode() in data:
                lang = name.split(".")[1]
                data = data.replace(PINPOINTS_MARKER.encode(), pinpoint_table(edition, lang).encode())
                data = data.replace(AKN_MARKER.encode(), akn_list(edition, lang).encode())
            if name.startswith("about.") and edition_pages.ABOUT_MARKER.encode() in data:
                lang = name.split(".")[1]
                block = edition_pages.about_block(edition.sources.edition, edition.sources.labels[lang], lang)
                data = data.replace(edition_pages.ABOUT_MARKER.encode(), block.encode())
            if name.startswith("cite.") and PDF_MARKER.encode() in data:
                data = data.replace(PDF_MARKER.encode(), pdf_paragraph(edition, name.split(".")[1]).encode())
            wanted[name] = data
    for name, text in page_files(edition).items():
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


def write_site_files(edition: Edition, site: Path) -> None:
    for name, data in edition.site_files.items():
        write_if_changed(site / name, data)


COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".bib", ".ris", ".txt", ".map"}


def precompress(site: Path) -> int:
    """Write file.gz beside every text file, for hosts that serve precompressed files
    (nginx gzip_static, Caddy precompressed). mtime=0 keeps the build reproducible."""
    count = 0
    for path in sorted(site.rglob("*")):
        if path.suffix in COMPRESSIBLE and path.is_file():
            data = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
            count += write_if_changed(path.with_name(path.name + ".gz"), data)
    return count
