"""Checks on the built HTML: URLs, languages, alignment, and the French words as published."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from edition.checks.fidelity import first_difference, original_tokens, tokens

from tests.conftest import SOURCE
from tests.helpers import document_text, page_urls, soup

FROZEN = SOURCE / "urls.txt"


def frozen_urls() -> list[str]:
    lines = FROZEN.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_published_urls_never_change(site: Path):
    built, frozen = set(page_urls(site)), set(frozen_urls())
    assert not frozen - built, f"published URLs gone: {sorted(frozen - built)}"
    assert not built - frozen, f"new URLs: add them to source/urls.txt: {sorted(built - frozen)}"


def test_every_page_exists_in_both_languages(site: Path):
    urls = page_urls(site)
    french = {u for u in urls if not u.startswith("/en/")}
    english = {u.removeprefix("/en") for u in urls if u.startswith("/en/")}
    assert french == english
    assert (
        "/plan/16-3-2/" in french and len(french) == 59 + 59 + 2 + 55 + 56
    )  # pages, entities, indexes, pinpoints, parallel


def test_html_lang_is_right_on_every_page(site: Path):
    for url in page_urls(site):
        expected = "en" if url.startswith("/en/") else "fr"
        assert soup(site, url).html["lang"] == expected, url


def test_provision_page_shows_number_heading_text_crumbs_and_pager(site: Path):
    page = soup(site, "/plan/16-3-2/")
    h1 = page.select_one("article h1")
    assert h1["id"] == "p-16-3-2" and "16.3.2" in h1.text and "Dimension économique." in h1.text
    crumbs = [a.text for a in page.select("nav.crumbs a")]
    assert crumbs[-3:] == [
        "Plan d'action",
        "Paragraphe 16",
        "Section 16.3 — Entraver le soutien apporté aux groupes terroristes",
    ]
    pager = {a["rel"][0]: a["href"] for a in page.select("nav.pager a")}
    assert pager == {"prev": "../16-3-1/", "next": "../16-3-3/"}
    english = soup(site, "/en/plan/16-3-2/")
    assert "Economic dimension" in english.select_one("article h1").text
    assert english.select_one(".translation-note a[href='https://undocs.org/en/S/2003/85']")


def test_pager_follows_document_order(site: Path):
    assert soup(site, "/plan/2/").select_one("nav.pager a[rel=next]")["href"] == "../3/"
    assert soup(site, "/plan/16-1-5/").select_one("nav.pager a[rel=next]")["href"] == "../16-2/"
    assert soup(site, "/plan/16-5-3/").select_one("nav.pager a[rel=next]")["href"] == "../17/"


def anchors(site: Path, url: str) -> list[str]:
    return [tag["id"] for tag in soup(site, url).select("article [id]") if re.match(r"(p|letter|annex)-", tag["id"])]


def test_anchors_are_the_same_in_both_languages(site: Path):
    for url in ["/full-text/", "/annex/", "/letter/", "/plan/9/", "/plan/16-4-2/"]:
        french = anchors(site, url)
        assert french and french == anchors(site, "/en" + url), url
    assert "p-16-4-2-i9" in anchors(site, "/full-text/") and "annex-i8" in anchors(site, "/annex/")


def test_full_text_publishes_the_original_words_in_order(site: Path):
    article = soup(site, "/full-text/").select_one("article")
    published = tokens(document_text(article))
    original = original_tokens((SOURCE / "S-2003-85.fr.original.md").read_text(encoding="utf-8"))
    assert first_difference(original, published) is None


def test_each_provision_page_text_is_a_passage_of_the_original(site: Path):
    original = " ".join(original_tokens((SOURCE / "S-2003-85.fr.original.md").read_text(encoding="utf-8")))
    for url in page_urls(site):
        if not re.fullmatch(r"/plan/\d[\d-]*/", url):
            continue
        for unit in soup(site, url).select(".provision-text .unit"):
            passage = " ".join(tokens(document_text(unit)))
            assert passage in original, (url, unit.get("id"))


def test_pages_declare_their_other_language_in_the_sitemap(site: Path):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert re.search(r'<loc>[^<]*/plan/16-3-2/</loc>.*?hreflang="en" href="[^"]*/en/plan/16-3-2/"', sitemap, re.S)


def test_no_page_loads_anything_from_another_host(site: Path):
    # Only links that name a resource without loading it may point elsewhere.
    pattern = re.compile(r'<(?:script|link|img|iframe|source|video|audio)[^>]+(?:src|href)="(https?:)?//', re.I)
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for match in pattern.finditer(html):
            tag = html[match.start() : html.index(">", match.start()) + 1]
            assert re.search(r'rel="(canonical|schema\.DC)"', tag), (path, tag)


@pytest.mark.slow  # a second build (it runs beside the other tests: tests/conftest.py, site)
def test_mkdocs_and_properdocs_build_the_same_site_byte_for_byte(site: Path, second_build: Path):
    """The second build is ProperDocs' (the maintained fork of MkDocs 1.x): the engine can be
    swapped, and two independent builds agreeing byte for byte also shows the build is reproducible."""
    first = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(second_build).as_posix(): p.read_bytes() for p in second_build.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


@pytest.mark.publish
def test_text_files_are_precompressed(site: Path):
    import gzip

    for name in ["plan/16-3-2/index.html", "en/search/documents.json", "assets/edition.css"]:
        assert gzip.decompress((site / f"{name}.gz").read_bytes()) == (site / name).read_bytes()


def test_search_documents_hold_every_provision_and_entity_page(site: Path):
    import json

    for prefix in ("", "en/"):
        docs = json.loads((site / prefix / "search" / "documents.json").read_text(encoding="utf-8"))
        pages = {doc["location"] for doc in docs if "#" not in doc["location"]}
        urls = [u.removeprefix("/en") if prefix else u for u in page_urls(site) if u.startswith("/en/") == bool(prefix)]
        wanted = {u.lstrip("/") for u in urls if re.match(r"/(plan|entities)/", u)}
        assert len(wanted) == 47 + 5 + 1 + 59 + 1 and wanted <= pages, sorted(wanted - pages)
        assert not any(loc.startswith("en/") for loc in pages) and "full-text/" not in pages


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/",
            "Lettre du Secrétaire général\u00a0: français\u00a0; Lettre du Secrétaire général de l'OTAN\u00a0: "
            "anglais\u00a0; Plan d'action\u00a0: anglais et français",
        ),
        (
            "/en/",
            "Letter from the Secretary-General: French; Letter from the NATO Secretary General: English; "
            "Action Plan: English and French",
        ),
    ],
)
def test_home_page_says_which_part_each_original_language_applies_to(site: Path, url: str, expected: str):
    rows = soup(site, url).select("table.identity tr")
    assert rows[-1].td.get_text() == expected


def test_french_official_note_says_what_its_links_are(site: Path):
    note = soup(site, "/plan/16-3-2/").select_one(".official-note")
    assert note.get_text().endswith("Versions officielles\u00a0: S/2003/85 (ONU)\u00a0; texte publié par l'OTAN."), (
        note.get_text()
    )
    assert [a.get_text() for a in note.select("a")] == ["S/2003/85", "texte publié par l'OTAN"]


@pytest.mark.parametrize(
    ("url", "first_words"), [("/plan/2/", "1. Le 12 septembre"), ("/en/plan/2/", "1. On 12 September")]
)
def test_part_box_shows_untitled_paragraphs_by_number_and_first_words(site: Path, url: str, first_words: str):
    links = soup(site, url).select(".part-box__list a")
    first = links[0].get_text()
    assert first.startswith(first_words) and first.endswith("…") and len(first.split()) <= 9, first
    assert all(len(a.get_text().split()) > 1 for a in links)


def test_the_one_404_page_is_french_and_english(site: Path):
    """A static host answers every missing address, French or English, with the root's 404.html."""
    page = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "lxml")
    assert page.html["lang"] == "fr"
    assert page.h1.get_text() == "Page introuvable"
    english = page.find("div", lang="en")
    assert english is not None and english.h2.get_text() == "Page not found"
    assert [a["href"] for a in english.find_all("a")] == ["/en/", "/en/full-text/"]
    assert not (site / "en" / "404.html").exists()


def test_about_lists_every_output_the_registry_declares(site: Path):
    """About loops over the registry (site/outputs.py): one row per declared file output."""
    from edition.site.outputs import AFTER_BUILD, FILES

    for about in (site / "about" / "index.html", site / "en" / "about" / "index.html"):
        rows = BeautifulSoup(about.read_text(encoding="utf-8"), "html.parser").select("table.outputs tbody tr")
        assert len(rows) == len(FILES) + len(AFTER_BUILD), about


def test_a_hand_written_page_naming_an_unknown_output_stops_at_its_line():
    from edition.site.assemble import with_listings
    from edition.sources.parse import SourceError

    data = b"# How to cite\n\ntext\n<!-- output: nothing-such -->\n"
    with pytest.raises(SourceError, match=r"docs/cite\.en\.md:4: hand-written page: no output named 'nothing-such'"):
        with_listings(data, "cite.en.md", edition=None)  # type: ignore[arg-type]
