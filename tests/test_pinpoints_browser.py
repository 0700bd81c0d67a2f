"""Pinpoints below the provision and select to cite, in Chromium (issue 17, items 4 and 6): a short
address keeps its fragment; an indent's ¶ or anchor turns the cite box to the indent; selected
words give their citation and a link to exactly them; nothing on the page moves. Both languages,
a phone (390 px) and a desktop width."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from tests.conftest import watched_page

pytestmark = pytest.mark.browser

LANGS = {"": "fr", "/en": "en"}
THIRD = {"": "par. 16.4.2, troisième alinéa", "/en": "para. 16.4.2, third indent"}
PROVISION = {"": "par. 16.4.2 (24 janvier 2003)", "/en": "para. 16.4.2 (24 January 2003)"}
LETTER_PARA_5 = {"": "annexe, par. 5 (24 janvier 2003)", "/en": "annex, para. 5 (24 January 2003)"}
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}

# Every layout shift from the start, whether or not it follows an input (CLS leaves those out,
# and a selection is an input): the control must move nothing.
SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const moved = entry.sources.map((source) => source.node && (source.node.id || source.node.className));
    window.__shifts.push([entry.value, moved.join(" ")]);
  }
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.fixture(params=list(WIDTHS))
def tab(request, browser, server):
    context = browser.new_context(viewport=WIDTHS[request.param], permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(SHIFTS)
    yield watched_page(context, server)
    context.close()


def select(tab, selector: str, start: int, end: int) -> None:
    """Select characters [start, end) of the element's first text node (a reader's drag)."""
    tab.locator(selector).scroll_into_view_if_needed()
    tab.evaluate(
        """([selector, start, end]) => {
          const node = [...document.querySelector(selector).childNodes].find(n => n.nodeType === 3 && n.data.trim());
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, end);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
        }""",
        [selector, start, end],
    )


def layout(tab) -> list[dict]:
    """Where every block of the page's article stands."""
    return tab.eval_on_selector_all(
        "article > *, article li, .md-footer",  # in the flow (the sidebars are sticky)
        "els => els.map(e => e.getBoundingClientRect()).filter(r => r.width && r.height)"
        ".map(r => [r.x, r.y + scrollY, r.width, r.height])",
    )


def matches(text: str, directive: str) -> list[str]:
    """What a text fragment (`prefix-,start,end,-suffix`) finds in the page's text, read here
    independently of the script: each match of start (to end), any case, whitespace as any space."""
    parts = directive.split(",")
    prefix = unquote(parts.pop(0)[:-1]) if parts[0].endswith("-") else ""
    suffix = unquote(parts.pop()[1:]) if parts[-1].startswith("-") else ""
    start, end = unquote(parts[0]), unquote(parts[1]) if len(parts) > 1 else ""
    for piece in (prefix, start, end, suffix):
        assert "%" not in piece and "," not in piece, directive  # decoded once, nothing left encoded

    def words(piece: str) -> str:
        return r"\s+".join(re.escape(word) for word in piece.split())

    pattern = words(start) + (r"\b.*?\b" + words(end) if end else "")
    pattern = (words(prefix) + r"\s*" if prefix else "") + rf"\b(?P<hit>{pattern})\b"
    pattern += r"\s*" + words(suffix) if suffix else ""
    return [m["hit"] for m in re.finditer(pattern, text, re.IGNORECASE | re.DOTALL)]


@pytest.mark.parametrize("lang", list(LANGS))
def test_a_short_address_keeps_its_fragment_and_lands_on_the_indent(tab, server, lang):
    tab.goto(f"{server}{lang}/p/16.4.2/#p-16-4-2-i3")
    tab.wait_for_url(re.compile(rf"{lang}/plan/16-4-2/#p-16-4-2-i3$"))
    assert tab.evaluate("document.querySelector(':target').id") == "p-16-4-2-i3"
    box = tab.locator("#p-16-4-2-i3").bounding_box()
    assert 0 <= box["y"] < tab.viewport_size["height"], "the indent is in the window"
    assert THIRD[lang] in tab.locator("#cite-text").inner_text()
    assert not tab.console_errors and not tab.foreign_requests


