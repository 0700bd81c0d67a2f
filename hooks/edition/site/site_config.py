"""What MkDocs' configuration takes from the document's data: the pages of its components in the
navigation, after the home page (document.yml's components), and the site's name, description
and copyright line in each language (labels.yml's site_name, site_description, copyright).
mkdocs.yml holds only what does not depend on the document, so that another document builds
from its own source folder, with no change to the code or to mkdocs.yml. The hook applies these
before static-i18n reads the configuration."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from edition.core import urls
from edition.core.langs import DEFAULT_LANG
from edition.core.lines import source_lines
from edition.site.loading import Sources

SITE_LABELS = ("site_name", "site_description", "copyright")  # MkDocs settings named like their labels
# The hooks mkdocs.yml must list: each checks that the other is there, so that removing one line
# of mkdocs.yml stops the build with a message naming it rather than with MkDocs' warnings about
# pages it cannot find.
REQUIRED_HOOKS = ("hooks/pages.py", "hooks/serve.py")


def line_of(text: str, prefix: str) -> int:
    """The line of mkdocs.yml that starts with `prefix` (1 if none)."""
    return next((n for n, line in enumerate(source_lines(text), start=1) if line.startswith(prefix)), 1)


def hook_problems(listed: list[str], config_file: str) -> list[str]:
    """`file:line: where: what; how to fix` for each required hook mkdocs.yml does not list (none
    when it lists no hook: a hook's function called by a test, not by MkDocs)."""
    if not listed:
        return []
    path = Path(config_file)
    line = line_of(path.read_text(encoding="utf-8"), "hooks:") if path.is_file() else 1
    return [
        f"mkdocs.yml:{line}: hooks: '{hook}' is not listed; add it back under hooks: (the edition's pages, "
        "checks and exports are made by hooks/pages.py, hooks/serve.py adapts mkdocs serve)"
        for hook in REQUIRED_HOOKS
        if hook not in listed
    ]


def component_nav(sources: Sources) -> list[str]:
    """The navigation entries of the components' pages, in reading order: letter.md, plan/index.md
    (a component with pages below it is its folder's index)."""
    components, holder = sources.identity.components, sources.identity.holder
    page_urls = [component.url for component in components]
    page_urls += [urls.part(slug, holder.url) for slug in sources.walks[DEFAULT_LANG].parts]  # below the holder's page
    below = urls.folders(page_urls)
    suffix = f".{DEFAULT_LANG}.md"
    return [urls.source_file(c.url, DEFAULT_LANG, c.url in below).removesuffix(suffix) + ".md" for c in components]


def configure(config: Any, i18n_languages: list[Any], sources: Sources) -> None:
    """Set the navigation and the site's names from the data. `config`: MkDocs' configuration,
    whose `nav` lists the hand-written pages, the home page first; `i18n_languages`: static-i18n's
    language settings. Each call gives the same result (static-i18n runs on_config once per language)."""
    entries = component_nav(sources)
    nav = [entry for entry in config["nav"] or [] if entry not in entries]
    config["nav"] = nav[:1] + entries + nav[1:]
    for key in SITE_LABELS:
        config[key] = sources.labels[DEFAULT_LANG][key]
        for language in i18n_languages:
            if language["locale"] != DEFAULT_LANG:
                language[key] = sources.labels[language["locale"]][key]
