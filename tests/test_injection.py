"""Nothing from a source file reaches a page as live markup, by every route text takes.

Two layers, each tested on its own:
- rendering escapes by construction: a hostile string put straight into the model (past the
  checks that would refuse it) comes out as text in every page, head and file (pure, no MkDocs);
- the real build: text that passes the checks (quotes, ampersands, "javascript:") put into every
  route of a copy of the sources, built by `mkdocs build`, and every built page parsed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from edition.assemble import Edition, render_edition
from edition.sources import Sources, load_sources

from tests.conftest import ROOT, SOURCE
from tests.helpers import copy_project
from tests.test_bad_input import EN, LAB, REG, mkdocs_build

HOSTILE = (
    '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>" onmouseover="alert(4)'
)


def live_markup(html: str, where: str) -> list[str]:
    """Scripts the page did not write itself, event handler attributes, javascript: links."""
    found = []
    soup = BeautifulSoup(html, "lxml")
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.lower().startswith("on"):
                found.append(f"{where}: <{tag.name} {name}=...>")
            if name.lower() in ("href", "src", "action", "formaction") and value.strip().lower().startswith(
                ("javascript:", "data:text")
            ):
                found.append(f"{where}: <{tag.name} {name}={value!r}>")
        if tag.name == "script" and tag.get("type") in ("application/ld+json", "application/json"):
            if "<" in tag.get_text():  # a data block: no "<" at all, so nothing can close it
                found.append(f"{where}: '<' in a data <script>")
        elif tag.name in ("img", "iframe", "object", "embed") or (tag.name == "script" and "alert(" in tag.get_text()):
            found.append(f"{where}: <{tag.name}> {tag.get_text()[:60]!r}")
    return found


def append(thing: object, name: str) -> None:
    """The hostile string after the text (the register's forms must still be found)."""
    setattr(thing, name, getattr(thing, name) + " " + HOSTILE)


def first_entity(sources: Sources):
    return next(iter(sources.register.entities.values()))


ROUTES: dict[str, Callable[[Sources], None]] = {
    "provision text": lambda s: append(s.docs["en"].provisions["16.3.2"].units[0], "text"),
    "provision title": lambda s: setattr(s.docs["en"].provisions["16.3.2"], "title", HOSTILE),
    "part title": lambda s: setattr(s.docs["en"].parts[0], "title", HOSTILE),
    "letter text": lambda s: append(s.docs["en"].sections["letter"].units[0], "text"),
    "masthead": lambda s: s.docs["en"].masthead.update(organ=HOSTILE),
    "register name": lambda s: first_entity(s).name.update(en=HOSTILE),
    "register description": lambda s: first_entity(s).description.update(en=HOSTILE),
    "register symbol": lambda s: setattr(first_entity(s), "symbol", HOSTILE),
    "label": lambda s: s.labels["en"].update(plan=HOSTILE, cite_export=HOSTILE, permalink=HOSTILE),
}


def live_markup_rendered(edition: Edition) -> list[str]:
    """Live markup in everything the English pages and the site files hold."""
    found = []
    for page in edition.pages["en"]:
        # The theme writes the title into the page unescaped: it is escaped in the front matter.
        # (The description is escaped by overrides/main.html; head and sidebar are checked below.)
        title = re.search(r"^title: (.*)$", page.file_text(), re.M).group(1)
        assert "<" not in title, (page.url, title)
        for name, html in (("body", page.body), *((k, page.meta.get(k, "")) for k in ("head", "sidebar"))):
            found += live_markup(str(html), f"{page.url} {name}")
    for name, data in edition.site_files.items():
        if name.endswith(".html"):
            found += live_markup(data.decode(), name)
    return found


def test_rendering_escapes_every_route_at_once():
    """The quick tier's check: every route carries hostile text in one rendering."""
    sources = load_sources(SOURCE, ROOT)
    for route in ROUTES.values():
        route(sources)
    assert live_markup_rendered(render_edition(sources, "https://example.org/")) == []


@pytest.mark.slow  # one rendering of the whole edition per route
@pytest.mark.parametrize("route", list(ROUTES))
def test_rendering_escapes_every_route(route: str):
    sources = load_sources(SOURCE, ROOT)
    ROUTES[route](sources)
    edition = render_edition(sources, "https://example.org/")
    assert live_markup_rendered(edition) == []
    shown = " ".join(BeautifulSoup(str(page.body), "lxml").get_text() for page in edition.pages["en"])
    assert "alert(1)" in shown or route == "register symbol", "the hostile text is shown as text, not dropped"


def test_a_non_http_link_is_never_written():
    sources = load_sources(SOURCE, ROOT)
    entity = next(e for e in sources.register.entities.values() if e.link.get("en"))
    entity.link["en"] = "javascript:alert(1)"
    with pytest.raises(ValueError, match="not an http"):
        render_edition(sources, "https://example.org/")


def test_site_url_is_escaped_in_everything_rendered():
    edition = render_edition(load_sources(SOURCE, ROOT), 'https://example.org/"><script>alert(1)</script>/')
    found = []
    for pages in edition.pages.values():
        found += [m for page in pages for m in live_markup(str(page.body) + str(page.meta.get("head", "")), page.url)]
    found += [
        m
        for name, data in edition.site_files.items()
        if name.endswith(".html")
        for m in live_markup(data.decode(), name)
    ]
    assert found == []


# Text that passes every check (no markup), but would break out of an attribute or make a link if unescaped.
PASSING = """x" onmouseover="alert(5)" y' onfocus='alert(6)' javascript:alert(7) & more"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("hostile"))

    def edit(name: str, old: str, new: str) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    english = (root / EN).read_text(encoding="utf-8")
    title = re.search(r"^\[16\.3\.2\]\ntitle: (.*)$", english, re.M).group(1)
    edit(EN, f"[16.3.2]\ntitle: {title}", f"[16.3.2]\ntitle: {title} {PASSING}")
    edit(EN, "[part reports]\ntitle: ", f"[part reports]\ntitle: {PASSING} ")
    edit(REG, "en: United Nations}", f"en: '{PASSING.replace(chr(39), chr(39) * 2)}'}}")
    edit(
        REG,
        'en: "International organization',
        f'en: "{PASSING.replace(chr(34), chr(92) + chr(34))} International organization',
    )
    edit(
        LAB,
        "  plan: Partnership Action Plan against Terrorism\n",
        f"  plan: '{PASSING.replace(chr(39), chr(39) * 2)}'\n",
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


@pytest.mark.slow  # builds a copy of the project
@pytest.mark.parametrize(
    ("route", "url"),
    [
        ("provision title", "en/plan/16-3-2/"),
        ("part title (page title, header, crumbs)", "en/plan/reports/"),
        ("register name (entity page, abbr titles)", "en/entities/un/"),
        ("register description", "en/entities/un/"),
        ("label (page title, crumbs, contents)", "en/plan/"),
        ("every page", ""),
    ],
)
def test_nothing_live_reaches_the_built_pages(hostile_site: Path, route: str, url: str):
    pages = [hostile_site / url / "index.html"] if url else sorted(hostile_site.rglob("*.html"))
    found = [m for path in pages for m in live_markup(path.read_text(encoding="utf-8"), str(path))]
    assert found == []
    if url:
        text = BeautifulSoup((hostile_site / url / "index.html").read_text(encoding="utf-8"), "lxml").get_text()
        assert 'onmouseover="alert(5)"' in text, "the text is shown as it was written"


@pytest.mark.slow  # builds a copy of the project
def test_hostile_text_is_kept_as_text_in_the_exports(hostile_site: Path):
    bib = (hostile_site / "en" / "plan" / "reports" / "s-2003-85-reports.bib").read_text(encoding="utf-8")
    assert 'onmouseover="alert(5)"' in bib  # exports are text: kept as written


def test_no_html_is_shown_as_text(site: Path):
    """The other side of escaping: HTML built as a plain str and then escaped would show as text."""
    symptoms = re.compile(
        r"&lt;/?(?:a|p|li|ul|span|abbr|div|sup|strong|em|code|nav|table|tr|td)[ &]|=&#34;|&amp;(?:#|amp;|lt;)"
    )
    shown = []
    for path in sorted(site.rglob("*.html")):
        shown += [f"{path.relative_to(site)}: {m.group()}" for m in symptoms.finditer(path.read_text(encoding="utf-8"))]
    assert shown == []
