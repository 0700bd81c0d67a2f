"""Every product of the build, declared once: each kind of page, each download and export, the
PDFs, the Akoma Ntoso files, the search indexes. An entry says what it is called, when it is built
(every build, or the publication build only), how it is made, where it is linked, whether it is
precompressed and the media type a web server sends it with.

`assemble` makes the pages and files by looping over PAGES and FILES; the hook writes what is made
from the built site (AFTER_BUILD) once MkDocs has built every language; a hand-written page lists
an output where it holds `<!-- output: NAME -->` (the How to cite page: the PDF, the AKN files, the
short addresses), and the precompressed copies are those of the types declared here.

Adding an export: one function that returns {path in the site: bytes} from the build's state
(`Made`), and one entry in FILES (README, "Adding an output").
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup

from edition.citations import bibtex, csl, ris
from edition.citations.model import Reference
from edition.core import urls
from edition.core.caching import Reused
from edition.core.langs import LANGS
from edition.document.tree import finder, with_spans
from edition.enrich.mentions import Linker, Mention, Piece
from edition.exports import addresses, offline, pdf
from edition.exports.akn import akn_files
from edition.exports.document_json import export
from edition.exports.versions import official_versions
from edition.pages import cite, edition_pages, pinpoints
from edition.pages.related import Around, with_around
from edition.pages.render import Context, Page, document_pages
from edition.pages.render_entities import entity_index_page, entity_page, glossary_page
from edition.pages.render_parallel import parallel_pages, with_view_line
from edition.pages.templates import macros
from edition.site.loading import Sources
from edition.sources.parse import SourceError
from edition.sources.register import Register

When = Literal["always", "publish"]


@dataclass
class Made:
    """The state every output is made from: the checked sources, each language's page context,
    the enrichment's findings and what can be cited. Built once per build by `assemble`."""

    sources: Sources
    site_url: str
    contexts: dict[str, Context]  # lang -> what every page of that language needs
    linkers: dict[str, Linker]
    found: dict[str, dict[str, list[Mention]]]  # lang -> entity id -> its mentions
    used: dict[str, dict[str, list[Piece]]]  # lang -> acronym -> where it is used
    citables: dict[str, list[Reference]]  # lang -> every citable unit, in document order (pages, then below)
    around: dict[str, Around]  # provision number -> what it mentions and its related provisions
    generated: datetime.date  # the day the AKN files say they were generated
    publishing: bool  # a publication build (buildmode.publishing())
    templates: tuple | None = None  # under `mkdocs serve`, the state of overrides/ (see Reused below)

    @property
    def register(self) -> Register:
        return self.sources.register


@dataclass(frozen=True)
class PageKind:
    """Pages of one kind, made for one language (`make(made, lang)`)."""

    name: str
    make: Callable[[Made, str], list[Page]]
    linked_from: str  # where a reader finds them
    built: When = "always"


@dataclass(frozen=True)
class FileOutput:
    """Files written beside the pages: path in the built site -> content."""

    name: str
    make: Callable[[Made], dict[str, bytes]]
    linked_from: str
    media_types: dict[str, str]  # file suffix -> Content-Type a server sends
    precompressed: bool  # a .gz copy beside each file, in a publication build
    built: When = "always"
    listing: Callable[[Made, str, str], Markup] | None = (
        None  # (made, lang, page URL) -> what a hand-written page shows
    )


@dataclass(frozen=True)
class SiteOutput:
    """Files made from the built site, once MkDocs has built every language (hooks/pages.py)."""

    name: str
    linked_from: str
    media_types: dict[str, str]
    precompressed: bool
    built: When = "always"
    listing: Callable[[Made, str, str], Markup] | None = None  # as FileOutput's


def built(entry: PageKind | FileOutput | SiteOutput, publishing: bool) -> bool:
    return entry.built == "always" or publishing


# ---------------------------------------------------------------- files made from the sources


def pages_of(items: list[Reference]) -> list[Reference]:
    """The units that have a page of their own (not an indent or a letter's paragraph)."""
    return [item for item in items if not item.anchor]


def citation_downloads(made: Made) -> dict[str, bytes]:
    """The BibTeX, RIS and CSL-JSON of every citable page, in both languages."""
    files = {}
    for lang in LANGS:
        for item in pages_of(made.citables[lang]):
            root = urls.lang_root(lang)
            url = urls.absolute(made.site_url, lang, item.url)
            files[f"{root}{item.url}{item.slug}.bib"] = bibtex.bibtex(item, url).encode()
            files[f"{root}{item.url}{item.slug}.ris"] = ris.ris(item, url).encode()
            data = json.dumps(csl.csl_json(item, url), ensure_ascii=False, indent=2)
            files[f"{root}{item.url}{item.slug}.json"] = data.encode()
    return files


