"""The languages of the edition, each language's typography (what the code writes around the
document's words: dates, quotation marks, the space before a colon), and how the document prints a
provision number: read by every stage. A language is added here and in source/labels.yml."""

from __future__ import annotations

LANGS = ("fr", "en")
DEFAULT_LANG = "fr"

MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin")
    + ("juillet", "août", "septembre", "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June")
    + ("July", "August", "September", "October", "November", "December"),
}
FIRST_OF_MONTH = {"fr": "1er", "en": "1"}  # "1er janvier"
# What opens and closes a quoted excerpt that starts a sentence and stops before its end.
QUOTE_MARKS = {"fr": ("«\u00a0", "\u00a0…\u00a0»"), "en": ("“", "…”")}
# French puts a non-breaking space before a colon or a semicolon.
COLON = {"fr": "\u00a0:", "en": ":"}
SEMICOLON = {"fr": "\u00a0;", "en": ";"}


def number_label(number: str) -> str:
    """How the document prints a provision number: '16.' for paragraphs, '16.3.2' below."""
    return number + "." if "." not in number else number
