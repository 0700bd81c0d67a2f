"""Cross-links: mentions, acronyms, entity pages and glossary (pure checks, then the built HTML)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from edition.enrich.mentions import EnrichError, Linker, check_text, find_mentions, pieces
from edition.sources.parse import SourceError
from edition.sources.register import parse_register

from tests.conftest import SOURCE
from tests.helpers import IDENTITY, page_urls, soup, walked

FR = (SOURCE / "S-2003-85.fr.md").read_text(encoding="utf-8")
REGISTER = (SOURCE / "register.yml").read_text(encoding="utf-8")
LABELS = {"letter": "Lettre", "annex": "Annexe", "plan": "Plan", "paragraph": "Paragraphe", "section": "Section",
          "indent": "alinéa", "decision": "décision"}  # fmt: skip

TINY = """
entities:
  - id: ctc
    kind: un-body
    name: {fr: Comité contre le terrorisme, en: Counter-Terrorism Committee}
    forms: {fr: [Comité contre le terrorisme du Conseil de sécurité], en: [Counter-Terrorism Committee]}
    description: {fr: Un comité., en: A committee.}
    source: "S/RES/1373 (2001): https://undocs.org/en/S/RES/1373(2001)"
  - id: sc
    kind: un-body
    name: {fr: Conseil de sécurité, en: Security Council}
    forms: {fr: [Conseil de sécurité], en: [Security Council]}
    description: {fr: Un conseil., en: A council.}
    source: "S/RES/1373 (2001): https://undocs.org/en/S/RES/1373(2001)"
  - id: pfp
    kind: programme
    name: {fr: Partenariat pour la paix, en: Partnership for Peace}
    acronym: {fr: PPP, en: PfP}
    forms: {fr: [PPP], en: [PfP]}
    description: {fr: Un programme., en: A programme.}
    source: "S/RES/1373 (2001): https://undocs.org/en/S/RES/1373(2001)"
