"""Put the edition together: load and check the sources, enrich, then make every page of both
languages and every file beside them, as the registry of outputs declares them (outputs.py)."""

from __future__ import annotations

import datetime
import gzip
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from edition.citations.model import Reference, marked
from edition.core import urls
from edition.core.buildmode import publishing
from edition.core.langs import DEFAULT_LANG, LANGS
from edition.enrich.mentions import EnrichError, Linker, Piece, check_text, find_acronyms, find_mentions, pieces
from edition.enrich.similarity import provisions_of, related_provisions
from edition.pages.notes import note_html
from edition.pages.related import around_provisions
from edition.pages.render import Context, Page
from edition.site.loading import IDENTITY, Sources, load_sources
from edition.site.outputs import FILES, PAGES, Made, built, compressible_suffixes, listed, media_type, pages_of
from edition.sources.parse import SourceError, decode

# A hand-written page lists an output of the registry where it holds this line (outputs.py).
OUTPUT_MARKER = re.compile(rb"<!-- output: ([a-z0-9-]*) -->")


@dataclass
class Edition:
    sources: Sources
    pages: dict[str, list[Page]]  # lang -> pages
    citables: dict[str, list[Reference]]  # lang -> every citable unit, in document order (pages, then below)
    site_files: dict[str, bytes]  # path in the built site -> content (written after MkDocs)
    made: Made  # what the pages and files were made from, for the hand-written pages' listings
    media_types: dict[str, str] = field(default_factory=dict)  # path in the built site -> its declared media type


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


def made_from(sources: Sources, site_url: str, templates: tuple | None = None) -> Made:
    """What every output is made from: the enrichment's findings, what can be cited, each
    language's page context."""
    text, linkers = checked_text(sources)
    used = {lang: find_acronyms(linkers[lang], text[lang]) for lang in LANGS}
    found = {lang: find_mentions(linkers[lang], text[lang]) for lang in LANGS}
    citables = marked(sources.walks, sources.identity, sources.edition, sources.labels)
    # Related provisions by subject: one list for both languages, from both texts (enrich/similarity.py).
    related = related_provisions(provisions_of(sources.walks, found), LANGS)
    around = around_provisions(found[DEFAULT_LANG], related, list(sources.walks[DEFAULT_LANG].provisions))
    # Every page, the PDF, the citations and the export read each language's tree through its walk
    # (sources.walks); the AKN files are written from the tree with its mentions marked.
    contexts = {
        lang: Context(
            sources.walks[lang],
            sources.identity,
            sources.labels[lang],
            linkers[lang],
            site_url,
            {i.url: i for i in pages_of(citables[lang])},
            {n: note_html(note, sources.labels[lang]["quotations"], lang) for n, note in sources.notes[lang].items()},
            {i.anchor: i for i in citables[lang] if i.anchor},
        )
        for lang in LANGS
    }
    return Made(
        sources, site_url, contexts, linkers, found, used, citables, around, generation_date(), publishing(), templates
    )


def render_edition(sources: Sources, site_url: str, templates: tuple | None = None) -> Edition:
    """Every page and file of both languages from checked sources, as the registry declares them
    (outputs.py). With `templates` (the state of the templates the pages are rendered with), the
    pages of a language whose inputs are the ones of the last call are reused (`mkdocs serve`)."""
    made = made_from(sources, site_url, templates)
    pages = {
        lang: [page for kind in PAGES if built(kind, made.publishing) for page in kind.make(made, lang)]
        for lang in LANGS
    }
    files: dict[str, bytes] = {}
    media: dict[str, str] = {}  # what a server sends each file as (site/csp.py: _headers, the nginx snippet)
    for output in FILES:
        if built(output, made.publishing):
            for name, data in output.make(made).items():
                if name in files:  # a path from the data given twice: one would be lost
                    raise SourceError(
                        f"source/{IDENTITY}",
                        1,
                        "document",
                        f"two outputs would be written to '{name}' "
                        f"(one of them {output.name}); give each its own path in exports",
                    )
                files[name] = data
                media[name] = media_type(output, name) or ""
    return Edition(sources, pages, made.citables, files, made, media)


def page_url_of(name: str) -> str:
    """The page a hand-written file becomes: 'cite.fr.md' -> 'cite/', 'index.en.md' -> ''."""
    stem = name.rsplit(".", 2)[0]
    return "" if stem in ("index", "") else stem.removesuffix("/index") + "/"


def with_listings(data: bytes, name: str, edition: Edition) -> bytes:
    """A hand-written page with each `<!-- output: NAME -->` line replaced by that output's listing."""
    lang = name.split(".")[-2]

    def listing(match: re.Match[bytes]) -> bytes:
        output = listed(match.group(1).decode())
        if output is None or output.listing is None:
            line = data.count(b"\n", 0, match.start()) + 1
            names = ", ".join(entry.name for entry in FILES if entry.listing is not None)
            raise SourceError(
                f"docs/{name}",
                line,
                "hand-written page",
                f"no output named '{match.group(1).decode()}' to list; use one of: {names}",
            )
        return output.listing(edition.made, lang, page_url_of(name)).encode()

    return OUTPUT_MARKER.sub(listing, data)


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
                data = with_listings(data, name, edition)
            wanted[name] = data
    for name, text in page_files(edition).items():
        if name in wanted:
            raise SourceError(
                f"docs/{name}", 1, "hand-written page", "the edition generates a page at this path; rename or remove it"
            )
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


def inside(site: Path, name: str) -> Path:
    """The path of a file in the site folder; a name that would leave it is refused (the schema
    refuses such a path in document.yml: this keeps the promise whatever made the name)."""
    target = (site / name).resolve()
    if name.startswith("/") or "\\" in name or not target.is_relative_to(site.resolve()):
        raise ValueError(f"'{name}' would be written outside the site folder; give a path inside it (data/...)")
    return target


def write_site_files(edition: Edition, site: Path) -> None:
    for name, data in edition.site_files.items():
        write_if_changed(inside(site, name), data)


def precompress(site: Path) -> int:
    """Write file.gz beside every text file, for hosts that serve precompressed files
    (nginx gzip_static, Caddy precompressed). mtime=0 keeps the build reproducible."""
    count = 0
    suffixes = compressible_suffixes()
    for path in sorted(site.rglob("*")):
        if path.suffix in suffixes and path.is_file():
            data = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
            count += write_if_changed(path.with_name(path.name + ".gz"), data)
    return count
