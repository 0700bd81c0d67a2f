"""Related provisions by subject (hooks/edition/enrich/similarity.py), without MkDocs: the
stemmer, the score's parts on small made-up texts, and, on S/2003/85 itself, expectations
written from reading the French and English texts."""

from __future__ import annotations

from functools import cache

import pytest
from edition.core.langs import LANGS
from edition.enrich.mentions import find_mentions
from edition.enrich.similarity import (
    AT_LEAST,
    RELATED,
    Provision,
    Related,
    Similarity,
    provisions_of,
    related_provisions,
    stem,
)
from edition.site.assemble import checked_text
from edition.site.loading import load_sources

from tests.helpers import PROJECT


@cache
def document() -> tuple[list[Provision], dict[str, tuple[Related, ...]]]:
    sources = load_sources(PROJECT / "source", PROJECT)
    text, linkers = checked_text(sources)
    found = {lang: find_mentions(linkers[lang], text[lang]) for lang in LANGS}
    provisions = provisions_of(sources.walks, found)
    return provisions, related_provisions(provisions, LANGS)


def related_numbers(number: str) -> list[str]:
    return [r.number for r in document()[1][number]]


# ---------------------------------------------------------------- the stemmer


@pytest.mark.parametrize(
    ("words", "lang"),
    [
        (["financement", "financer", "financements"], "fr"),
        (["réglementations", "réglementaires"], "fr"),
        (["nationaux", "national", "nationales"], "fr"),
        (["financing", "finance"], "en"),
        (["regulations", "regulatory"], "en"),
        (["civil", "civilian", "civilians"], "en"),
    ],
)
def test_one_stem_for_the_forms_of_a_word(words, lang):
    from edition.enrich.similarity import fold

    assert len({stem(fold(w), lang) for w in words}) == 1, [stem(fold(w), lang) for w in words]


def test_terrorism_is_not_terrorist():
    """The word every provision uses stays apart from the one that names groups and attacks."""
    assert stem("terrorisme", "fr") != stem("terroristes", "fr")
    assert stem("terrorism", "en") != stem("terrorists", "en")


# ---------------------------------------------------------------- the score's parts, made-up texts


def made_up(number: str, fr: str, en: str, parent: str | None = None, part: str = "p", entities=()) -> Provision:
    return Provision(number, part, parent, {"fr": fr, "en": en}, tuple(entities))


FILLER = [
    made_up(
        str(n),
        f"Les Etats coopèrent contre le terrorisme, point {n}.",
        f"States cooperate against terrorism, item {n}.",
    )
    for n in range(10, 20)
]


def test_shared_rare_words_relate_and_common_ones_do_not():
    provisions = [
        made_up("1", "Le financement du terrorisme.", "Financing of terrorism."),
        made_up(
            "2", "Les sources de financement des groupes terroristes.", "Sources of financing of terrorist groups."
        ),
        made_up("3", "La défense aérienne contre le terrorisme.", "Air defence against terrorism."),
        *FILLER,
    ]
    similarity = Similarity(provisions, LANGS)
    assert similarity.word_score("1", "2") > 0.2
    assert similarity.word_score("1", "3") < 0.01  # "terrorisme", nearly everywhere, tells next to nothing
    assert similarity.word_score("1", "2") == similarity.word_score("2", "1")
    reason = similarity.reason("2", "1")
    assert reason.terms == {"fr": ("financement",), "en": ("financing",)}


def test_one_item_of_a_long_list_relates_to_the_provision_on_it():
    """Paragraph 7 lists a dozen areas: the provision on one of them is close to it."""
    areas = "; ".join(f"domaine numéro {word}" for word in ("alpha", "bêta", "gamma", "delta", "epsilon", "zêta"))
    long_list = made_up("1", f"Domaines : {areas}; contrôle des frontières aériennes.", "Areas.")
    provisions = [long_list, made_up("2", "Contrôle des frontières aériennes.", "Areas."), *FILLER]
    similarity = Similarity(provisions, ("fr",))
    whole = sum(w * similarity.vectors["fr"]["2"].get(t, 0) for t, w in similarity.vectors["fr"]["1"].items())
    assert similarity.word_score("1", "2") > whole


def test_place_and_entities_count():
    provisions = [
        made_up("1", "Alpha.", "Alpha.", part="a"),
        made_up("1.1", "Bêta.", "Beta.", parent="1", part="a"),
        made_up("1.2", "Gamma.", "Gamma.", parent="1", part="a", entities=("x",)),
        made_up("2", "Delta.", "Delta.", part="b", entities=("x",)),
        *FILLER,
    ]
    similarity = Similarity(provisions, LANGS)
    assert similarity.reason("1.1", "1").place == "parent"
    assert similarity.reason("1", "1.1").place == "child"
    assert similarity.reason("1.1", "1.2").place == "sibling"
    assert similarity.reason("1.2", "2").entities == ("x",)
    assert similarity.score("1.1", "1") > similarity.score("1.1", "1.2") > similarity.score("1.1", "2") == 0
    # nothing in common with anything: still AT_LEAST related provisions, closest first
    assert len(similarity.related("2")) == AT_LEAST and similarity.related("2")[0].number == "1.2"


