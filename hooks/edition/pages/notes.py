"""The quotation note under a provision (source/notes.yml, read by sources/notes.py), as HTML."""

from __future__ import annotations

from markupsafe import Markup

from edition.core.langs import QUOTE_MARKS
from edition.pages.templates import macros
from edition.sources.notes import QuotationNote


def note_html(note: QuotationNote, title: str, lang: str) -> Markup:
    """The note under the provision: each quotation, the paragraph it quotes (linked), the wording."""
    return macros().quotation_note(note, title, lang, QUOTE_MARKS[lang])
