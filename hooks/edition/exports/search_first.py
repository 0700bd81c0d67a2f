"""What the search puts first, whatever Material's ranking: the page of the entity a query names,
the provision a query numbers.

The search worker (docs/assets/javascripts/workers/edition-search.js) reads two maps from the
search configuration, one for both languages (the pages have the same path in each):

- `entities`: a query's key (search_key) -> the page of the entity it names. The keys are each
  entity's names, acronyms and forms in every language, its symbol ("S/RES/1373 (2001)"), and
  the shorter spellings of a name that holds a number: "resolution 1373", "S/RES/1373",
  "Security Council resolution 1373". A key that would name two entities names none.
- `provisions`: a provision's number ("16.3.2") -> its page. The worker reads "16-3-2", "16 3 2",
  "16_3_2", "§16.3.2", "par. 16.3.2" and "para. 16.3.2" as that number.

search_key is what the worker does to a query (its `searchKey`): folded (no accents, no
ligatures, lower case), every run of what is not a letter or a digit one space.
"""

from __future__ import annotations

import re

from edition.core import urls
from edition.exports.synonyms import fold, synonyms
from edition.sources.register import Entity, Register

NOT_WORD = re.compile(r"[\W_]+")
# Words a shorter spelling may not start with ("du 11", "of 11 September").
LEADING = {"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "an", "and", "of", "the", "to"}


def search_key(text: str) -> str:
    return NOT_WORD.sub(" ", fold(text)).strip()


def numbered_spans(key: str) -> list[str]:
    """The shorter spellings of a key that holds a number: each run of its words that ends with a
    number, holds a word, and does not start with a small word ("resolution 1373" in "security
    council resolution 1373 2001")."""
    words = key.split()
    out = []
    for end, last in enumerate(words):
        if not last.isdigit():
            continue
        for start in range(end):
            span = words[start : end + 1]
            if span[0] not in LEADING and any(not w.isdigit() for w in span):
                out.append(" ".join(span))
    return out


def entity_keys(entity: Entity) -> set[str]:
    """Every key that names this entity (see the module's docstring)."""
    spellings = [*entity.name.values(), *entity.acronym.values()]
    for forms in entity.forms.values():
        spellings += forms
    if entity.symbol:
        spellings.append(entity.symbol)
    keys = {search_key(s) for s in spellings if s}
    keys |= {span for key in list(keys) for span in numbered_spans(key)}
    keys.discard("")
    return keys


def entity_targets(register: Register) -> dict[str, str]:
    """Key -> the page of the one entity it names (language-neutral URL)."""
    owners: dict[str, set[str]] = {}
    for entity in register.entities.values():
        for key in entity_keys(entity):
            owners.setdefault(key, set()).add(entity.ident)
    return {key: urls.entity(next(iter(ids))) for key, ids in sorted(owners.items()) if len(ids) == 1}


def provision_targets(numbers: list[str], holder_url: str) -> dict[str, str]:
    """Number -> the provision's page (language-neutral URL)."""
    return {number: urls.provision(number, holder_url) for number in numbers}


def worker_config(register: Register, numbers: list[str], holder_url: str, langs: tuple[str, ...]) -> dict[str, dict]:
    """Language -> what the edition's search worker reads from the search configuration:
    other-language synonyms (synonyms.py), the entity a query names, the provision a query numbers."""
    entities, provisions = entity_targets(register), provision_targets(numbers, holder_url)
    return {
        lang: {"synonyms": synonyms(register, lang), "entities": entities, "provisions": provisions} for lang in langs
    }
