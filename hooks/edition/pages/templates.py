"""The edition's Jinja templates (overrides/edition/): one environment per process, autoescaped.

Python computes what a page shows (titles as text, URLs, lists, flags, and the enriched runs of
source text, which are Markup); the templates write every element and attribute around it. With
autoescape, a string that is not Markup is escaped wherever a template writes it, so a string from
a source file can only reach a page as text. StrictUndefined: a name a template uses and the page
data lacks stops the build instead of writing nothing.

MkDocs copies no .html file of the theme's custom_dir into the site; overrides/edition/ holds the
edition's own templates, not copies of Material's (theme.check_overrides skips it).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError
from markupsafe import Markup

from edition.core import urls
from edition.core.caching import TEMPLATES
from edition.core.langs import COLON, SEMICOLON, number_label

FOLDER = Path(__file__).resolve().parents[3] / "overrides" / "edition"


def colon(lang: str) -> str:
    """French typography puts a (non-breaking) space before a colon or semicolon."""
    return COLON[lang]


def semicolon(lang: str) -> str:
    return SEMICOLON[lang]


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(FOLDER),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=TEMPLATES,
    )
    env.globals.update(relative=urls.relative, number_label=number_label, colon=colon, semicolon=semicolon)
    return env


def render(name: str, **data: Any) -> Markup:
    """A template of overrides/edition/ rendered with `data`: HTML."""
    return Markup(environment().get_template(name).render(data))


def macros(name: str = "chrome.html") -> Any:
    """The macros a template defines, to call from Python: each returns Markup."""
    return environment().get_template(name).module


def template_problem(error: TemplateError) -> str:
    """A template's error as `file:line: what` (a syntax error), or what is missing (data)."""
    if isinstance(error, TemplateSyntaxError) and error.name:
        return f"overrides/edition/{error.name}:{error.lineno}: {error.message}"
    return f"overrides/edition/: {error.message}; see the page data render.py gives the template"
