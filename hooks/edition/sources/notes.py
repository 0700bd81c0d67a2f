"""Quotation notes (source/notes.yml): where a provision quotes another document, the note under
the provision names the quoted paragraph and links to it, in the reader's language, and says
whose wording the quotation is. Read through a schema (NOTE, for schema.Reader); rendered by a
template (chrome.html), escaped."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from edition.core.langs import LANGS
from edition.sources.parse import read_text
from edition.sources.schema import Reader, at, by_lang, https, list_of

QUOTE = {"quote": by_lang(Reader.text), "source": by_lang(Reader.text), "link": by_lang(https)}
NOTE = {"provision": Reader.text, "quotes": list_of(QUOTE), "wording": by_lang(Reader.text)}


@dataclass(frozen=True)
class Quote:
    quote: str  # the start of the quoted words, as they stand in this language's text
    source: str  # "Security Council resolution 1373 (2001), paragraph 3 (a)"
    link: str


@dataclass(frozen=True)
class QuotationNote:
    provision: str
    quotes: tuple[Quote, ...]
    wording: str  # whose words the quotations are, in this language


def parse_notes(text: str, path: str, texts: dict[str, dict[str, str]]) -> dict[str, dict[str, QuotationNote]]:
    """lang -> provision number -> its note. `texts`: lang -> provision number -> its text (the
    walk's, site/loading.py, provision_texts); every quote must stand in that provision's text."""
    out: dict[str, dict[str, QuotationNote]] = {lang: {} for lang in LANGS}
    reader = Reader(path)
    root = reader.compose(text)
    if root is None:
        return out
    top = reader.keys(root, "notes", "the notes file", ("notes",), ("notes",))
    first_line: dict[str, int] = {}
    for node in reader.sequence(top["notes"], "notes", "notes"):
        where = f"provision {reader.peek(node, 'provision') or '?'}"
        note = reader.read(node, NOTE, where, "a note")
        number, number_node = note["provision"], reader.find(node, "provision")
        if number not in texts[LANGS[0]]:
            raise reader.error(
                number_node, where, 'no such provision in the document; give its number as in the text, e.g. "16.4.2"'
            )
        if number in first_line:
            raise reader.error(
                number_node,
                where,
                f"a second note for this provision (first at line {first_line[number]}); put every quotation in one",
            )
        first_line[number] = at(number_node)[0]
        for index, quote in enumerate(note["quotes"]):
            for lang in LANGS:
                body = texts[lang][number]
                if quote["quote"][lang] not in body:
                    raise reader.error(
                        reader.find(node, "quotes", index, "quote", lang),
                        where,
                        f"quote '{quote['quote'][lang]}' is not in the {lang} text; copy its first words exactly",
                    )
        for lang in LANGS:
            quotes = tuple(Quote(q["quote"][lang], q["source"][lang], q["link"][lang]) for q in note["quotes"])
            out[lang][number] = QuotationNote(number, quotes, note["wording"][lang])
    return out


def load_notes(path: Path, texts: dict[str, dict[str, str]], shown: str) -> dict[str, dict[str, QuotationNote]]:
    if not path.exists():
        return {lang: {} for lang in LANGS}
    return parse_notes(read_text(path, shown), shown, texts)
