"""Reading views on the built site: the parallel view, the line before the text, the page around a
provision, the glossary's places and the search documents (what search results show)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from edition.checks.fidelity import first_difference, original_tokens, tokens

from tests.conftest import SOURCE
from tests.helpers import SHAPE, document_text, page_urls, soup

DOCUMENT_PAGES = ["/letter/", "/annex/", "/plan/", "/plan/action-plan/", "/plan/9/", "/plan/16-3/", "/plan/16-4-2/"]


def single_pages(site: Path) -> list[str]:
    """Every page of the document (letters, Plan, parts, provisions, full text), French."""
    return [u for u in page_urls(site) if re.fullmatch(r"/(letter|annex|full-text|plan(/[\w-]+)?)/", u)]


# ---------------------------------------------------------------- parallel view


def test_every_document_page_has_a_parallel_view_in_both_languages(site: Path):
    pages = single_pages(site)
    assert len(pages) == 3 + 5 + 47 + 1
    built = set(page_urls(site))
    for url in pages:
        assert "/parallel" + url in built and "/en/parallel" + url in built, url


def unit_anchors(page) -> list[str]:
    return [
        tag["id"]
        for tag in page.select("article [id]")
        if re.match(r"(p|letter|annex|plan|part)-|(letter|annex|plan)$", tag["id"])
    ]


def test_parallel_view_aligns_units_with_the_anchors_of_the_single_pages(site: Path):
    for url in DOCUMENT_PAGES + ["/full-text/"]:
        single = set(unit_anchors(soup(site, url)))
        for prefix in ("", "/en"):
            page = soup(site, f"{prefix}/parallel{url}")
            rows = page.select("article .parallel-row[id]")
            assert rows, url
            for row in rows:
                cells = row.select(":scope > .parallel-cell")
                assert [cell["lang"] for cell in cells] == ["fr", "en"], (url, row["id"])
                assert all(document_text(cell).strip() for cell in cells), (url, row["id"])
            anchors = {row["id"] for row in rows} | set(unit_anchors(page))
            assert single <= anchors, (url, sorted(single - anchors))


def test_parallel_columns_say_which_text_is_official(site: Path):
    head = soup(site, "/parallel/plan/16-3-2/").select_one(".parallel-head").get_text(" ")
    assert "texte officiel" in head and "traduction de l'édition" in head
    head = soup(site, "/en/parallel/plan/16-3-2/").select_one(".parallel-head").get_text(" ")
    assert "official text" in head and "translation" in head


def test_parallel_full_text_french_column_is_the_original_word_for_word(site: Path):
    page = soup(site, "/parallel/full-text/")
    french = " ".join(document_text(cell) for cell in page.select("article .parallel-cell[lang=fr]"))
    original = original_tokens((SOURCE / "S-2003-85.fr.original.md").read_text(encoding="utf-8"))
    masthead = tokens(document_text(soup(site, "/full-text/").select_one(".masthead")))
    assert first_difference(original, masthead + tokens(french)) is None


def test_one_click_to_the_parallel_view_and_back(site: Path):
    for prefix in ("", "/en"):
        for url in DOCUMENT_PAGES + ["/full-text/"]:
            page = soup(site, prefix + url)
            href = page.select_one("article .view-line a.view-switch")["href"]
            depth = url.count("/") - 1
            assert href == "../" * depth + "parallel" + url, (prefix, url, href)
            back = soup(site, f"{prefix}/parallel{url}").select_one("article .view-line a.view-switch")["href"]
            assert back == "../" * (depth + 1) + url.lstrip("/"), (prefix, url, back)
        home = soup(site, prefix + "/").select_one("article .view-line a.view-switch")["href"]
        assert home == "parallel/full-text/"


def test_parallel_pages_are_in_the_sitemap_and_not_in_search(site: Path):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert re.search(r"<loc>[^<]*/parallel/plan/16-3-2/</loc>", sitemap)
    assert re.search(r'hreflang="en" href="[^"]*/en/parallel/plan/16-3-2/"', sitemap)
    for prefix in ("", "en/"):
        docs = json.loads((site / prefix / "search" / "documents.json").read_text(encoding="utf-8"))
        assert not [d["location"] for d in docs if d["location"].startswith("parallel/")]


@pytest.mark.parametrize(("prefix", "last_head"), [("", "Employé dans"), ("en/", "Used in")])
def test_glossary_search_text_keeps_its_header_apart_from_its_first_cell(site: Path, prefix: str, last_head: str):
    docs = json.loads((site / prefix / "search" / "documents.json").read_text(encoding="utf-8"))
    text = next(d["text"] for d in docs if d["location"] == "glossary/")
    assert re.search(rf"{last_head} [A-Z]", text), text[:120]


# ---------------------------------------------------------------- the line before the text


def test_english_pages_say_they_are_a_translation_before_the_text(site: Path):
    for url in ["/en/plan/16-3-2/", "/en/letter/", "/en/annex/", "/en/plan/9/", "/en/full-text/"]:
        html = (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
        label = html.index('class="ed view-line translation-label"')
        first_unit = html.index('class="unit"')
        assert label < first_unit, url
        assert "not an official text" in soup(site, url).select_one(".translation-label").get_text()
    assert soup(site, "/plan/16-3-2/").select_one(".view-line.official-label")


def test_english_entity_pages_say_the_quoted_passages_are_a_translation_before_them(site: Path):
    entities = [u for u in page_urls(site) if re.fullmatch(r"/en/entities/[\w-]+/", u)]
    assert "/en/entities/eapc/" in entities
    for url in entities:
        html = (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
        if 'class="sentence"' not in html:
            continue
        assert html.index('class="ed quote-label translation-label"') < html.index('class="sentence"'), url
    label = soup(site, "/en/entities/eapc/").select_one(".quote-label").get_text()
    assert label == soup(site, "/en/plan/16-3-2/").select_one(".view-line strong").get_text()
    assert not soup(site, "/entities/eapc/").select_one(".quote-label")


# ---------------------------------------------------------------- glossary


def test_glossary_places_are_grouped_and_listed_once(site: Path):
    for prefix, acronym, plan, letter in (
        ("", "OTAN", "Plan d'action", "Lettre de l'OTAN"),
        ("/en", "NATO", "Action Plan", "NATO letter"),
    ):
        page = soup(site, f"{prefix}/glossary/")
        row = page.select_one(f"#acronym-{acronym.lower()}")
        where = row.select("td")[3]
        labels = [label.get_text() for label in where.select(".place-label")]
        assert [label.rstrip(" :\u00a0") for label in labels] == [letter, plan], labels
        hrefs = [a["href"] for a in where.select("a")]
        assert len(hrefs) == len(set(hrefs)), hrefs
        assert len(where.select(".place-group")) <= 3
    pfp = soup(site, "/en/glossary/").select_one("#acronym-pfp td:nth-of-type(4)").get_text(" ")
    assert pfp.count("16.5.2") == 1 and "Action Plan" in pfp


# ---------------------------------------------------------------- search documents


def search_docs(site: Path, prefix: str) -> list[dict]:
    return json.loads((site / prefix / "search" / "documents.json").read_text(encoding="utf-8"))


def test_search_documents_hold_no_page_chrome(site: Path):
    chrome = {
        "": ["BibTeX", "Suivant", "Précédent", "Document S/2003/85", "Citer ce passage", "texte officiel du document"],
        "en/": ["BibTeX", "Next", "Previous", "Document S/2003/85", "Cite this passage", "translation prepared"],
    }
    for prefix, words in chrome.items():
        for doc in search_docs(site, prefix):
            if doc["location"].startswith(("cite/", "about/")):
                continue  # the hand-written pages talk about citing
            for word in words:
                assert word not in doc["text"], (prefix, doc["location"], word)


def test_a_provision_page_search_document_starts_with_its_text(site: Path):
    docs = {doc["location"]: doc for doc in search_docs(site, "")}
    first = docs["plan/16-3-1/"]
    assert first["title"].startswith("Paragraphe 16.3.1") and first["text"].startswith(
        "<p>Les Etats du CPEA renforceront"
    )
    section = docs["plan/16-3/"]
    assert "16.3.1" not in section["text"]  # a page that only lists provisions does not hold their words
    for doc in docs.values():
        if doc["location"].startswith(("cite/", "about/")):
            continue  # hand-written: "BibTeX"
        assert not re.search(r"[a-zé][A-Z][a-z]", re.sub(r"<[^>]+>", " ", doc["text"]).replace("PfP", "")), doc


# ---------------------------------------------------------------- the page around a provision


def test_provision_pages_show_what_they_mention_and_related_provisions(site: Path):
    for prefix in ("", "/en"):
        page = soup(site, f"{prefix}/plan/16-1-3/")
        side = page.select_one(".md-sidebar--secondary aside.around--sidebar")
        inline = page.select_one("article aside.around--inline")
        assert side and inline and side.get_text() == inline.get_text()
        assert "data-search-exclude" in inline.attrs
        entities = [a["href"] for a in inline.select(".around__entities a")]
        assert "../../entities/cnad/" in entities
        related = [a["href"] for a in inline.select(".around__related a")]
        # both name the CNAD and equipment (the section 16.1, on information sharing, comes first)
        assert related[:3] == ["../16-1/", "../16-2-6/", "../16-4-5/"], related
        assert 2 <= len(related) <= 5
    for url in [u for u in page_urls(site) if re.fullmatch(r"/plan/\d[\d-]*/", u)]:
        page = soup(site, url)
        for a in page.select("article aside.around a"):
            assert (site / url.strip("/") / a["href"] / "index.html").resolve().exists(), (url, a["href"])


@pytest.mark.parametrize(
    ("url", "first"),
    [
        ("/plan/16-3-2/", "aussi sur\u00a0: sources de financement"),
        ("/en/plan/16-3-2/", "also on: sources of financing"),
        ("/plan/16-1-3/", "cite aussi\u00a0: CDNA"),
        ("/en/plan/16-1-3/", "also cites: CNAD"),
    ],
)
def test_related_provisions_say_what_they_share(site: Path, url: str, first: str):
    """Each related provision says why, in the page's language: the subject terms both use, the
    entities both name, or where it stands."""
    items = soup(site, url).select("article aside.around--inline .around__related li")
    assert 2 <= len(items) <= 5
    vias = [[via.get_text() for via in item.select(".around__via")] for item in items]
    assert all(vias), vias
    assert any(first in via for via in vias[0] + vias[1]), vias


def test_provision_pages_list_the_same_related_provisions_in_both_languages(site: Path):
    for url in [u for u in page_urls(site) if re.fullmatch(r"/plan/\d[\d-]*/", u)]:
        french = [a["href"] for a in soup(site, url).select("article aside.around--inline .around__related li > a")]
        english = [
            a["href"] for a in soup(site, "/en" + url).select("article aside.around--inline .around__related li > a")
        ]
        assert 2 <= len(french) <= 5 and french == english, (url, french, english)


# ---------------------------------------------------------------- print

PRINTED = [
    ("/plan/16-3-2/", "16.3.2", "S/2003/85, annexe, pièce jointe, par. 16.3.2", "Précédent"),
    ("/en/plan/16-3-2/", "16.3.2", "S/2003/85, annex, enclosure, para. 16.3.2", "Previous"),
    ("/annex/", "Annexe", "S/2003/85, annexe (24 janvier 2003)", "Fil d'Ariane"),
    ("/parallel/plan/16-3-2/", "16.3.2", "S/2003/85, annexe, pièce jointe, par. 16.3.2", "Texte français seul"),
    ("/en/parallel/plan/9/", "9.", "S/2003/85, annex, enclosure, para. 9 (24 January 2003)", "English text only"),
]  # fmt: skip


@pytest.mark.browser
@pytest.mark.parametrize(("url", "number", "citation", "chrome"), PRINTED)
def test_printing_a_page_gives_text_number_and_citation_without_navigation(
    page, server, tmp_path, url, number, citation, chrome
):
    from pypdf import PdfReader

    page.goto(f"{server}{url}")
    page.wait_for_load_state("networkidle")
    pdf = tmp_path / "printed.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert number in text and citation in text, text[:300]
    heading = page.locator("article h1").inner_text().split()[0]
    assert heading in text
    for navigation in (
        chrome,
        "Rechercher",
        "Search",
        "Dans cette partie",
        "In this part",
        "BibTeX",
        "Autour",
        "Around",
    ):
        assert navigation not in text, navigation


# ---------------------------------------------------------------- on a phone and on a wide screen


@pytest.mark.browser
@pytest.mark.parametrize("url", ["/plan/16-3-2/", "/en/plan/16-4-2/", "/en/parallel/plan/16-1-3/", "/annex/"])
def test_breadcrumbs_fit_two_lines_on_a_phone(browser, server, url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{server}{url}")
        crumbs = page.locator("article nav.crumbs")
        line = float(crumbs.evaluate("e => parseFloat(getComputedStyle(e.querySelector('li:last-child')).lineHeight)"))
        assert crumbs.bounding_box()["height"] <= 2 * line + 2
        assert page.locator("article nav.crumbs li:last-child a").is_visible()  # the way up stays
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing overflows sideways
    finally:
        context.close()


@pytest.mark.browser
def test_box_around_the_provision_is_in_the_right_column_wide_and_after_the_text_narrow(browser, server):
    for width, visible, hidden in ((1440, ".md-sidebar--secondary .around", "article .around"),
                                   (390, "article .around", ".md-sidebar--secondary .around")):  # fmt: skip
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        try:
            page.goto(f"{server}/en/plan/16-1-3/")
            assert page.locator(visible).is_visible(), width
            assert not page.locator(hidden).is_visible(), width
            if width == 1440:  # beside the text, to its right
                box, text = page.locator(visible).bounding_box(), page.locator("article").bounding_box()
                assert box["x"] >= text["x"] + text["width"]
        finally:
            context.close()


@pytest.mark.browser
def test_parallel_columns_side_by_side_wide_and_stacked_narrow(browser, server):
    for width, side_by_side in ((1440, True), (390, False)):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        try:
            page.goto(f"{server}/parallel/plan/16-4-2/#p-16-4-2-i3")
            french = page.locator("#p-16-4-2-i3 .parallel-cell[lang=fr]").bounding_box()
            english = page.locator("#p-16-4-2-i3 .parallel-cell[lang=en]").bounding_box()
            if side_by_side:
                assert english["x"] > french["x"] + french["width"] - 1 and abs(english["y"] - french["y"]) < 2
            else:
                assert english["y"] >= french["y"] + french["height"] - 1
            assert page.evaluate("document.documentElement.scrollWidth") <= width
        finally:
            context.close()


@pytest.mark.browser
def test_language_switch_on_a_parallel_page_lands_on_the_same_view(page, server):
    import re as regex

    page.goto(f"{server}/parallel/plan/16-3-2/")
    page.locator(".md-header .md-select").first.hover()
    page.locator(".md-select__link[hreflang=en]").click()
    page.wait_for_url(regex.compile(r"/en/parallel/plan/16-3-2/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".parallel-cell[lang=fr]").first.is_visible()
    page.locator("article .view-line a.view-switch").click()  # and back to the single text
    page.wait_for_url(regex.compile(r"/en/plan/16-3-2/$"))
    assert not page.console_errors and not page.foreign_requests


def test_search_text_first_merges_the_empty_preface_with_the_heading_only():
    from edition.engine.search_index import text_first

    docs = [
        {"location": "plan/9/", "title": "Paragraphe 9", "text": ""},  # the breadcrumbs, excluded
        {"location": "plan/9/#p-9", "title": "Paragraphe 9.", "text": "<p>Les objectifs</p>"},
        {"location": "annex/", "title": "Lettre du Secrétaire général de l'OTAN", "text": "<p>Annexe</p>"},
        {"location": "annex/#annex", "title": "Lettre datée du 6 décembre 2002", "text": "<p>Compte tenu</p>"},
        {"location": "cite/", "title": "Comment citer", "text": ""},  # a hand-written page: h1, then h2
        {"location": "cite/#adresses", "title": "Adresses permanentes", "text": "<p>Chaque partie</p>"},
        {"location": "entities/x/#entity", "title": "George Robertson", "text": "<p>Personnes</p>"},  # no article
    ]
    assert text_first(docs) == [
        {"location": "plan/9/", "title": "Paragraphe 9.", "text": "<p>Les objectifs</p>"},
        {"location": "annex/", "title": "Lettre datée du 6 décembre 2002", "text": "<p>Annexe</p> <p>Compte tenu</p>"},
        {"location": "cite/", "title": "Comment citer", "text": ""},
        {"location": "cite/#adresses", "title": "Adresses permanentes", "text": "<p>Chaque partie</p>"},
        {"location": "entities/x/", "title": "George Robertson", "text": "<p>Personnes</p>"},
    ]


def test_places_are_grouped_by_letter_and_plan_each_once():
    from edition.enrich.mentions import Piece
    from edition.enrich.places import group_places

    labels = {"used_plan": "Plan", "used_letter": "SG letter", "used_annex": "NATO letter"}
    labels |= {"used_paras": "paras", "used_decisions": "decisions"}
    pieces = [
        Piece("", "annex/", "annex-p2", "", False, 1, "[annex]"),
        Piece("", "annex/", "annex-i1", "", False, 2, "[annex]"),
        Piece("", "annex/", "annex-p3", "", False, 3, "[annex]"),
        Piece("", "plan/16-5-2/", "p-16-5-2", "", True, 4, "provision 16.5.2", "16.5.2"),
        Piece("", "plan/16-5-2/", "p-16-5-2-p1", "", False, 5, "provision 16.5.2", "16.5.2"),
        Piece("", "plan/9/", "p-9-i3", "", False, 6, "provision 9", "9"),
    ]
    groups = group_places(pieces, labels, SHAPE)
    assert [group.label for group in groups] == ["NATO letter", "Plan"]
    annex, plan = groups
    assert [(label, [p.text for p in places]) for label, places in annex.runs] == [
        ("paras", ["2", "3"]),
        ("decisions", ["1"]),
    ]
    assert [(p.text, p.url) for p in plan.runs[0][1]] == [("16.5.2", "plan/16-5-2/"), ("9", "plan/9/")]


@pytest.mark.browser
@pytest.mark.parametrize("url", ["/plan/16-3-2/", "/parallel/plan/16-3-2/", "/en/parallel/plan/9/"])
def test_no_empty_view_line_on_paper(page, server, url):
    """Printed, the view line says which text it is, or is not there: never an empty line."""
    page.goto(f"{server}{url}")
    page.emulate_media(media="print")
    for line in page.locator("article .view-line").all():
        shown = line.evaluate("element => getComputedStyle(element).display") != "none"
        assert not shown or line.inner_text().strip(), f"{url}: an empty view line is printed"
