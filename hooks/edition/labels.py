"""The words the edition adds around the text (source/labels.yml), in both languages."""

from __future__ import annotations

from markupsafe import Markup

from .inline import to_html

# Labels that hold links (checked by the schema: the inline allow-list plus <a href="https://...">).
# Every other label is plain text, escaped wherever it is used.
MARKUP_LABELS = ("translation_note",)


def with_markup(labels: dict[str, dict]) -> dict[str, dict]:
    """The labels, those of MARKUP_LABELS as Markup (their text escaped, their allowed tags kept)."""
    out = {}
    for lang, by_key in labels.items():
        out[lang] = {
            key: to_html(value, links=True) if key in MARKUP_LABELS and isinstance(value, str) else value
            for key, value in by_key.items()
        }
    return out


__all__ = ["MARKUP_LABELS", "Markup", "with_markup"]