"""


def tiny_linker(lang: str = "fr") -> Linker:
    return Linker(parse_register(TINY, "register.yml"), lang)


def test_longest_form_wins():
    html = tiny_linker().enrich(
        "le Comité contre le terrorisme du Conseil de sécurité et le Conseil de sécurité", "plan/1/"
    )
    assert html.count("<a ") == 2
    assert (
        '<a class="mention" href="../../entities/ctc/">Comité contre le terrorisme du Conseil de sécurité</a>' in html
    )
    assert html.endswith('<a class="mention" href="../../entities/sc/">Conseil de sécurité</a>')


def test_words_are_never_cut():
    html = tiny_linker().enrich("PPPX, XPPP et CPEA/PPP", "plan/1/")
    assert html.count("<abbr") == 1 and html.endswith(
        'CPEA/<a class="mention" href="../../entities/pfp/"><abbr title="Partenariat pour la paix">PPP</abbr></a>'
    )


def test_headings_get_abbreviations_but_no_links():
    html = tiny_linker().enrich("Fonds du PPP", "plan/1/", heading=True)
    assert html == 'Fonds du <abbr title="Partenariat pour la paix">PPP</abbr>'


def test_shared_acronym_is_marked_as_english_on_french_pages():
    register = parse_register(REGISTER, "register.yml")
    html = Linker(register, "fr").enrich("le SCEPC", "plan/1/", heading=True)
    assert '<span lang="en">SCEPC</span>' in html
    expansion = "Haut Comité pour l&#39;étude des plans d&#39;urgence dans le domaine civil"
    assert html == f'le <abbr title="{expansion}"><span lang="en">SCEPC</span></abbr>'


def test_unknown_acronym_stops_with_token_and_provision():
    bad = FR.replace("Unité de liaison pour le renseignement (ILU)", "Unité de liaison pour le renseignement (ULR)")
    text = walked(bad, "source/S-2003-85.fr.md")
    linker = Linker(parse_register(REGISTER, "source/register.yml"), "fr")
    with pytest.raises(EnrichError) as error:
        check_text(linker, text.path, pieces(text, IDENTITY, LABELS), "source/register.yml")
    assert re.search(
        r"source/S-2003-85.fr.md:\d+: provision 16\.1\.2: acronym 'ULR' has no glossary entry", str(error.value)
    )
    assert "form 'ILU' matches nowhere" in str(error.value)  # the same change makes a register form stale


def test_stale_form_is_reported():
    register = REGISTER.replace("fr: [Conseil OTAN-Russie]", "fr: [Conseil OTAN-Russie, Conseil Russie-OTAN]")
    assert register != REGISTER
    text = walked(FR, "source/S-2003-85.fr.md")
    with pytest.raises(EnrichError, match=r"entity nrc: form 'Conseil Russie-OTAN' matches nowhere .*\(stale entry\)"):
        check_text(Linker(parse_register(register, "r.yml"), "fr"), text.path, pieces(text, IDENTITY, LABELS), "r.yml")


def test_entity_without_a_name_in_one_language():
    bad = TINY.replace("name: {fr: Conseil de sécurité, en: Security Council}", "name: {fr: Conseil de sécurité}")
    with pytest.raises(SourceError, match=r"register.yml:\d+:\d+: entity sc: name has no 'en'; add it"):
        parse_register(bad, "register.yml")


def test_mentions_carry_their_sentence():
    register = parse_register(REGISTER, "register.yml")
    found = find_mentions(Linker(register, "fr"), pieces(walked(FR, "S-2003-85.fr.md"), IDENTITY, LABELS))
    sentence = found["eadrcc"][0].sentence
    assert sentence.startswith("renforcement du rôle du <strong>Centre euro-atlantique")


# An independent table, written by reading the texts: entity -> where it is mentioned.
EXPECTED = {
    "eadrcc": ["16.4.2"],
    "scepc": ["16.4.2"],
    "cnad": ["16.1.3", "16.2.6", "16.4.5"],
    "ccms": ["16.1.4"],
    "pmsc": ["16.5.1"],
    "ilu": ["16.1.2"],
    "parp": ["16.2.2"],
    "saceur": ["16.2.5", "16.4.3"],
    "saclant": ["16.2.5"],
    "nac": ["annex-p5", "10", "13", "16.1.1"],
    "res-1373-2001": ["annex-p5", "3", "18"],
    "res-1441-2002": ["annex-p10"],
    "mediterranean-dialogue": ["annex-p7", "15"],
    "ipp": ["12"],
    "ipap": ["12"],
    "economic-committee": ["16.3.2"],
    "science-committee": ["16.4.4"],
    "nadc": ["16.2.3"],
    "snlc": ["16.2.7"],
    "jeremy-greenstock": ["annex-p1", "annex-p5"],
    "reykjavik-meeting": ["16.4.2"],
    "pcc": ["annex-i3"],
}


def mentioned_in(site: Path, url: str) -> list[str]:
    out = []
    for a in soup(site, url).select("ol.mentions a"):
        target = urljoin(f"http://x{url}", a["href"])
        path, anchor = urlsplit(target).path, urlsplit(target).fragment
        number = re.search(r"/plan/(\d[\d-]*)/$", path)
        out.append(number.group(1).replace("-", ".") if number else anchor)
    return list(dict.fromkeys(out))


@pytest.mark.parametrize("lang", ["", "/en"])
def test_mentions_match_the_hand_written_table(site: Path, lang: str):
    for entity, expected in EXPECTED.items():
        assert mentioned_in(site, f"{lang}/entities/{entity}/") == expected, entity


@pytest.mark.parametrize(
    ("url", "entity", "acronym", "expansion"),
    [
        (
            "/plan/16-4-2/",
            "eadrcc",
            "EADRCC",
            "Centre euro-atlantique de coordination des réactions en cas de catastrophe",
        ),
        ("/en/plan/16-4-2/", "eadrcc", "EADRCC", "Euro-Atlantic Disaster Response Coordination Centre"),
        ("/plan/16-1-3/", "cnad", "CDNA", "Conférence des Directeurs nationaux des armements"),
        ("/en/plan/16-1-3/", "cnad", "CNAD", "Conference of National Armaments Directors"),
        ("/plan/7/", "wmd", "ADM", "armes de destruction massive"),
        ("/en/plan/7/", "wmd", "WMD", "weapons of mass destruction"),
    ],
)
def test_provision_pages_link_mentions_and_explain_acronyms(site: Path, url, entity, acronym, expansion):
    page = soup(site, url)
    assert page.select_one(f'article a.mention[href$="entities/{entity}/"]'), (url, entity)
    abbrs = [a for a in page.select("article abbr") if a.get_text() == acronym]
    assert abbrs and abbrs[0]["title"] == expansion


def test_no_link_inside_headings(site: Path):
    for url in ["/plan/16-5-1/", "/en/plan/16-5-1/", "/full-text/", "/annex/"]:
        assert not soup(site, url).select("article h1 a.mention, article h2 a.mention, article h4 a.mention")


def test_glossary_lists_acronyms_with_counterparts(site: Path):
    rows = {
        tr.select("td")[0].get_text(): [td.get_text() for td in tr.select("td")]
        for tr in soup(site, "/glossary/").select("table.glossary tbody tr")
    }
    for acronym in ["ADM", "CPEA", "PPP", "IPP", "IPAP", "ILU", "CDNA", "CDSM", "PARP", "SACEUR", "SACLANT",
                    "SCEPC", "EADRCC", "PMSC", "CBRN", "OTAN", "ONU"]:  # fmt: skip
        assert acronym in rows, acronym
    assert rows["CPEA"][2] == "EAPC" and rows["ADM"][2] == "WMD" and rows["CDNA"][2] == "CNAD"
    english = {
        tr.select("td")[0].get_text(): tr for tr in soup(site, "/en/glossary/").select("table.glossary tbody tr")
    }
    for acronym in ["WMD", "EAPC", "PfP", "CNAD", "CCMS", "NATO", "UN"]:
        assert acronym in english, acronym
    assert "16.4.2" in english["EADRCC"].get_text()


def test_entity_index_has_resolutions_with_official_links(site: Path):
    page = soup(site, "/entities/")
    section = page.select_one("#kind-resolution").find_next("ul")
    assert section.select_one('a[href="https://undocs.org/fr/S/RES/1373(2001)"]')
    assert soup(site, "/en/entities/").select_one('a[href="https://undocs.org/en/S/RES/1441(2002)"]')


def test_no_internal_link_points_to_a_missing_page_or_anchor(site: Path):
    ids: dict[str, set[str]] = {}
    links: dict[str, list[str]] = {}
    for url in page_urls(site):  # each page read once: its ids, and its links
        page = soup(site, url)
        ids[url] = {tag["id"] for tag in page.select("[id]")}
        links[url] = [a["href"] for a in page.select("a[href]")]

    broken = []
    for url, hrefs in links.items():
        if url.startswith(("/p/", "/en/p/")):
            continue  # redirect pages: checked in test_cite.py
        for href in hrefs:
            if href.startswith(("http:", "https:", "mailto:")):
                continue
            target = urlsplit(urljoin(f"http://x{url}", href))
            if not target.path.endswith("/"):  # a file: the stylesheet, a download
                exists = (site / target.path.lstrip("/")).exists()
            else:
                anchor = target.fragment
                exists = (site / target.path.lstrip("/") / "index.html").exists() and (
                    not anchor or anchor.startswith("__") or anchor in ids.get(target.path, set())
                )
            if not exists:
                broken.append((url, href))
    assert broken == []


def test_acronyms_are_explained_on_entity_and_glossary_pages_too(site: Path):
    page = soup(site, "/entities/eapc/")
    titles = {a.get_text(): a["title"] for a in page.select("article abbr")}
    assert titles["CPEA"] == "Conseil de partenariat euro-atlantique"
    assert titles["EAPC"] == "Conseil de partenariat euro-atlantique"  # explained in the page's language
    assert page.select_one('article abbr span[lang="en"]').get_text() == "EAPC"
    glossary = soup(site, "/en/glossary/")
    assert glossary.select_one("#acronym-wmd abbr")["title"] == "weapons of mass destruction"