def passage_downloads(made: Made) -> dict[str, bytes]:
    """The BibTeX, RIS and CSL-JSON of every unit below a page (an indent, a letter's paragraph, a
    decision), beside its page's, which the cite box offers when the reader points at the unit."""
    return pinpoints.passage_files(made.citables, made.site_url)


def pinpoint_pages(made: Made) -> dict[str, bytes]:
    """The short address of every citable page (/p/16.3.2/), which sends the reader to it, with
    the anchor the address was given (a script file beside the meta refresh, which drops it)."""
    files = {}
    for lang in LANGS:
        root = urls.lang_root(lang)
        for item in pages_of(made.citables[lang]):
            url = urls.absolute(made.site_url, lang, item.url)
            target = urls.relative(urls.pinpoint(item.key), item.url)
            script = "../" * (root + urls.pinpoint(item.key)).count("/") + pinpoints.REDIRECT_SCRIPT
            page = cite.redirect_page(target, url, lang, item.title, script)
            files[f"{root}{urls.pinpoint(item.key)}index.html"] = page.encode()
    return files


def mentioned_entities(found: dict[str, dict[str, list[Mention]]]) -> dict[str, dict[str, list[str]]]:
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


def json_export(made: Made) -> dict[str, bytes]:
    """The whole document, both languages, as one JSON file at the site root."""
    sources = made.sources
    language_notes = {lang: sources.labels[lang]["cite_language_note"] for lang in LANGS}
    data = export(
        sources.walks,
        sources.identity,
        made.site_url,
        mentioned_entities(made.found),
        language_notes,
        made.citables,
        sources.edition,
    )
    data["officialVersions"] = official_versions(sources.identity, sources.labels)  # exports/versions.py
    return {sources.identity.exports["json"]: json.dumps(data, ensure_ascii=False, indent=1).encode()}


def akn_exports(made: Made) -> dict[str, bytes]:
    """The Akoma Ntoso XML of each language, with its mentions marked, and the map of anchors."""
    sources = made.sources
    trees = {lang: with_spans(sources.trees[lang], finder(made.linkers[lang])) for lang in LANGS}
    paths = {lang: sources.walks[lang].path for lang in LANGS}
    return akn_files(sources.identity, made.register, trees, paths, sources.original, made.generated)


def pdfs(made: Made) -> dict[str, bytes]:
    sources = made.sources
    lines = {lang: edition_pages.edition_line(sources.edition, sources.labels[lang], lang) for lang in LANGS}
    return pdf.pdf_files(sources.walks, sources.identity, sources.labels, made.site_url, sources.edition, lines)


def host_addresses(made: Made) -> dict[str, bytes]:
    """_redirects (every short address a 301, for hosts that read it) and the 404 page's data."""
    return addresses.host_files(made.citables, made.site_url)


# ---------------------------------------------------------------- what the How to cite page lists


def pinpoint_listing(made: Made, lang: str, page_url: str) -> Markup:
    """The list of short addresses and the export."""
    rows = [
        (
            urls.relative(page_url, urls.pinpoint(item.key)),
            "/" + urls.lang_root(lang) + urls.pinpoint(item.key),
            item.title,
        )
        for item in pages_of(made.citables[lang])
    ]
    exported = made.sources.identity.exports["json"]
    labels = made.sources.labels[lang]
    return macros("cite_page.html").pinpoints(labels, rows, (urls.to_root(lang, page_url) + exported, exported))


def akn_listing(made: Made, lang: str, page_url: str) -> Markup:
    """The Akoma Ntoso files and the anchor map."""
    identity, labels = made.sources.identity, made.sources.labels[lang]
    rows = [
        (identity.akn_export(other), labels["akn_official" if other == identity.official_lang else "akn_translation"])
        for other in (identity.official_lang, identity.translation_lang)
    ]
    rows.append((identity.exports["anchors"], labels["akn_anchors"]))
    return macros("cite_page.html").akn_list([(urls.to_root(lang, page_url) + path, path, text) for path, text in rows])


def pdf_listing(made: Made, lang: str, page_url: str) -> Markup:
    """The link to the PDF, when the build makes it."""
    if not built(PDF, made.publishing):
        return Markup("")
    path = urls.to_root(lang, page_url) + pdf.pdf_path(made.sources.identity, lang)
    return macros("cite_page.html").pdf_paragraph(made.sources.labels[lang], path)


