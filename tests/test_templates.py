"""The edition's page templates (overrides/edition/, hooks/edition/pages/templates.py): they escape
every value that is not Markup, and a value a template needs but lacks stops the rendering."""

from __future__ import annotations

import re

import pytest
from edition.pages.render import TextUnit
from edition.pages.templates import FOLDER, environment, macros, render, template_problem
from jinja2 import TemplateSyntaxError, UndefinedError
from markupsafe import Markup

from tests.test_injection import HOSTILE, live_markup

LABELS = {"breadcrumbs": "Fil d'Ariane", "permalink": HOSTILE, "document": HOSTILE}


def test_a_template_writes_text_as_text():
    html = macros().crumbs(LABELS, "plan/16-3-2/", [(HOSTILE, ""), (HOSTILE, "plan/")])
    assert isinstance(html, Markup)
    assert live_markup(str(html), "crumbs") == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_markup_is_written_as_it_is():
    """The enriched runs of source text are Markup: a template writes them unchanged."""
    units = [TextUnit("p-1-p1", "p", Markup('<a class="mention" href="x/">ONU</a>'))]
    html = str(macros().units(LABELS, units))
    assert '<p id="p-1-p1" class="unit"><a class="mention" href="x/">ONU</a> <a class="ed permalink"' in html
    assert live_markup(html, "units") == []


def test_no_template_turns_escaping_off():
    assert environment().autoescape is True
    names = sorted(path.name for path in FOLDER.glob("*.html"))
    assert "chrome.html" in names and "provision.html" in names
    for path in FOLDER.glob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\|\s*safe\b|autoescape\s+false|Markup\(", text), path.name


def test_a_value_the_template_lacks_stops_the_rendering():
    with pytest.raises(UndefinedError):
        render("redirect.html", lang="fr", title="x", canonical="https://example.org/")


def test_a_template_error_names_its_file_and_line():
    error = TemplateSyntaxError("unexpected 'endfor'", 12, name="chrome.html")
    assert (
        template_problem(error)
        == "overrides/edition/chrome.html:12: template: unexpected 'endfor'; correct the template"
    )
