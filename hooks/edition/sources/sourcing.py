"""What counts as a source a reader can open, for the register's names (register.yml `source`)
and the translation notes (translation-notes.md `Source:` lines).

A source is an https address of the page that holds the wording, or a document reference a
reader can look up: a UN symbol (S/RES/1441 (2002), S/2003/85, A/RES/56/1), best with its
paragraph. Where no official wording exists, the entry says so in these exact words, which
the entity page repeats: EDITION_MARK. A working note such as "facts.md", "NATO usage" or "as in
the document" may accompany a source, never stand for one."""

from __future__ import annotations

import re

# Said, word for word, by a source that found no official English (and by the entity's page).
EDITION_MARK = "rendering of this edition; no official English found"
ADDRESS = re.compile(r"https://[^\s\"'<>)]+")
# A UN document symbol: organ letter(s), optional RES, numbers (S/RES/1373(2001), S/2003/85, A/RES/56/1).
UN_SYMBOL = re.compile(r"\b(?:S|A|E)/(?:RES/)?\d+(?:/\d+)*\b")
# Notes that name no document: allowed beside a source, refused alone.
VAGUE = ("facts.md", "NATO usage", "as in the document", "the French text")
HOW_TO_FIX = (
    "give the https address of the official page that holds the wording (UN, NATO, EAPC ...) or a "
    'document reference (symbol and paragraph, e.g. "S/RES/1441 (2002), para. 13"); where no official '
    f'wording exists, write "{EDITION_MARK}"'
)


def openable(source: str) -> bool:
    """The source names an address, a UN symbol or the edition's own rendering."""
    return bool(ADDRESS.search(source) or UN_SYMBOL.search(source) or EDITION_MARK in source)


def source_problem(source: str) -> str | None:
    """What is wrong with a source, with how to fix it; None when a reader can open it."""
    text = source.strip()
    if not text:
        return f"no source; {HOW_TO_FIX}"
    if openable(text):
        return None
    vague = [word for word in VAGUE if word.lower() in text.lower()]
    named = (
        f"'{text}' names "
        + (f"only {', '.join(repr(v) for v in vague)}, " if vague else "")
        + "no source a reader can open"
    )
    return f"{named}; {HOW_TO_FIX}"