def offline_link(made: Made, lang: str, page_url: str) -> offline.OfflineLink:
    sources = made.sources
    return offline.offline_link(sources.identity.slug, sources.edition, sources.labels[lang], lang, page_url)


def offline_listing(made: Made, lang: str, page_url: str) -> Markup:
    """The offline edition's ZIP and its SHA-256 (About), when the build makes them."""
    if not built(OFFLINE, made.publishing):
        return Markup("")
    link = offline_link(made, lang, page_url)
    return macros("chrome.html").offline_copy(made.sources.labels[lang], lang, link, handwritten=True)


def edition_listing(made: Made, lang: str, page_url: str) -> Markup:
    """The edition's name, publisher, version, date and licence (About)."""
    return edition_pages.about_block(made.sources.edition, made.sources.labels[lang], lang, page_url)


def registry_listing(made: Made, lang: str, page_url: str) -> Markup:
    """Every file the registry declares, what it is, its types, and which builds make it (About)."""
    labels = made.sources.labels[lang]
    rows = []
    for entry in (*FILES, *AFTER_BUILD):
        key = "output_" + entry.name.replace("-", "_")
        if key not in labels:
            raise SourceError(
                "source/labels.yml",
                1,
                f"label {lang}.{key}",
                f"missing: the output '{entry.name}' (site/outputs.py) needs its name in each language; add it",
            )
        rows.append((labels[key], sorted(entry.media_types), labels["built_" + entry.built]))
    return macros("cite_page.html").outputs_table(labels, rows)


# ---------------------------------------------------------------- pages


def extra_links(labels: dict) -> list[tuple[str, str]]:
    """The edition's own pages, which the home page links to after the document's contents."""
    return [
        (labels["full_text"], urls.FULL_TEXT),
        (labels["entities"], urls.ENTITIES),
        (labels["glossary"], urls.GLOSSARY),
        (labels["cite"], urls.CITE),
        (labels["about"], urls.ABOUT),
    ]


def pdf_link(made: Made, lang: str) -> str:
    return pdf.pdf_path(made.sources.identity, lang) if built(PDF, made.publishing) else ""


def document_kind(
    ctx: Context, links: list, pdf_path: str, around: dict[str, Around], register: Register
) -> list[Page]:
    pages = document_pages(ctx, links)
    return [with_around(ctx, with_view_line(ctx, page, pdf_path), around, register) for page in pages]


def entity_kind(ctx: Context, register: Register, mentions: dict[str, list[Mention]]) -> list[Page]:
    pages = [entity_page(ctx, register, entity, mentions[entity.ident]) for entity in register.entities.values()]
    return [*pages, entity_index_page(ctx, register, mentions)]


# Under `mkdocs serve`, a save of one language's text leaves the other language's pages as they
# were: equal arguments (plain data and dataclasses, compared by value) and the same templates,
# the same pages.
DOCUMENT_PAGES = Reused(document_kind)
ENTITY_PAGES = Reused(entity_kind)


def reused(function: Reused, made: Made, lang: str, *args: object) -> list[Page]:
    if made.templates is None:
        return function.function(*args)
    return function(lang, *args, also=made.templates)


def document_page_kind(made: Made, lang: str) -> list[Page]:
    """Home, the components (letters, the Plan), parts, provisions and the full text."""
    ctx = made.contexts[lang]
    links = extra_links(made.sources.labels[lang])
    pages = reused(DOCUMENT_PAGES, made, lang, ctx, links, pdf_link(made, lang), made.around, made.register)
    if built(OFFLINE, made.publishing):  # the home page links to the offline edition
        home = next(page for page in pages if page.url == urls.HOME)
        home.data["offline"] = offline_link(made, lang, urls.HOME)
    return pages


def parallel_page_kind(made: Made, lang: str) -> list[Page]:
    return parallel_pages(made.contexts, lang)


def entity_page_kind(made: Made, lang: str) -> list[Page]:
    return reused(ENTITY_PAGES, made, lang, made.contexts[lang], made.register, made.found[lang])


def glossary_page_kind(made: Made, lang: str) -> list[Page]:
    return [glossary_page(made.contexts[lang], made.register, made.used)]


def versions_page_kind(made: Made, lang: str) -> list[Page]:
    return [edition_pages.versions_page(made.contexts[lang], made.sources.edition)]


