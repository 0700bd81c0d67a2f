"""The model is generic: a second, synthetic document of another shape (tests/documents/articles:
one declaration holding two parts of articles with numbered paragraphs, no annex, no enclosure)
goes through the same code as S/2003/85, from its data only (its source folder and identity)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from edition.akn import NAMESPACE, akn_files, text_tokens
from edition.assemble import checked_text
from edition.fidelity import original_tokens
from edition.model import LANGS
from edition.sources import load_sources
from edition.tree import EID, build_tree, check_eids, finder
from lxml import etree

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
    return akn_files(sources.docs, sources.register, linkers, sources.original, datetime.date(2024, 5, 2))


def test_the_shape_is_read_from_the_identity(sources):
    (declaration,) = sources.identity.components
    assert (declaration.block, declaration.akn, declaration.levels) == ("declaration", "main", ("article", "paragraph"))
    doc = sources.docs["fr"]
    assert list(doc.sections) == ["declaration"] and [part.slug for part in doc.parts] == ["general", "final"]
    assert list(doc.provisions) == ["1", "1.1", "1.2", "2", "2.1", "2.2", "3", "3.1", "3.2", "4", "4.1"]


def test_the_tree_has_articles_with_paragraphs_and_no_attachment(sources):
    _text, linkers = checked_text(sources)
    for lang in LANGS:
        tree = build_tree(sources.docs[lang], finder(linkers[lang]))
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