@pytest.mark.parametrize("lang", list(LANGS))
def test_without_javascript_the_meta_refresh_lands_on_the_provision_cited_right(browser, server, lang):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f"{server}{lang}/p/16.4.2/#p-16-4-2-i3")
        tab.wait_for_url(re.compile(rf"{lang}/plan/16-4-2/"))
        citation = tab.locator("#cite-text").inner_text()
        assert PROVISION[lang] in citation and THIRD[lang] not in citation
        assert tab.locator("#cite-url").inner_text().endswith("/plan/16-4-2/")
    finally:
        context.close()


@pytest.mark.parametrize("lang", list(LANGS))
def test_an_indent_s_pilcrow_turns_the_cite_box_to_the_indent(tab, server, lang):
    tab.goto(f"{server}{lang}/plan/16-4-2/")
    assert PROVISION[lang] in tab.locator("#cite-text").inner_text()
    tab.locator("#p-16-4-2-i3 .permalink").click()
    assert THIRD[lang] in tab.locator("#cite-text").inner_text()
    assert tab.locator("#cite-url").inner_text().endswith("/plan/16-4-2/#p-16-4-2-i3")
    # the legal forms follow, each in its rule's language
    assert "para. 16.4.2, third indent" in tab.locator("#cite-bluebook").inner_text()
    assert "16.4.2, troisième alinéa" in tab.locator("#cite-mcgill").inner_text()
    bib = tab.locator(".cite-box a[data-format=bib]")
    assert bib.get_attribute("href") == "s-2003-85-16-4-2-i3.bib"
    assert bib.get_attribute("download") == f"s-2003-85-16-4-2-i3.{LANGS[lang]}.bib"
    for ext in ("bib", "ris", "json"):  # every download is there and cites the indent
        href = tab.locator(f".cite-box a[data-format={ext}]").get_attribute("href")
        body = tab.request.get(f"{server}{lang}/plan/16-4-2/{href}").text()
        assert THIRD[lang].split(", ")[1] in body and "#p-16-4-2-i3" in body, ext
    tab.locator("#p-16-4-2-p1 .permalink").click()  # the provision's own paragraph: the provision
    assert PROVISION[lang] in tab.locator("#cite-text").inner_text()
    assert tab.locator(".cite-box a[data-format=ris]").get_attribute("href") == "s-2003-85-16-4-2.ris"
    assert not tab.console_errors and not tab.foreign_requests


@pytest.mark.parametrize("lang", list(LANGS))
def test_selected_words_give_their_citation_and_a_link_to_exactly_them(tab, server, lang):
    tab.goto(f"{server}{lang}/plan/16-4-2/")
    before = layout(tab)
    tab.evaluate("window.__shifts = []")
    select(tab, "#p-16-4-2-i3", 2, 15)  # starts and ends inside words: whole words are linked
    chosen = tab.evaluate("getSelection().toString()")
    control = tab.locator(".select-cite__button")
    control.wait_for(state="visible")
    assert control.inner_text() == ("Citer ce passage" if lang == "" else "Cite this passage")
    assert tab.evaluate("getComputedStyle(document.querySelector('.select-cite__button')).position") == "fixed"
    control.click()
    panel = tab.locator(".select-cite__panel")
    panel.wait_for(state="visible")
    assert THIRD[lang] in panel.locator(".select-cite__citation").inner_text()
    href = panel.locator(".select-cite__link").get_attribute("href")
    page_url, _, directive = href.partition(":~:text=")
    assert page_url.endswith(f"{lang}/plan/16-4-2/#p-16-4-2-i3") and directive
    page_text = tab.locator(".md-container").inner_text()
    found = matches(page_text, directive)
    assert len(found) == 1, (directive, found)  # the words, and only them, on the whole page
    indent = " ".join(tab.locator("#p-16-4-2-i3").inner_text().split())
    assert chosen.strip() in found[0] and " ".join(found[0].split()) in indent
    assert layout(tab) == before, "showing the control moved the page"
    assert tab.evaluate("window.__shifts") == []
    panel.locator(".select-cite__copy").last.click()
    assert tab.evaluate("navigator.clipboard.readText()") == href
    assert not tab.console_errors and not tab.foreign_requests


