"""MkDocs hook: a thin adapter between MkDocs and the edition (hooks/edition).

on_config: before MkDocs collects files, render the pages of both languages and write them,
with the hand-written pages (docs/), into build/docs, which becomes docs_dir. A file is only
rewritten when its content changed, so `mkdocs serve` does not rebuild in a loop; static-i18n
then sees real files (`page.fr.md`, `page.en.md`) and localises them like hand-written ones.

on_post_build: once every language is built, write what MkDocs does not make (citation
downloads, pinpoint redirects, the JSON export), one search index per language, and, for a
publication (EDITION_PUBLISH=1, see edition/core/buildmode.py), a gzip copy of every text file.

hooks/serve.py adapts `mkdocs serve` (what it watches, what it answers after a failed build).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from edition.checks.fidelity import check_published_page
from edition.checks.frozen import UrlError, built_urls, check_urls
from edition.checks.site_url import check_site_url
from edition.core import buildmode
from edition.core.caching import TEMPLATES, folder_state
from edition.core.langs import DEFAULT_LANG, LANGS
from edition.core.urls import WITH_CONTENTS, lang_root, source_file
from edition.engine import i18n
from edition.engine.markup import without_toggle_autocomplete
from edition.engine.search_index import split_index
from edition.engine.theme import check_overrides, material_templates, search_worker
from edition.engine.toc import table_of_contents
from edition.enrich.mentions import EnrichError
from edition.exports.akn import AknError
from edition.exports.synonyms import synonyms
from edition.pages.templates import template_problem
from edition.site.assemble import Edition, assemble_docs, build_edition, page_file_names, precompress, write_site_files
from edition.site.site_config import configure as configure_site
from edition.site.sitedir import SITE
from edition.sources.parse import SourceError
from jinja2 import TemplateError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.pages")
edition: Edition | None = None  # the last build's, for on_post_build
made_from: tuple = ()  # what that edition and build/docs were made from (see inputs)
rendered: set[str] = set()  # the names, in build/docs, of the pages the edition renders (HTML already)
held: dict[str, str] = {}  # their bodies, between on_page_markdown and on_page_content
with_contents = {source_file(url, lang) for url in WITH_CONTENTS for lang in LANGS}  # pages with a table of contents


def inputs(folder: Path, *more: str) -> tuple:
    """The state of a folder's files (and of anything else given, such as the site's address)."""
    return (*more, *folder_state(folder))


def on_startup(command: str, dirty: bool) -> None:
    buildmode.started(command)


@event_priority(100)  # before static-i18n reads docs_dir
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global edition, made_from, rendered
    root = Path(config.config_file_path).parent
    checked_site_url(config)
    target = root / "build" / "docs"
    config.docs_dir = str(target)
    material = material_templates()
    try:
        config.extra["material_search_worker"] = search_worker(material)  # every language's config needs it
    except ValueError as error:
        raise PluginError(str(error)) from error
    current = (inputs(root / "source", config.site_url or "/"), inputs(root / "docs"), inputs(root / "overrides"))
    if edition is not None and current == made_from and target.is_dir():
        configure_site(config, i18n.languages(config), edition.sources)
        return config  # static-i18n runs on_config again for each language: the pages are there
    problems = check_overrides(root / "overrides", material)  # once per build, and when a template changed
    if problems:
        raise PluginError("Templates copied from Material:\n" + "\n".join(problems))
    try:
        # not when only a hand-written page changed; again when a template did (overrides/edition/)
        if edition is None or current[0] != made_from[0] or current[2] != made_from[2]:
            templates = current[2] if buildmode.serving() else None  # what the pages were rendered with
            edition = build_edition(root / "source", config.site_url or "/", root, templates)
        written = assemble_docs(root / "docs", edition, target)
    except (SourceError, EnrichError, AknError) as error:
        raise PluginError(f"Bad source:\n{error}") from error
    except TemplateError as error:
        raise PluginError(f"Bad template:\n{template_problem(error)}") from error
    made_from = current
    configure_site(config, i18n.languages(config), edition.sources)
    rendered = set(page_file_names(edition).values())
    if written:
        log.info("edition: %d page files written to %s", written, target.relative_to(root))
    return config


def checked_site_url(config: MkDocsConfig) -> None:
    """Stop before building when the site's address would make wrong citation URLs."""
    path = Path(config.config_file_path)
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    line = next((n for n, text in enumerate(lines, start=1) if text.startswith("site_url:")), 1)
    try:
        check_site_url(config.site_url, buildmode.publishing())
    except ValueError as error:
        raise PluginError(f"Bad configuration:\n{path.name}:{line}: site_url: {error}") from error


