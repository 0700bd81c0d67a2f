"""What search puts first, in a real browser against the built site: the entity's page for its
name, acronym or symbol in either language, the provision for its number in any common
spelling, and the provision whose text answers a query in words; the words a result lacks are
shown as the reader typed them. The maps the worker reads are tested without a browser too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.searching import RESULT, search, search_all

# (query, first page): French site
FRENCH = [
    ("OTAN", "/entities/nato/"),
    ("l'OTAN", "/entities/nato/"),
    ("NATO", "/entities/nato/"),
    ("CPEA", "/entities/eapc/"),
    ("EAPC", "/entities/eapc/"),
    ("Partnership for Peace", "/entities/pfp/"),
    ("Partenariat pour la paix", "/entities/pfp/"),
    ("S/RES/1373", "/entities/res-1373-2001/"),
    ("resolution 1441", "/entities/res-1441-2002/"),
    ("résolution 1441 (2002)", "/entities/res-1441-2002/"),
    ("Comité économique", "/entities/economic-committee/"),
    ("comite economique", "/entities/economic-committee/"),
    ("Economic Committee", "/entities/economic-committee/"),
    ("CDNA", "/entities/cnad/"),
    ("SACEUR", "/entities/saceur/"),
    ("Conseil de l'Atlantique Nord", "/entities/nac/"),
    ("Sommet de Prague", "/entities/prague-summit/"),
    ("16.3.2", "/plan/16-3-2/"),
    ("16-3-2", "/plan/16-3-2/"),
    ("16 3 2", "/plan/16-3-2/"),
    ("16_3_2", "/plan/16-3-2/"),
    ("§16.3.2", "/plan/16-3-2/"),
    ("§ 16.3.2", "/plan/16-3-2/"),
    ("par. 16.3.2", "/plan/16-3-2/"),
    ("para. 16.3.2", "/plan/16-3-2/"),
    ("16-4-2", "/plan/16-4-2/"),
    ("par. 9", "/plan/9/"),
    ("16.1", "/plan/16-1/"),
    ("financement du terrorisme", "/plan/16-3-2/"),
    ("frontières", "/plan/16-3-1/"),
    ("mentorat", "/plan/16-5-3/"),
    ("Greenstock", "/annex/"),  # part of a name only: the text where he is named
]
# English site
ENGLISH = [
    ("NATO", "/en/entities/nato/"),
    ("OTAN", "/en/entities/nato/"),
    ("EAPC", "/en/entities/eapc/"),
    ("CPEA", "/en/entities/eapc/"),
    ("Partnership for Peace", "/en/entities/pfp/"),
    ("PfP", "/en/entities/pfp/"),
    ("S/RES/1373", "/en/entities/res-1373-2001/"),
    ("S/RES/1373 (2001)", "/en/entities/res-1373-2001/"),
    ("resolution 1441", "/en/entities/res-1441-2002/"),
    ("Security Council resolution 1373", "/en/entities/res-1373-2001/"),
    ("Comité économique", "/en/entities/economic-committee/"),
    ("Economic Committee", "/en/entities/economic-committee/"),
    ("CNAD", "/en/entities/cnad/"),
    ("North Atlantic Council", "/en/entities/nac/"),
    ("Prague Summit", "/en/entities/prague-summit/"),
    ("weapons of mass destruction", "/en/entities/wmd/"),
    ("16.3.2", "/en/plan/16-3-2/"),
    ("16-3-2", "/en/plan/16-3-2/"),
    ("16 3 2", "/en/plan/16-3-2/"),
    ("16_3_2", "/en/plan/16-3-2/"),
    ("§16.3.2", "/en/plan/16-3-2/"),
    ("par. 16.3.2", "/en/plan/16-3-2/"),
    ("para. 16.3.2", "/en/plan/16-3-2/"),
    ("para 16.4.2", "/en/plan/16-4-2/"),
    ("16-5-3", "/en/plan/16-5-3/"),
    ("terrorist financing", "/en/plan/16-3-2/"),
    ("border control", "/en/plan/16-3-1/"),
    ("mentoring", "/en/plan/16-5-3/"),
    ("Greenstock", "/en/annex/"),
]


@pytest.mark.browser
@pytest.mark.parametrize(("start", "queries"), [("/plan/1/", FRENCH), ("/en/plan/1/", ENGLISH)])
def test_first_result(browser, server, start, queries):
    assert len(FRENCH) + len(ENGLISH) >= 30 and len(queries) >= 15
    results, trouble = search_all(browser, server, start, [query for query, _ in queries])
    wrong = [
        f"{query!r}: first result {results[query].pages[0]}, expected {expected}"
        for query, expected in queries
        if results[query].pages[0] != expected
    ]
    assert not wrong, "\n".join(wrong)
    assert trouble == []  # no console error, no request to another host


@pytest.mark.browser
@pytest.mark.parametrize(
    ("start", "query", "typed", "folded"),
    [
        ("/plan/1/", "frontières légères", "légères", "legeres"),
        ("/en/plan/1/", "border sécurité", "sécurité", "securite"),
    ],
)
def test_words_not_found_are_shown_as_typed(page, server, start, query, typed, folded):
    """Material lists under a result the words it lacks ("Non trouvé : légères"), as text."""
    page.goto(f"{server}{start}")
    search(page, server, query)
    missing = page.locator(f"{RESULT} .md-search-result__terms del").all_inner_texts()
    assert typed in missing and folded not in missing, missing
    assert page.locator(f"{RESULT} .md-search-result__terms del *").count() == 0  # text, no markup
    assert page.console_errors == [] and page.foreign_requests == []


# ---------------------------------------------------------------- the maps, without a browser


def worker_config(site: Path, lang: str) -> dict:
    folder = site / ("" if lang == "fr" else "en/") / "search"
    return json.loads((folder / "search_index.json").read_text(encoding="utf-8"))["config"]


def test_the_worker_reads_both_languages_names_and_every_provision(site: Path):
    for lang in ("fr", "en"):
        config = worker_config(site, lang)
        entities, provisions = config["entities"], config["provisions"]
        assert entities["otan"] == entities["nato"] == "entities/nato/"
        assert entities["s res 1373"] == entities["resolution 1373"] == "entities/res-1373-2001/"
        assert entities["comite economique"] == entities["economic committee"] == "entities/economic-committee/"
        assert "comite" not in entities and "plan d action" not in entities  # names more than one: none
        assert provisions["16.3.2"] == "plan/16-3-2/" and len(provisions) == 47
        for url in [*entities.values(), *provisions.values()]:
            assert (site / ("" if lang == "fr" else "en") / url / "index.html").exists(), url


def test_search_keys():
    from edition.exports.search_first import numbered_spans, search_key

    assert search_key("Comité économique") == "comite economique"
    assert search_key("S/RES/1373 (2001)") == "s res 1373 2001"
    assert search_key("Conseil de l'Atlantique Nord") == "conseil de l atlantique nord"
    assert "resolution 1441" in numbered_spans("security council resolution 1441 2002")
    assert "s res 1441" in numbered_spans("s res 1441 2002")
    assert "of 11" not in " | ".join(numbered_spans("attacks of 11 september 2001")).split(" | ")