def test_the_same_sources_give_the_same_lists():
    provisions = document()[0]
    assert related_provisions(provisions, LANGS) == related_provisions(list(provisions), LANGS)


# ---------------------------------------------------------------- S/2003/85, read

# (provision, provisions it must list, why, from the text)
EXPECTED = [
    # "élimination des sources de financement du terrorisme" (7); "réglementations nationales" (16),
    # under which 16.3.2 stands; "Entraver le soutien apporté aux groupes terroristes" (16.3)
    ("16.3.2", ["7", "16", "16.3"]),
    # "Plans civils d'urgence" (16.1.5), "gestion des conséquences, y compris les plans civils d'urgence" (7)
    ("16.1.5", ["16.4.2", "7"]),
    ("16.4.2", ["16.1.5"]),
    # "maîtrise des armements et lutte contre la prolifération" (7), "Maîtrise des armements" (16.3.3)
    ("16.3.3", ["7"]),
    # "contrôle et sécurité des frontières" (7), "Contrôle des frontières" (16.3.1)
    ("16.3.1", ["7"]),
    # "défense aérienne et gestion de l'espace aérien" (7), "Défense aérienne" (16.2.3)
    ("16.2.3", ["7"]),
    # armaments information, cooperation and equipment, all in the CNAD's groups
    ("16.1.3", ["16.2.6", "16.4.5"]),
    ("16.2.6", ["16.1.3", "16.4.5"]),
    # resolution 1373 (2001) named by both
    ("3", ["18"]),
    ("18", ["3"]),
    # the Comprehensive Review named by both
    ("11", ["16.5.2"]),
    ("16.5.2", ["11"]),
    # "principes de l'ouverture à tous et de l'autodifférenciation"
    ("6", ["12", "16"]),
    ("12", ["6", "16"]),
    # the North Atlantic Council, after or in consultation with the Partners
    ("10", ["13"]),
    # exercises to share the experience gained in the fight against terrorism
    ("16.2.5", ["16.5.3"]),
    ("16.5.3", ["16.2.5"]),
    # scientific cooperation: the CCMS (16.1.4) and the Science Committee (16.4.4)
    ("16.1.4", ["16.4.4"]),
    # consequence management: the section and its provisions
    ("16.4", ["16.4.3"]),
    ("16.4.3", ["16.4", "16.4.2"]),
]


@pytest.mark.parametrize(("number", "expected"), EXPECTED)
def test_related_provisions_of_s_2003_85(number, expected):
    found = related_numbers(number)
    assert set(expected) <= set(found), found


def test_every_provision_lists_two_to_five():
    related = document()[1]
    assert len(related) == 47
    for number, found in related.items():
        assert AT_LEAST <= len(found) <= RELATED, (number, found)
        assert number not in [r.number for r in found]


def test_the_reason_names_shared_terms_in_each_language():
    reason = next(r.reason for r in document()[1]["16.3.2"] if r.number == "7")
    assert reason.terms["fr"][0] == "sources de financement", reason.terms
    assert reason.terms["en"][0] == "sources of financing", reason.terms
    reason = next(r.reason for r in document()[1]["6"] if r.number == "12")
    assert reason.terms["fr"][0] == "principes de l'ouverture", reason.terms
    assert "inclusiveness" in reason.terms["en"][0]


def test_related_provisions_prefer_rare_shared_entities():
    """An entity named everywhere relates nothing; one named by two provisions counts more than
    one named by three (texts alike, places alike)."""
    numbers = [str(n) for n in range(1, 10)]
    named = {
        "1": ("common", "rare", "often"),
        "7": ("common", "rare"),
        "2": ("common", "often"),
        "3": ("common", "often"),
    }
    provisions = [made_up(n, "Texte.", "Text.", part=f"part-{n}", entities=named.get(n, ("common",))) for n in numbers]
    similarity = Similarity(provisions, LANGS)
    assert [r.number for r in similarity.related("1")] == ["7", "2"]  # AT_LEAST: each scores little
    assert similarity.score("1", "7") > similarity.score("1", "2") == similarity.score("1", "3") > 0
    assert similarity.reason("1", "7").entities == ("rare",)
    assert similarity.reason("1", "2").entities == ("often",)
    assert similarity.score("9", "8") == 0
