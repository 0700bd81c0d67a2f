"""Pinpoints below the provision and the edition's identity, read from the tests' build (issue 17,
items 3 and 4): the letters' editorial paragraph numbers, outside the text; the data the cite
box's script reads; the short addresses' script; the edition's name, version, licence and
corrections in every footer, on About, on the Versions page and in the PDFs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jinja2
import pytest
from edition.checks.fidelity import reader_text
from edition.pages.edition_pages import long_date
from edition.sources.edition import load_edition

from tests.conftest import SITE_URL, SOURCE
from tests.helpers import PROJECT, page_urls, soup

EDITION = load_edition(SOURCE / "edition.yml", "source/edition.yml")
LETTERS = ["/letter/", "/annex/", "/en/letter/", "/en/annex/"]
ORDINAL_3 = {"fr": "troisième alinéa", "en": "third indent"}


@pytest.mark.parametrize("url", LETTERS)
def test_a_letter_s_paragraphs_carry_their_number_outside_the_text(site: Path, url: str):
    paragraphs = soup(site, url).select("article .letter-text p.unit")
    assert len(paragraphs) >= 2
    for paragraph in paragraphs:
        number = re.fullmatch(r"[a-z]+-p(\d+)", paragraph["id"])[1]
        assert paragraph["data-ed-num"] == number
        text = reader_text(str(paragraph)).strip()  # what the fidelity check reads
        assert f"[{number}]" not in text and not text[0].isdigit(), paragraph["id"]
        assert f"[{number}]" not in paragraph.get_text()  # nowhere in the HTML's text: nothing to copy
    css = (site / "assets" / "edition.css").read_text(encoding="utf-8")
    rule = r"\.letter-text p\.unit\[data-ed-num\]::before \{[^}]*content: \"\[\" attr\(data-ed-num\) \"\]\""
    assert re.search(rule, css)


def test_the_full_text_numbers_the_letters_too_and_keeps_the_words(site: Path):
    page = soup(site, "/full-text/")
    numbered = page.select("article .letter-text p.unit[data-ed-num]")
    assert [p["data-ed-num"] for p in numbered if p["id"].startswith("annex-")] == [str(n) for n in range(1, 13)]


@pytest.mark.parametrize("lang", ["", "/en"])
def test_references_to_a_letter_s_paragraph_reach_the_paragraph_numbered_so(site: Path, lang: str):
    """The glossary and entity pages cite "NATO letter, paragraph 5": paragraph 5 shows [5]."""
    numbers = {
        block: {p["id"]: p["data-ed-num"] for p in soup(site, f"{lang}/{block}/").select("p.unit[data-ed-num]")}
        for block in ("letter", "annex")
    }
    checked = 0
    for url in [u for u in page_urls(site) if u.startswith(f"{lang}/entities/") or u == f"{lang}/glossary/"]:
        for link in soup(site, url).select("article a[href*='#letter-p'], article a[href*='#annex-p']"):
            block, anchor = re.search(r"(letter|annex)/#((?:letter|annex)-p(\d+))$", link["href"]).group(1, 2)
            assert anchor in numbers[block], (url, link["href"])
            label = re.search(r"(\d+)\s*$", link.get_text())
            if label:  # "paragraph 5", "paras 2, 3": the number read is the number shown
                assert label[1] == numbers[block][anchor], (url, link.get_text())
            checked += 1
    assert checked >= 20


def pinpoint_data(site: Path, url: str) -> dict:
    page = soup(site, url)
    scripts = page.select("script#cite-pinpoints")
    assert len(scripts) == 1 and scripts[0]["type"] == "application/json"
    raw = (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
    body = raw.split('<script type="application/json" id="cite-pinpoints">', 1)[1].split("</script>", 1)[0]
    assert "<" not in body  # nothing in it can close the element
    return json.loads(body)


@pytest.mark.parametrize(("prefix", "lang"), [("", "fr"), ("/en", "en")])
def test_each_indent_has_its_citation_and_downloads_in_the_page(site: Path, prefix: str, lang: str):
    data = pinpoint_data(site, f"{prefix}/plan/16-4-2/")
    assert data["lang"] == lang and data["page"]["url"] == f"{SITE_URL}{prefix}/plan/16-4-2/"
    # the indents; the provision's paragraph is cited as the page is
    assert list(data["units"]) == [f"p-16-4-2-i{n}" for n in range(1, 10)]
    third = data["units"]["p-16-4-2-i3"]
    assert third["url"] == f"{SITE_URL}{prefix}/plan/16-4-2/#p-16-4-2-i3"
    assert f"16.4.2, {ORDINAL_3[lang]} (" in third["citation"]  # the model's pinpoint (edition.citations)
    assert third["citation"].replace(f", {ORDINAL_3[lang]}", "") == data["page"]["citation"]
    folder = site / prefix.strip("/") / "plan/16-4-2"
    for name in third["files"].values():
        text = (folder / name).read_text(encoding="utf-8")
        assert ORDINAL_3[lang] in text and "#p-16-4-2-i3" in text, name
    for ident, form in third["forms"].items():  # the legal forms follow the unit too
        assert form != data["page"]["forms"][ident] and "16.4.2" in form, ident
    page = soup(site, f"{prefix}/plan/16-4-2/")
    for anchor in data["units"]:
        assert page.find(id=anchor) is not None


def test_a_unit_s_download_is_its_page_s_reference_narrowed_to_the_unit(site: Path):
    """The CSL-JSON of an indent, a letter's paragraph or a decision says what its page's says
    (and so what the page's embedded metadata says: tests/test_cite.py), but for its address and
    its number, which carries the pinpoint."""
    units = [path for path in site.rglob("s-2003-85-*-[ip][0-9]*.json") if path.parent.name != "data"]
    # in each language: the NATO letter's 12 paragraphs and 8 decisions, the covering letter's 2
    # paragraphs, the Plan's 14 indents
    assert len(units) == 2 * (12 + 8 + 2 + 14)
    for path in units:
        [unit] = json.loads(path.read_text(encoding="utf-8"))
        pages = [json.loads(p.read_text(encoding="utf-8"))[0] for p in path.parent.glob("s-2003-85-*.json")]
        [page] = [item for item in pages if "#" not in item["URL"]]
        anchor = unit["URL"].partition("#")[2]
        assert unit["URL"] == page["URL"] + "#" + anchor
        assert soup(site, "/" + path.parent.relative_to(site).as_posix()).find(id=anchor) is not None
        assert unit["number"].startswith(page["number"] + ", "), path  # the pinpoint, after the page's
        same = {key: value for key, value in unit.items() if key not in ("id", "URL", "number")}
        assert same == {key: value for key, value in page.items() if key not in ("id", "URL", "number")}, path


def test_every_citable_text_page_has_its_pinpoint_data(site: Path):
    for url in page_urls(site):
        if re.search(r"^(/en)?/(plan/\d[\d-]*|letter|annex)/$", url):
            data = pinpoint_data(site, url)
            page = soup(site, url)
            for anchor, cited in data["units"].items():
                assert page.find(id=anchor) is not None and cited["url"].endswith("#" + anchor), (url, anchor)
                for name in cited["files"].values():
                    assert (site / url.strip("/") / name).is_file(), (url, name)


def test_short_addresses_keep_the_fragment_with_a_script_file_before_the_refresh(site: Path):
    pages = [u for u in page_urls(site) if re.match(r"^(/en)?/p/", u)]
    assert len(pages) == 2 * 55
    for url in pages:
        html = (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
        page = soup(site, url)
        scripts = page.find_all("script")
        assert len(scripts) == 1 and scripts[0].get_text() == "", url  # a file: no inline script
        script, refresh = scripts[0], page.find("meta", attrs={"http-equiv": "refresh"})
        assert html.index("<script") < html.index('http-equiv="refresh"'), url  # it runs before the refresh
        assert refresh["content"] == f"0; url={script['data-target']}", url
        assert (site / url.strip("/") / script["src"]).resolve() == (site / "assets/javascripts/pinpoint-redirect.js")
    code = (site / "assets/javascripts/pinpoint-redirect.js").read_text(encoding="utf-8")
    assert "location.replace(document.currentScript.dataset.target + location.hash)" in code


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_s_footer_names_the_edition_and_its_version(site: Path, lang: str):
    prefix = "" if lang == "fr" else "/en"
    urls = [u for u in page_urls(site) if u.startswith("/en/") == (lang == "en") and not re.match(r"^(/en)?/p/", u)]
    for url in urls:
        line = soup(site, url).select_one("footer .md-copyright .edition-line")
        assert line is not None, url
        text = " ".join(line.get_text().split())
        assert EDITION.name[lang] in text and EDITION.version in text and long_date(EDITION.released, lang) in text
        assert EDITION.licence_name in text, url
        links = {a.get_text(): a["href"] for a in line.find_all("a")}
        assert links[EDITION.licence_name] == EDITION.licence_url
        here = site / url.strip("/")
        version_link = (here / links[EDITION.version]).resolve()
        assert version_link == (site / prefix.strip("/") / "versions").resolve(), url
        corrections = links[next(k for k in links if k not in (EDITION.version, EDITION.licence_name))]
        path, _, anchor = corrections.partition("#")
        assert (here / path).resolve() == (site / prefix.strip("/") / "about").resolve() and anchor == "corrections"
    about = soup(site, f"{prefix}/about/")
    assert about.find(id=EDITION.contact_anchor) is not None  # where the footer sends corrections
    identity = about.select_one("table.edition-identity").get_text()
    assert EDITION.publisher[lang] in identity and EDITION.version in identity and EDITION.licence_name in identity


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_versions_page_lists_every_version_and_what_changed(site: Path, lang: str):
    prefix = "" if lang == "fr" else "/en"
    page = soup(site, f"{prefix}/versions/")
    assert page.find("html")["lang"] == lang
    for version in EDITION.versions:
        heading = page.find(id="v" + version.version.replace(".", "-"))
        assert heading is not None and long_date(version.released, lang) in heading.get_text()
        changes = [li.get_text() for li in heading.find_next("ul", class_="version-changes").find_all("li")]
        assert changes == version.changes[lang]


def test_the_footer_template_escapes_every_value():
    """MkDocs renders the theme's templates without autoescape: the partial escapes each value."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(PROJECT / "overrides"), autoescape=False)
    hostile = '<img src=x onerror=alert(1)>"'
    values = dict.fromkeys(
        ("name", "version_label", "version", "released_label", "released", "licence_label", "licence",
         "licence_url", "versions_label", "versions_url", "corrections_label", "corrections_url"), hostile
    )  # fmt: skip
    config = {"copyright": hostile, "theme": {"language": "fr"}, "extra": {"edition": {"fr": {**values, "root": ""}}}}
    html = env.get_template("partials/copyright.html").render(config=config, base_url=".")
    # each value the edition's line shows, and the copyright line
    assert "<img" not in html and 'x"' not in html and html.count("&lt;img") == 11 + 1


@pytest.mark.publish
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_pdfs_carry_the_edition_s_version(site: Path, lang: str):
    from pypdf import PdfReader

    pdf = PdfReader(site / "data" / f"s-2003-85.{lang}.pdf")
    line = f"{EDITION.name[lang]}, version {EDITION.version}"
    assert line in (pdf.metadata.subject or "")
    assert line in " ".join(pdf.pages[-1].extract_text().split())  # after the document, with its address
