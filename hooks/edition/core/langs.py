"""The languages of the edition and how the document prints a provision number: read by every stage."""

from __future__ import annotations

LANGS = ("fr", "en")
DEFAULT_LANG = "fr"


def number_label(number: str) -> str:
    """How the document prints a provision number: '16.' for paragraphs, '16.3.2' below."""
    return number + "." if "." not in number else number
