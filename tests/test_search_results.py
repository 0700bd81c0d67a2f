"""What a search result shows, in a real browser: for each query, the first result is the page
whose own text holds the words, and the excerpt under it is that text, with the words found
highlighted, not the page's breadcrumbs, pager, notes or cite box, and no words glued together."""

from __future__ import annotations

import re
import unicodedata

import pytest

from tests.searching import search_all

pytestmark = pytest.mark.browser

# (query, first page, a word the excerpt must highlight). A query that is an entity's name or
# acronym finds the entity's page first (tests/test_search_first.py), and its excerpt too must
# show its words, not chrome.
FRENCH = [
    ("frontières", "/plan/16-3-1/", "frontières"),
    ("financement du terrorisme", "/plan/16-3-2/", "financement"),
    ("défense aérienne", "/plan/16-2-3/", "défense"),
    ("mentorat", "/plan/16-5-3/", "mentorat"),
    ("armes légères", "/plan/16-3-4/", "légères"),
    ("catastrophe", "/plan/16-4-2/", "catastrophe"),
    ("Reykjavik", "/plan/16-4-2/", "Reykjavik"),
    ("plans civils d'urgence", "/plan/16-4-2/", "civils"),
    ("CPEA", "/entities/eapc/", "CPEA"),
    ("Greenstock", "/annex/", "Greenstock"),
    ("Prague", "/annex/", "Prague"),
    ("résolution 1373", "/entities/res-1373-2001/", "1373"),
    ("Kaboul", "/annex/", "Kaboul"),
    ("Iraq", "/annex/", "Iraq"),
    ("armements", "/plan/16-3-3/", "armements"),
    ("contrôle démocratique", "/plan/16-2-1/", "démocratique"),
    ("logistique", "/plan/16-2-7/", "logistique"),
    ("PARP", "/entities/parp/", "PARP"),
    ("fonds d'affectation", "/plan/16-5-2/", "affectation"),
    ("cyberattaques", "/annex/", "cyberattaques"),
    ("Dialogue méditerranéen", "/entities/mediterranean-dialogue/", "méditerranéen"),
    ("securite aerienne", "/plan/16-2-3/", "aérienne"),
]
ENGLISH = [
    ("border", "/en/plan/16-3-1/", "border"),
    ("terrorist financing", "/en/plan/16-3-2/", "financing"),
    ("air defence", "/en/plan/16-2-3/", "defence"),
    ("mentoring", "/en/plan/16-5-3/", "mentoring"),
    ("small arms", "/en/plan/16-3-4/", "small"),
    ("disaster", "/en/plan/16-4-2/", "Disaster"),
    ("Reykjavik", "/en/plan/16-4-2/", "Reykjavik"),
    ("information sharing", "/en/plan/16-1-3/", "sharing"),
    ("civil emergency planning", "/en/plan/16-4-2/", "civil"),
    ("EAPC", "/en/entities/eapc/", "EAPC"),
    ("Greenstock", "/en/annex/", "Greenstock"),
    ("Prague", "/en/annex/", "Prague"),
    ("resolution 1373", "/en/entities/res-1373-2001/", "1373"),
    ("Kabul", "/en/annex/", "Kabul"),
    ("Iraq", "/en/annex/", "Iraq"),
    ("arms control", "/en/plan/16-3-3/", "control"),
    ("democratically controlled", "/en/plan/16-2-1/", "democratically"),
    ("logistics", "/en/plan/16-2-7/", "logistics"),
    ("PARP", "/en/entities/parp/", "PARP"),
    ("trust funds", "/en/plan/16-5-2/", "trust"),
    ("cyber", "/en/annex/", "cyberattacks"),
    ("Mediterranean Dialogue", "/en/entities/mediterranean-dialogue/", "Mediterranean"),
]
CHROME = ["Document S/2003/85", "Suivant", "Précédent", "Next", "Previous", "BibTeX", "Citer", "Cite this", "officiel"]


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).casefold()


@pytest.mark.parametrize(("start", "queries"), [("/plan/1/", FRENCH), ("/en/plan/1/", ENGLISH)])
def test_first_result_and_its_excerpt(browser, server, start, queries):
    assert len(queries) >= 20
    results, trouble = search_all(browser, server, start, [query for query, _, _ in queries])
    wrong = []
    for query, expected, word in queries:
        found = results[query]
        path, text, marks = found.pages[0], found.first_excerpt, found.first_marks
        if path != expected:
            wrong.append(f"{query!r}: first result {path}, expected {expected}")
        if fold(word) not in {fold(m) for m in marks}:
            wrong.append(f"{query!r}: excerpt does not highlight {word!r}: {text[:160]!r} {marks}")
        wrong += [f"{query!r}: excerpt shows page chrome {c!r}: {text[:160]!r}" for c in CHROME if c in text]
        if re.search(r"[a-zà-ÿ][A-Z][a-z]", text.replace("PfP", "")):
            wrong.append(f"{query!r}: glued words in the excerpt: {text[:160]!r}")
    assert not wrong, "\n".join(wrong)
    assert trouble == []
