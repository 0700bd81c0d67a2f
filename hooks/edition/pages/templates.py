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

import traceback
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
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
    """A template's error as `file:line: where: what; how to fix`: a syntax error names its line;
    an error while rendering (a name the page data lacks) the line of the innermost template of
    overrides/edition/ that was running (Jinja maps its frames to the templates' lines)."""
    if isinstance(error, TemplateSyntaxError) and error.name:
        return f"overrides/edition/{error.name}:{error.lineno}: template: {error.message}; correct the template"
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if frame.filename and Path(frame.filename).resolve().is_relative_to(FOLDER)
    ]
    where = (
        f"overrides/edition/{Path(frames[-1].filename).resolve().relative_to(FOLDER).as_posix()}:{frames[-1].lineno}"
        if frames
        else "overrides/edition/:1"
    )
    fix = (
        "give it in the page data (pages/render.py) or correct the name in the template"
        if isinstance(error, UndefinedError)
        else "correct the template or the page data it is given (pages/render.py)"
    )
    return f"{where}: template: {error.message}; {fix}"