PAGES: tuple[PageKind, ...] = (
    PageKind("document", document_page_kind, "the navigation, the home page's contents, each part's sidebar"),
    PageKind("parallel", parallel_page_kind, "each document page's view line"),
    PageKind("entities", entity_page_kind, "the navigation; the links of every mention in the text"),
    PageKind("glossary", glossary_page_kind, "the navigation; every acronym's explanation"),
    PageKind("versions", versions_page_kind, "the footer of every page; About"),
)


# ---------------------------------------------------------------- the registry

JSON = "application/json; charset=utf-8"

PDF = FileOutput(
    "pdf",
    pdfs,
    "each page's view line and the How to cite page",
    {".pdf": "application/pdf"},
    precompressed=False,
    built="publish",  # WeasyPrint takes seconds: not for `mkdocs serve`
    listing=pdf_listing,
)

CITATION_TYPES = {
    ".bib": "application/x-bibtex; charset=utf-8",
    ".ris": "application/x-research-info-systems; charset=utf-8",
    ".json": "application/vnd.citationstyles.csl+json; charset=utf-8",  # CSL-JSON, IANA-registered
}

FILES: tuple[FileOutput, ...] = (
    FileOutput(
        "citations",
        citation_downloads,
        "the cite box of every citable page",
        CITATION_TYPES,
        precompressed=True,
    ),
    FileOutput(
        "passage-citations",
        passage_downloads,
        "the cite box, when the reader points at an indent or a letter's paragraph",
        CITATION_TYPES,
        precompressed=True,
    ),
    FileOutput(
        "pinpoints",
        pinpoint_pages,
        "the cite box (short address); the How to cite page's list",
        {".html": "text/html; charset=utf-8"},
        precompressed=True,
        listing=pinpoint_listing,
    ),
    FileOutput("json-export", json_export, "the How to cite page (with the pinpoints)", {".json": JSON}, True),
    FileOutput(
        "akoma-ntoso",
        akn_exports,
        "the home page and the How to cite page",
        {".xml": "application/akn+xml", ".json": JSON},
        precompressed=True,
        listing=akn_listing,
    ),
    PDF,
    FileOutput(
        "host-addresses",
        host_addresses,
        "read by static hosts (_redirects) and by the 404 page's script",
        {".json": JSON},  # _redirects is read by the host, not served
        precompressed=False,
    ),
)

# The offline edition (exports/offline.py): the checked site as a ZIP that works from disk, made by
# the hook (assemble.write_offline_package) before the precompressed copies.
OFFLINE = SiteOutput(
    "offline-edition",
    "the home pages and About",
    {".zip": "application/zip", ".sha256": "text/plain; charset=utf-8"},
    precompressed=False,
    built="publish",
    listing=offline_listing,
)

AFTER_BUILD: tuple[SiteOutput, ...] = (
    SiteOutput(
        "search-index",
        "Material's search (one index per language, hooks/pages.py)",
        {".json": JSON},
        precompressed=True,
    ),
    OFFLINE,
    SiteOutput(
        "headers",  # site/csp.py: the Content-Security-Policy, from the built pages; the media types above
        "read by the static host (Netlify, Cloudflare Pages); deploy/nginx/edition.conf holds the same for nginx",
        {"_headers": "text/plain; charset=utf-8"},
        precompressed=False,
    ),
)

# The site's own text files (MkDocs' and Material's), precompressed with the outputs declared so.
SITE_TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map")


def compressible_suffixes() -> set[str]:
    declared = (entry for entry in (*FILES, *AFTER_BUILD) if entry.precompressed)
    return set(SITE_TEXT) | {suffix for entry in declared for suffix in entry.media_types}


def media_type(entry: FileOutput | SiteOutput, path: str) -> str | None:
    """The media type the registry declares for one of an output's files (its longest suffix declared)."""
    ends = [suffix for suffix in entry.media_types if path.endswith(suffix)]
    return entry.media_types[max(ends, key=len)] if ends else None


# The registry itself, listed on About (`<!-- output: registry -->`).
REGISTRY = FileOutput("registry", lambda made: {}, "About", {}, precompressed=False, listing=registry_listing)
# The edition's identity (source/edition.yml), listed on About (`<!-- output: edition -->`).
EDITION = FileOutput("edition", lambda made: {}, "About", {}, precompressed=False, listing=edition_listing)


def listed(name: str) -> FileOutput | SiteOutput | None:
    """The output a hand-written page names (`<!-- output: NAME -->`), if it has a listing."""
    entries = (*FILES, *AFTER_BUILD, REGISTRY, EDITION)
    return next((entry for entry in entries if entry.name == name and entry.listing is not None), None)
