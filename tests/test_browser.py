"""Browser tests: Playwright driving Debian's Chromium against the built site on 127.0.0.1."""

from __future__ import annotations

import re

import pytest

from tests.conftest import watched_page

pytestmark = pytest.mark.browser


def test_language_switch_lands_on_the_same_provision(page, server):
    page.goto(f"{server}/plan/16-3-2/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.locator(".md-header [data-md-component=palette], .md-header .md-select").first.hover()
    page.locator(".md-select__link[hreflang=en]").click()
    page.wait_for_url(re.compile(r"/en/plan/16-3-2/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Economic dimension" in page.locator("article h1").inner_text()
    page.locator(".md-header .md-select").first.hover()
    page.locator(".md-select__link[hreflang=fr]").click()
    page.wait_for_url(re.compile(r"/plan/16-3-2/$"))
    assert "/en/" not in page.url
    assert not page.console_errors and not page.foreign_requests


def test_home_table_of_contents_reaches_every_provision(page, server):
    page.goto(f"{server}/")
    hrefs = page.eval_on_selector_all("article ul.contents a", "els => els.map(e => e.href)")
    provisions = {re.sub(r".*/plan/", "", h).strip("/") for h in hrefs if re.search(r"/plan/\d", h)}
    expected = {str(n) for n in range(1, 19)} | {f"16-{s}" for s in range(1, 6)}
    expected |= {
        f"16-{s}-{n}" for s, count in zip(range(1, 6), (5, 7, 4, 5, 3), strict=True) for n in range(1, count + 1)
    }
    assert provisions == expected
    page.locator("article ul.contents a[href='plan/16-3-2/']").click()
    page.wait_for_url(re.compile(r"/plan/16-3-2/$"))
    assert "16.3.2" in page.locator("article h1").inner_text()
    assert not page.console_errors and not page.foreign_requests


KINDS = ["/", "/letter/", "/annex/", "/plan/", "/plan/action-plan/", "/plan/16-4-2/", "/full-text/",
         "/entities/eadrcc/", "/entities/", "/glossary/", "/cite/", "/about/", "/p/16.3.2/",
         "/parallel/plan/16-4-2/", "/parallel/full-text/"]  # fmt: skip


@pytest.mark.parametrize("lang", ["", "/en"])
def test_pages_make_no_outside_request_and_no_console_error(browser, server, lang):
    context = browser.new_context()
    try:
        tabs = {path: watched_page(context, server) for path in KINDS}
        for path, tab in tabs.items():  # every page loads at once, each in its own tab
            tab.goto(f"{server}{lang}{path}", wait_until="commit")
        for path, tab in tabs.items():
            tab.wait_for_load_state("networkidle")
            assert tab.foreign_requests == [], path
            assert tab.console_errors == [], path
    finally:
        context.close()


@pytest.mark.parametrize(
    ("lang", "expansion", "scepc_title"),
    [
        ("", "Centre euro-atlantique de coordination des réactions en cas de catastrophe", "Haut Comité"),
        ("/en", "Euro-Atlantic Disaster Response Coordination Centre", "Senior Civil Emergency Planning Committee"),
    ],
)
def test_acronym_tooltip_entity_page_and_way_back(page, server, lang, expansion, scepc_title):
    page.goto(f"{server}{lang}/plan/16-4-2/")
    page.locator("article abbr", has_text="EADRCC").first.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip() == expansion
    page.locator("article a.mention", has_text="SCEPC").first.click()
    page.wait_for_url(re.compile(rf"{lang}/entities/scepc/$"))
    assert scepc_title in page.locator("article h1").inner_text()
    page.locator("ol.mentions a").first.click()
    page.wait_for_url(re.compile(rf"{lang}/plan/16-4-2/#p-16-4-2-p1$"))
    assert "16.4.2" in page.locator("article h1").inner_text()
    assert not page.console_errors and not page.foreign_requests


@pytest.mark.parametrize(("lang", "css"), [("", "official-label"), ("/en", "translation-label")])
def test_print_keeps_the_label_and_where_the_page_stands(page, server, lang, css):
    page.goto(f"{server}{lang}/plan/16-3-2/")
    page.emulate_media(media="print")
    assert page.locator(f"article .view-line.{css} strong").is_visible()
    assert not page.locator("article .view-line .view-switch").is_visible()
    assert page.locator("article .crumbs").is_visible()
    # above the text: the label comes before the provision's first paragraph
    label_top = page.locator("article .view-line").bounding_box()["y"]
    assert label_top < page.locator("article .unit").first.bounding_box()["y"]


@pytest.mark.parametrize("lang", ["", "/en"])
def test_parallel_view_on_a_phone_says_which_text_is_official_before_the_text(page, server, lang):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{server}{lang}/parallel/plan/16-4-2/")
    head = page.locator("article .parallel-head")
    assert head.is_visible()
    cells = head.locator(".parallel-cell")
    assert cells.count() == 2 and all(cells.nth(i).is_visible() for i in range(2))
    translation = "traduction" if lang == "" else "translation"
    assert translation in head.inner_text().lower()
    first_text = page.locator("article .parallel-row:not(.parallel-head)").first.bounding_box()["y"]
    assert head.bounding_box()["y"] < first_text


@pytest.mark.parametrize("lang", ["", "/en"])
def test_nothing_overflows_a_phone(browser, server, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        tabs = {path: context.new_page() for path in KINDS if not path.startswith("/p/")}  # /p/ redirects, as it loads
        for path, tab in tabs.items():  # every page loads at once, each in its own tab
            tab.goto(f"{server}{lang}{path}", wait_until="commit")
        for path, tab in tabs.items():
            tab.wait_for_load_state("load")
            assert tab.evaluate("document.documentElement.scrollWidth") <= 390, path
        box = tabs["/glossary/"].locator("article table.glossary").bounding_box()
        assert box["x"] >= 0, "the glossary is read by scrolling its own box, not the page"
    finally:
        context.close()


def test_home_table_keeps_its_columns_apart(page, server):
    """However wide the window, and where a label wraps, at least 12 px between label and value."""
    for width in (390, 1440):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{server}/")
        gap = page.locator("article table.identity tr").last.evaluate(
            "tr => parseFloat(getComputedStyle(tr.cells[0]).paddingRight)"
            " + parseFloat(getComputedStyle(tr.cells[1]).paddingLeft)"
        )
        assert gap >= 12, width


@pytest.mark.parametrize("lang", ["", "/en"])
def test_cite_page_never_breaks_an_address(page, server, lang):
    for width in (1440, 768):  # on a phone, breaking is better than a table scrolling out of keyboard reach
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{server}{lang}/cite/")
        broken = page.eval_on_selector_all(
            "article table code", "els => els.filter(e => e.getClientRects().length > 1).map(e => e.textContent)"
        )
        assert broken == [], width
        assert page.evaluate("document.documentElement.scrollWidth") <= width
