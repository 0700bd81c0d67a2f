"""Citation: downloads read back by real parsers, <head> metadata by a real extractor,
pinpoint URLs, the JSON export, and the cite box in a browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import extruct
import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from tests.conftest import SITE_URL
from tests.helpers import page_urls, soup

MARK = " [English translation, The S/2003/85 reference edition, version 1.0]"
CASES = [
    ("", "fr", "Plan d'action du partenariat contre le terrorisme",
     "S/2003/85, annexe, pièce jointe, par. 16.3.2", "Conseil de sécurité des Nations Unies"),
    ("/en", "en", "Partnership Action Plan against Terrorism" + MARK,
     "S/2003/85, annex, enclosure, para. 16.3.2", "United Nations Security Council"),
]  # fmt: skip


def download(site: Path, prefix: str, ext: str) -> str:
    return (site / prefix.strip("/") / "plan/16-3-2" / f"s-2003-85-16-3-2.{ext}").read_text(encoding="utf-8")


@pytest.mark.parametrize(("prefix", "lang", "title", "number", "issuer"), CASES)
def test_bibtex_parses_and_describes_the_provision(site: Path, prefix, lang, title, number, issuer):
    library = bibtexparser.parse_string(download(site, prefix, "bib"))
    assert not library.failed_blocks and len(library.entries) == 1
    entry = library.entries[0]
    fields = {f.key: f.value for f in entry.fields}
    assert entry.entry_type == "techreport"
    assert fields["title"] == "{" + title + "}" and fields["number"] == number and fields["year"] == "2003"
    assert fields["author"] == "{" + issuer + "}" and fields["date"] == "2003-01-24"
    assert fields["url"] == f"{SITE_URL}{prefix}/plan/16-3-2/"
    assert "version 1.0" in fields["note"]


@pytest.mark.parametrize(("prefix", "lang", "title", "number", "issuer"), CASES)
def test_csl_json_renders_with_a_csl_processor(site: Path, prefix, lang, title, number, issuer):
    items = json.loads(download(site, prefix, "json"))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    rendered = str(bibliography.bibliography()[0])
    assert f"{issuer} (2003)" in rendered and number in rendered
    assert title in rendered and "S/2003/85" in rendered and f"{SITE_URL}{prefix}/plan/16-3-2/" in rendered


@pytest.mark.parametrize(("prefix", "lang", "title", "number", "issuer"), CASES)
def test_ris_names_the_report_and_its_url(site: Path, prefix, lang, title, number, issuer):
    tags = dict(re.findall(r"^([A-Z][A-Z0-9])  - (.*)$", download(site, prefix, "ris"), re.M))
    assert tags["TY"] == "RPRT" and tags["TI"] == title and tags["SN"] == number and tags["AU"] == issuer
    assert tags["UR"] == f"{SITE_URL}{prefix}/plan/16-3-2/" and tags["LA"] == lang


@pytest.mark.parametrize(("prefix", "lang", "title", "number", "issuer"), CASES)
def test_head_metadata_read_back_by_extruct(site: Path, prefix, lang, title, number, issuer):
    url = f"{SITE_URL}{prefix}/plan/16-3-2/"
    html = (site / prefix.strip("/") / "plan/16-3-2/index.html").read_text(encoding="utf-8")
    data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "dublincore"], uniform=False)
    ld = data["json-ld"][0]
    assert ld["@id"] == url and ld["inLanguage"] == lang and ld["name"] == title
    assert ld["isPartOf"]["identifier"] == "S/2003/85" and ld["reportNumber"] == number
    other = f"{SITE_URL}/en/plan/16-3-2/" if lang == "fr" else f"{SITE_URL}/plan/16-3-2/"
    relation = "workTranslation" if lang == "fr" else "translationOfWork"
    assert ld[relation][0]["url"] == other
    dc = {e["URI"].rsplit("/", 1)[1]: e["content"] for e in data["dublincore"][0]["elements"]}
    assert dc["title"] == title and dc["language"] == lang and dc["date"] == "2003-01-24"
    head = soup(site, f"{prefix}/plan/16-3-2/").head
    hw = {m["name"]: m["content"] for m in head.select('meta[name^="citation_"]')}
    assert hw["citation_technical_report_number"] == number
    assert hw["citation_title"] == title and hw["citation_public_url"] == url
    assert hw["citation_author"] == issuer
    assert hw["citation_publication_date"] == "2003/01/24" and hw["citation_language"] == lang
    assert head.select_one('link[rel="canonical"]')["href"] == url


def test_every_provision_page_has_a_cite_box(site: Path):
    provisions = [u for u in page_urls(site) if re.fullmatch(r"(/en)?/plan/\d[\d-]*/", u)]
    assert len(provisions) == 2 * 47
    for url in provisions:
        box = soup(site, url).select_one("aside.cite-box")
        assert box and box.select_one("#cite-url").get_text().endswith(url), url
        assert len(box.select("a[download]")) == 3 and len(box.select("button[data-clipboard-target]")) == 5


def test_downloads_keep_their_urls_and_save_under_a_name_per_language(site: Path):
    names = {}
    for prefix, lang in (("", "fr"), ("/en", "en")):
        links = soup(site, f"{prefix}/plan/16-3-2/").select("aside.cite-box a[download]")
        assert [a["href"] for a in links] == [f"s-2003-85-16-3-2.{ext}" for ext in ("bib", "ris", "json")]
        names[lang] = [a["download"] for a in links]
        assert names[lang] == [f"s-2003-85-16-3-2.{lang}.{ext}" for ext in ("bib", "ris", "json")]
    assert not set(names["fr"]) & set(names["en"])


def test_french_and_english_citations_end_the_same_way(site: Path):
    french = soup(site, "/plan/16-3-2/").select_one("#cite-text").get_text()
    english = soup(site, "/en/plan/16-3-2/").select_one("#cite-text").get_text()
    assert french.endswith("pièce jointe, par. 16.3.2 (24 janvier 2003)."), french
    assert english.endswith("official.") and not french.endswith("..")
    note = bibtexparser.parse_string(download(site, "", "bib")).entries[0].fields_dict["note"].value
    assert note.startswith("Texte officiel (français). ") and ".." not in note


def test_pinpoint_pages_redirect_to_their_provision(site: Path):
    for prefix in ("", "/en"):
        for key, target in [("16.3.2", "plan/16-3-2/"), ("9", "plan/9/"), ("letter", "letter/"),
                            ("annex", "annex/"), ("preamble", "plan/preamble/")]:  # fmt: skip
            page = soup(site, f"{prefix}/p/{key}/")
            refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
            assert refresh == f"0; url=../../{target}", (prefix, key)
            assert page.select_one('link[rel="canonical"]')["href"] == f"{SITE_URL}{prefix}/{target}"


def test_export_holds_every_provision_in_both_languages(site: Path):
    data = json.loads((site / "data" / "s-2003-85.json").read_text(encoding="utf-8"))
    numbers = [p["number"] for p in data["provisions"]]
    assert len(numbers) == 47 and numbers[0] == "1" and numbers[-1] == "18" and "16.5.3" in numbers
    item = next(p for p in data["provisions"] if p["number"] == "16.4.2")
    assert item["heading"]["en"].startswith("Enhance cooperation") and item["heading"]["fr"].startswith("Renforcer")
    assert len(item["text"]["fr"]) == len(item["text"]["en"]) == 10
    assert item["urls"] == {"fr": f"{SITE_URL}/plan/16-4-2/", "en": f"{SITE_URL}/en/plan/16-4-2/"}
    assert "eadrcc" in item["entities"]["fr"] and "eadrcc" in item["entities"]["en"]
    cite_page = soup(site, "/cite/")
    assert cite_page.select_one('a[href="../data/s-2003-85.json"]')
    assert soup(site, "/en/cite/").select_one('a[href="../../data/s-2003-85.json"]')


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_pinpoint_url_lands_on_the_provision(page, server, prefix):
    page.goto(f"{server}{prefix}/p/16.3.2/")
    page.wait_for_url(re.compile(rf"{prefix}/plan/16-3-2/$"))
    assert "16.3.2" in page.locator("article h1").inner_text()
    assert not page.console_errors and not page.foreign_requests


@pytest.mark.browser
def test_copy_button_copies_the_citation(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(f"{server}/en/plan/16-3-2/")
    tab.locator("aside.cite-box button[data-clipboard-target='#cite-text']").click()
    copied = tab.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied == (
        "United Nations Security Council, Partnership Action Plan against Terrorism, S/2003/85, annex, enclosure, "
        "para. 16.3.2 (24 January 2003). English translation prepared for this edition; the French and the United "
        "Nations' English (S/2003/85) are official."
    )


def test_embedded_metadata_says_what_the_csl_item_says(site: Path):
    """Google Scholar (Highwire), Zotero (Highwire, Dublin Core, JSON-LD) read the same reference as
    the CSL-JSON download: every page's metadata, read by extruct, compared field by field."""
    problems = []
    for bib in sorted(site.rglob("s-2003-85-*.json")):
        if bib.parent.name == "data":
            continue
        folder = bib.parent
        url = f"{SITE_URL}/{folder.relative_to(site).as_posix()}/"
        [item] = json.loads(bib.read_text(encoding="utf-8"))
        html = (folder / "index.html").read_text(encoding="utf-8")
        data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "dublincore"], uniform=False)
        ld = data["json-ld"][0]
        dc = {e["name"]: e["content"] for e in data["dublincore"][0]["elements"]}
        hw = {
            m["name"]: m["content"]
            for m in soup(site, "/" + folder.relative_to(site).as_posix()).select('meta[name^="citation_"]')
        }
        date = "{:04d}-{:02d}-{:02d}".format(*item["issued"]["date-parts"][0])
        expected = {
            "title": (item["title"], ld["name"], dc["DC.title"], hw["citation_title"]),
            "author": (item["author"][0]["literal"], ld["author"]["name"], dc["DC.creator"], hw["citation_author"]),
            "number": (item["number"], ld["reportNumber"], dc["DC.identifier"], hw["citation_technical_report_number"]),
            "issued": (date, ld["datePublished"], dc["DC.date"], hw["citation_publication_date"].replace("/", "-")),
            "language": (item["language"], ld["inLanguage"], dc["DC.language"], hw["citation_language"]),
            "URL": (item["URL"], ld["url"], hw["citation_public_url"]),
        }  # fmt: skip
        if "publisher" in item or "DC.publisher" in dc or "citation_publisher" in hw:  # the issuer is the author
            problems.append(f"{folder.relative_to(site)}: a publisher beside the issuing body")
        for field, values in expected.items():
            if len(set(values)) != 1:
                problems.append(f"{folder.relative_to(site)}: {field}: {values}")
    assert not problems, "\n".join(problems[:20])
