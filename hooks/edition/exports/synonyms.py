"""Other-language synonyms for search: "EAPC" on the French site also searches "CPEA"."""

from __future__ import annotations

import unicodedata

from edition.core.langs import LANGS
from edition.sources.register import Register


def fold(text: str) -> str:
    """What the search worker does to every term: no accents, no ligatures, lower case."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'").lower()


def synonyms(register: Register, lang: str) -> dict[str, list[str]]:
    """Folded acronym or name of the other language -> this language's acronym (or name)."""
    out: dict[str, list[str]] = {}
    for entity in register.entities.values():
        acronym = entity.acronym.get(lang)
        mine = acronym if acronym in entity.forms[lang] else entity.name[lang]
        target = fold(mine)
        for code in LANGS:
            if code == lang:
                continue
            for key in (entity.acronym.get(code), entity.name[code]):
                if key and fold(key) != target:
                    out.setdefault(fold(key), [])
                    if target not in out[fold(key)]:
                        out[fold(key)].append(target)
    return out
