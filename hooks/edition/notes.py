"""Quotation notes (source/notes.yml): where a provision quotes another document, the note under
the provision names the quoted paragraph and links to it, in the reader's language, and says
whose wording the quotation is. Read through a small schema; rendered escaped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import NoReturn

import yaml
from markupsafe import Markup

from .model import LANGS, Document
from .parse import SourceError

NOTE_KEYS = {"provision", "quotes", "wording"}
QUOTE_KEYS = {"quote", "source", "link"}
LINK = re.compile(r"^https://[^\s\"'<>]+$")
QUOTE_MARKS = {"fr": ("«\u00a0", "\u00a0…\u00a0»"), "en": ("“", "…”")}


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


def line_of(text: str, provision: str) -> int:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"""^\s*-\s*provision:\s*["']?{re.escape(provision)}["']?\s*$""", line):
            return lineno
    return 1


def stop(path: str, lineno: int, where: str, message: str) -> NoReturn:
    raise SourceError(path, lineno, where, message)


def per_language(raw: object, key: str, fail) -> dict[str, str]:
    """A {fr: ..., en: ...} mapping of non-empty strings, exactly the two languages."""
    if not isinstance(raw, dict) or set(raw) != set(LANGS):
        fail(f"'{key}' must give exactly {', '.join(LANGS)}")
    for lang in LANGS:
        if not isinstance(raw[lang], str) or not raw[lang].strip():
            fail(f"'{key}' in '{lang}' must be a non-empty text")
    return {lang: raw[lang].strip() for lang in LANGS}


def parse_notes(text: str, path: str, docs: dict[str, Document]) -> dict[str, dict[str, QuotationNote]]:
    """lang -> provision number -> its note. Every quote must stand in that provision's text."""
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict) or set(data) - {"notes"}:
        raise SourceError(path, 1, "notes", "the file holds one key, 'notes' (a list)")
    out: dict[str, dict[str, QuotationNote]] = {lang: {} for lang in LANGS}
    for raw in data.get("notes") or []:
        number = str((raw or {}).get("provision", "")) if isinstance(raw, dict) else ""
        lineno = line_of(text, number) if number else 1
        where = f"provision {number or '?'}"
        fail = partial(stop, path, lineno, where)

        if not isinstance(raw, dict) or set(raw) != NOTE_KEYS:
            fail(f"a note has exactly the keys {', '.join(sorted(NOTE_KEYS))}")
        if number not in docs[LANGS[0]].provisions:
            fail('no such provision in the document; give its number as in the text, e.g. "3" or "16.4.2"')
        if number in out[LANGS[0]]:
            fail("two notes for one provision; put every quotation in one note")
        if not isinstance(raw["quotes"], list) or not raw["quotes"]:
            fail("'quotes' must be a non-empty list")
        wording = per_language(raw["wording"], "wording", fail)
        quotes: dict[str, list[Quote]] = {lang: [] for lang in LANGS}
        for item in raw["quotes"]:
            if not isinstance(item, dict) or set(item) != QUOTE_KEYS:
                fail(f"a quote has exactly the keys {', '.join(sorted(QUOTE_KEYS))}")
            fields = {key: per_language(item[key], key, fail) for key in QUOTE_KEYS}
            for lang in LANGS:
                body = " ".join(unit.text for unit in docs[lang].provisions[number].units)
                if fields["quote"][lang] not in body:
                    fail(f"quote '{fields['quote'][lang]}' is not in the {lang} text; copy its first words exactly")
                if not LINK.match(fields["link"][lang]):
                    fail(f"link '{fields['link'][lang]}' must be an https address")
                quotes[lang].append(Quote(fields["quote"][lang], fields["source"][lang], fields["link"][lang]))
        for lang in LANGS:
            out[lang][number] = QuotationNote(number, tuple(quotes[lang]), wording[lang])
    return out


def load_notes(path: Path, docs: dict[str, Document], shown: str) -> dict[str, dict[str, QuotationNote]]:
    if not path.exists():
        return {lang: {} for lang in LANGS}
    return parse_notes(path.read_text(encoding="utf-8"), shown, docs)


def note_html(note: QuotationNote, title: str, lang: str) -> Markup:
    """The note under the provision: each quotation, the paragraph it quotes (linked), the wording."""
    opening, closing = QUOTE_MARKS[lang]
    colon = "\u00a0:" if lang == "fr" else ":"
    items = Markup("").join(
        Markup('<li>{}{}{}{} <a href="{}">{}</a></li>').format(opening, q.quote, closing, colon, q.link, q.source)
        for q in note.quotes
    )
    return Markup(
        '<aside class="ed quotation-note"><p class="quotation-note__title">{}</p><ul>{}</ul><p>{}</p></aside>'
    ).format(title, items, note.wording)