@pytest.mark.parametrize("lang", list(LANGS))
def test_select_to_cite_from_the_keyboard(tab, server, lang):
    """Shift+arrows extend a selection (a keyboard reader's, made with caret browsing, which
    headless Chromium lacks: the test starts it with one character); key C opens the control with
    the focus on its first button; Tab, Enter copy; Escape closes and gives the focus back."""
    tab.goto(f"{server}{lang}/annex/")
    tab.locator("#annex-p5").scroll_into_view_if_needed()
    tab.evaluate("window.__shifts = []")
    select(tab, "#annex-p5", 0, 1)
    for _ in range(4):
        tab.keyboard.press("Shift+Control+ArrowRight")
    assert len(tab.evaluate("getSelection().toString()").split()) >= 3
    tab.keyboard.press("c")
    panel = tab.locator(".select-cite__panel")
    panel.wait_for(state="visible")
    assert tab.evaluate("document.activeElement.className").startswith("select-cite__copy")
    citation = panel.locator(".select-cite__citation").inner_text()
    assert LETTER_PARA_5[lang] in citation
    tab.keyboard.press("Enter")  # copy the citation
    assert tab.evaluate("navigator.clipboard.readText()") == citation
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.classList.contains('select-cite__link')")
    href = panel.locator(".select-cite__link").get_attribute("href")
    assert "/annex/#annex-p5:~:text=" in href
    assert len(matches(tab.locator(".md-container").inner_text(), href.partition(":~:text=")[2])) == 1
    tab.keyboard.press("Escape")
    assert panel.is_hidden()
    assert tab.evaluate("document.activeElement.closest('.unit') && document.activeElement.closest('.unit').id") == (
        "annex-p5"
    )
    assert tab.evaluate("window.__shifts") == []
    assert not tab.console_errors and not tab.foreign_requests


@pytest.mark.parametrize("lang", list(LANGS))
def test_a_selection_outside_the_text_shows_nothing(tab, server, lang):
    tab.goto(f"{server}{lang}/plan/16-4-2/")
    for selector in ("article h1", "#cite-text", ".around__title", ".pager .next a", ".md-footer .edition-line"):
        if not tab.locator(selector).first.is_visible():
            continue  # the right-hand column on a phone, the box after the text on a desktop
        tab.locator(selector).first.scroll_into_view_if_needed()
        tab.evaluate(
            """selector => {
              const el = document.querySelector(selector);
              getSelection().removeAllRanges();
              const range = document.createRange();
              range.selectNodeContents(el);
              getSelection().addRange(range);
            }""",
            selector,
        )
        tab.evaluate("() => new Promise(requestAnimationFrame)")
        tab.evaluate("() => new Promise(requestAnimationFrame)")
        assert tab.locator(".select-cite__button").is_hidden(), selector
        tab.keyboard.press("c")
        assert tab.locator(".select-cite__panel").is_hidden(), selector
    assert not tab.console_errors


@pytest.mark.parametrize("lang", list(LANGS))
def test_a_letter_s_numbers_are_shown_but_not_copied(tab, server, lang):
    tab.goto(f"{server}{lang}/annex/")
    paragraph = tab.locator("#annex-p5")
    shown = paragraph.evaluate("p => getComputedStyle(p, '::before').content")
    assert shown == '"[" attr(data-ed-num) "]"' or shown == '"[5]"', shown
    box = paragraph.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= tab.viewport_size["width"]
    tab.evaluate(
        """() => { const range = document.createRange(); range.selectNodeContents(document.querySelector('#annex-p5'));
        getSelection().removeAllRanges(); getSelection().addRange(range); }"""
    )
    copied = tab.evaluate("getSelection().toString()")
    assert "[5]" not in copied and not copied.strip()[0].isdigit()
    assert "[5]" not in paragraph.inner_text()