# The edition's pages are HTML already, which Python-Markdown hands back unchanged (a test checks
# it, tests/test_markdown_bypass.py) after parsing it all: a sixth of the build. They skip Markdown.
@event_priority(-100)  # after any plugin that reads or changes the Markdown
def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    if page.file.src_uri in rendered:
        held[page.file.src_uri] = markdown
        return ""
    return markdown


@event_priority(100)  # before any plugin that reads the HTML
def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    html = held.pop(page.file.src_uri, html)
    if page.file.src_uri in with_contents:  # Markdown, skipped, would have made it from the headings
        page.toc = table_of_contents(html)
    return html


def on_env(env, config: MkDocsConfig, files):
    env.bytecode_cache = TEMPLATES  # each template compiled once per process, not once per language and build
    return env


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    return valid_toggles(output, page.file.src_uri)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":  # not a page
        return output
    if config.theme["language"] != DEFAULT_LANG:
        # static-i18n builds each language's 404.html into the same root file: the default language's,
        # which speaks both (overrides/404.html), stays. MkDocs writes no file for an empty output.
        return ""
    return valid_toggles(output, template_name)


def valid_toggles(output: str, name: str) -> str:
    try:
        return without_toggle_autocomplete(output)
    except ValueError as error:
        raise PluginError(f"{name}: {error}") from error


@event_priority(-200)  # after static-i18n (-100) has built every language and merged the index
def on_post_build(config: MkDocsConfig) -> None:
    if edition is None or i18n.inner_build(config):
        return  # an inner, one-language build: the other language is not there yet
    site = Path(config.site_dir)
    root = Path(config.config_file_path).parent
    write_site_files(edition, site)
    merged = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    by_lang = {lang: synonyms(edition.sources.register, lang) for lang in edition.pages}
    for lang, (index, docs) in split_index(merged, by_lang).items():
        folder = site / lang_root(lang) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in (("search_index.json", index), ("documents.json", docs)):
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            (folder / name).write_text(text, encoding="utf-8")
    # Under `mkdocs serve`, what the last build made and this one did not is removed now, before
    # the checks read the folder (edition/site/sitedir.py); the edition's files count as made even when
    # they were not written again because they had not changed.
    SITE.finish(site / name for name in edition.site_files)
    frozen = root / "source" / "urls.txt"
    try:  # a published URL never changes; EDITION_FREEZE_URLS=1 is scripts/freeze_urls.py adding pages
        allow_new = os.environ.get("EDITION_FREEZE_URLS") == "1"
        check_urls(built_urls(site), frozen.read_text(encoding="utf-8"), "source/urls.txt", allow_new)
    except UrlError as error:
        raise PluginError(f"Published URLs changed:\n{error}") from error
    full_text = site / "full-text" / "index.html"  # the French, all of it, as a reader sees it
    try:
        check_published_page(
            full_text.read_text(encoding="utf-8"),
            "full-text/index.html (the built page)",
            edition.sources.original,  # read and checked with the sources
            f"source/{edition.sources.identity.original}",
        )
    except ValueError as error:
        raise PluginError(f"Published text differs:\n{error}") from error
    if buildmode.publishing():  # 0.4 s of every build otherwise, and no use to `mkdocs serve`
        precompress(site)
