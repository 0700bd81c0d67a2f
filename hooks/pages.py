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
from edition.exports.search_first import worker_config
from edition.pages.handwritten import check_handwritten, check_theme_strings
from edition.pages.templates import template_problem
from edition.site.assemble import (
    Edition,
    assemble_docs,
    build_edition,
    page_file_names,
    precompress,
    write_if_changed,
    write_site_files,
)
from edition.site.csp import HEADERS_FILE, CspError, headers_file, site_policy, template_scripts
from edition.site.site_config import configure as configure_site
from edition.site.site_config import hook_problems, line_of
from edition.site.sitedir import SITE
from edition.sources.parse import SourceError, read_text
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
material_scripts: list = []  # the inline scripts of Material's templates (edition/site/csp.py), read once
hand_written: dict[str, str] = {}  # built page -> the hand-written page (docs/) it was made from


def inputs(folder: Path, *more: str) -> tuple:
    """The state of a folder's files (and of anything else given, such as the site's address)."""
    return (*more, *folder_state(folder))


def site_url_from_environment(config: MkDocsConfig) -> None:
    """SITE_URL, when set, is the site's address (mkdocs.yml's site_url is the placeholder): read
    here rather than by MkDocs (`!ENV`), whose check comes before any hook and names only
    site_url. Under `mkdocs serve` the address is the server's."""
    value = os.environ.get("SITE_URL")
    if value is None or buildmode.serving():
        return
    config.site_url = value if not value or value.endswith("/") else value + "/"


frozen_text = ""  # source/urls.txt, read (and its characters checked) before the site is built


def on_startup(command: str, dirty: bool) -> None:
    buildmode.started(command)


@event_priority(100)  # before static-i18n reads docs_dir
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global edition, made_from, rendered, frozen_text
    root = Path(config.config_file_path).parent
    problems = hook_problems(list(config["hooks"]), config.config_file_path)
    if problems:
        raise PluginError("Bad configuration:\n" + "\n".join(problems))
    site_url_from_environment(config)
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
        frozen_text = read_text(root / "source" / "urls.txt", "source/urls.txt", characters=True)
    except (SourceError, EnrichError, AknError) as error:
        raise PluginError(f"Bad source:\n{error}") from error
    except TemplateError as error:
        raise PluginError(f"Bad template:\n{template_problem(error)}") from error
    except ValueError as error:  # a check of the edition's own code: no traceback, what it found
        raise PluginError(f"The edition's build stopped:\n{error}") from error
    made_from = current
    configure_site(config, i18n.languages(config), edition.sources)
    rendered = set(page_file_names(edition).values())
    if written:
        log.info("edition: %d page files written to %s", written, target.relative_to(root))
    return config


def checked_site_url(config: MkDocsConfig) -> None:
    """Stop before building when the site's address would make wrong citation URLs."""
    path = Path(config.config_file_path)
    line = line_of(path.read_text(encoding="utf-8"), "site_url:") if path.is_file() else 1
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
    if page.file.src_uri not in rendered:  # a hand-written page: held to the markup allow-list
        try:
            written = Path(config.config_file_path).parent / "docs" / page.file.src_uri  # its lines, as written
            text = written.read_text(encoding="utf-8") if written.is_file() else page.markdown or ""
            check_handwritten(html, text, f"docs/{page.file.src_uri}")
            check_theme_strings(page.title or "", page.meta or {}, text, f"docs/{page.file.src_uri}")
        except SourceError as error:
            raise PluginError(f"Bad hand-written page:\n{error}") from error
    html = held.pop(page.file.src_uri, html)
    if page.file.src_uri in with_contents:  # Markdown, skipped, would have made it from the headings
        page.toc = table_of_contents(html)
    return html


def on_env(env, config: MkDocsConfig, files):
    env.bytecode_cache = TEMPLATES  # each template compiled once per process, not once per language and build
    return env


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    if page.file.src_uri not in rendered:
        hand_written[page.file.dest_uri] = f"docs/{page.file.src_uri}"
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
    try:
        write_site_files(edition, site)
    except ValueError as error:
        raise PluginError(f"Bad output path:\nsource/document.yml:1: exports: {error}") from error
    merged = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sources = edition.sources
    numbers = list(sources.walks[DEFAULT_LANG].provisions)
    for lang, (index, docs) in split_index(
        merged, worker_config(sources.register, numbers, sources.identity.holder.url, LANGS)
    ).items():
        folder = site / lang_root(lang) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in (("search_index.json", index), ("documents.json", docs)):
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            (folder / name).write_text(text, encoding="utf-8")
    # Under `mkdocs serve`, what the last build made and this one did not is removed now, before
    # the checks read the folder (edition/site/sitedir.py); the edition's files count as made even when
    # they were not written again because they had not changed.
    SITE.finish([*(site / name for name in edition.site_files), site / HEADERS_FILE])
    try:  # a published URL never changes; EDITION_FREEZE_URLS=1 is scripts/freeze_urls.py adding pages
        allow_new = os.environ.get("EDITION_FREEZE_URLS") == "1"
        check_urls(built_urls(site), frozen_text, "source/urls.txt", allow_new)
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
    write_headers(site, root)
    if buildmode.publishing():  # 0.4 s of every build otherwise, and no use to `mkdocs serve`
        precompress(site)


def write_headers(site: Path, root: Path) -> None:
    """_headers: the Content-Security-Policy (the hashes of the theme's inline scripts in the
    pages, each checked to be one the theme's templates write) and the other headers. Every tag's
    attributes are checked for event handlers and javascript: URLs too, in a publication build."""
    if not material_scripts:
        material_scripts.extend(template_scripts(material_templates()))
    allowed = material_scripts + template_scripts(root / "overrides")
    try:
        declared = edition.media_types if edition is not None else {}
        policy = site_policy(site, allowed, declared, handlers=buildmode.publishing(), origins=hand_written)
    except CspError as error:
        raise PluginError(f"Content-Security-Policy:\n{error}") from error
    write_if_changed(site / HEADERS_FILE, headers_file(policy).encode("utf-8"))
