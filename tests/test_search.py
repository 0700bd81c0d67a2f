"""Search, in a real browser: each query typed into Material's search box must bring the
expected page among the first three results, in the language of the page searched from."""

from __future__ import annotations

import pytest

from tests.searching import search, search_all

pytestmark = pytest.mark.browser

QUERIES = [
    # (searched from, query, expected page)
    ("/plan/1/", "16.3.2", "/plan/16-3-2/"),
    ("/plan/1/", "16.3.2.", "/plan/16-3-2/"),
    ("/plan/1/", "par. 16.3.2", "/plan/16-3-2/"),
    ("/plan/1/", "16.1", "/plan/16-1/"),
    ("/plan/1/", "par. 9", "/plan/9/"),
    ("/plan/1/", "defense aerienne", "/plan/16-2-3/"),
    ("/plan/1/", "elimination", "/plan/16-3-3/"),
    ("/plan/1/", "reforme du secteur de la securite", "/plan/16-2-1/"),
    ("/plan/1/", "Réforme du secteur de la sécurité", "/plan/16-2-1/"),
    ("/plan/1/", "mentorat", "/plan/16-5-3/"),
    ("/plan/1/", "fonds d'affectation speciale", "/plan/16-5-2/"),
    ("/plan/1/", "armes legeres", "/plan/16-3-4/"),
    ("/plan/1/", "CNAD", "/plan/16-1-3/"),
    ("/plan/1/", "CCMS", "/plan/16-1-4/"),
    ("/plan/1/", "EADRCC", "/plan/16-4-2/"),
    ("/plan/1/", "Greenstock", "/annex/"),
    ("/en/plan/1/", "16.4.2", "/en/plan/16-4-2/"),
    ("/en/plan/1/", "para. 16.4.2", "/en/plan/16-4-2/"),
    ("/en/plan/1/", "CDNA", "/en/plan/16-1-3/"),
    ("/en/plan/1/", "CDSM", "/en/plan/16-1-4/"),
    ("/en/plan/1/", "ADM", "/en/plan/16-4-1/"),
    ("/en/plan/1/", "mentoring", "/en/plan/16-5-3/"),
    ("/en/plan/1/", "trust funds", "/en/plan/16-5-2/"),
    ("/en/plan/1/", "small arms", "/en/plan/16-3-4/"),
    ("/en/plan/1/", "border control", "/en/plan/16-3-1/"),
    ("/en/plan/1/", "Reykjavik", "/en/plan/16-4-2/"),
    ("/en/plan/1/", "economic dimension", "/en/plan/16-3-2/"),
]


def top_pages(page, server: str, query: str) -> list[str]:
    return search(page, server, query).pages[:3]


@pytest.fixture(scope="module")
def answers(browser, server) -> dict[tuple[str, str], list[str]]:
    """(searched from, query) -> the first three pages found: every query of a language typed in one page."""
    found = {}
    for start in dict.fromkeys(start for start, _, _ in QUERIES):
        queries = [query for origin, query, _ in QUERIES if origin == start]
        results, trouble = search_all(browser, server, start, queries)
        assert trouble == [], (start, trouble)
        found |= {(start, query): result.pages[:3] for query, result in results.items()}
    return found


@pytest.mark.parametrize(("start", "query", "expected"), QUERIES)
def test_query_finds_the_provision(answers, start, query, expected):
    results = answers[start, query]
    assert expected in results, results
    english = start.startswith("/en/")
    assert all(r.startswith("/en/") == english for r in results), results  # this language only


def test_each_result_shows_number_and_heading(page, server):
    page.goto(f"{server}/plan/1/")
    title = search(page, server, "16.3.2").first_title
    assert "16.3.2" in title and "Dimension économique" in title


def test_search_documents_load_only_when_searching(page, server):
    loaded = []
    page.on("request", lambda r: loaded.append(r.url))
    page.goto(f"{server}/en/plan/16-3-2/")
    page.wait_for_load_state("networkidle")
    assert not any("documents.json" in url for url in loaded)
    assert top_pages(page, server, "mentoring")[0] == "/en/plan/16-5-3/"
    assert f"{server}/en/search/documents.json" in loaded
