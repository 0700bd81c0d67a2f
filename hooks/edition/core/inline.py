"""The inline markup a source text may hold, and the only way source text becomes HTML.

The allow-list is short and has no attributes, so that nothing a reader cannot see (hidden text,
scripts, event handlers, links) can be written in a source file: anything else stops the build
at its line and column. Text between the tags is escaped by construction (markupsafe).
"""

from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup, escape

# Elements the source may use, written exactly like this (no attributes). <br> has no end tag.
ALLOWED_ELEMENTS = ("sup", "sub", "em", "strong")
VOID_ELEMENTS = ("br",)
ALLOWED_TEXT = "<sup>, <sub>, <em>, <strong> (each closed on the same line) and <br>"

ALLOWED_TAG = re.compile(r"</?(?:" + "|".join(ALLOWED_ELEMENTS) + r")>|<(?:" + "|".join(VOID_ELEMENTS) + r")>")
# Labels the edition writes (never the document's text) may also link to another site.
LINK_TAG = re.compile(r'<a href="https?://[^"<>\s&]+">|</a>|' + ALLOWED_TAG.pattern)
# Characters a reader does not see: controls, formatting (zero-width, bidirectional), private, surrogates.
INVISIBLE = ("Cc", "Cf", "Co", "Cs")
# Anything that starts markup or a character reference, for the check.
SUSPECT = re.compile(r"<|&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


class InlineError(ValueError):
    """Markup outside the allow-list; `column` is 1-based."""

    def __init__(self, column: int, message: str) -> None:
        self.column = column
        super().__init__(message)


def check_invisible(text: str) -> None:
    """Raise InlineError at a character a reader cannot see (zero-width, bidirectional control...)."""
    for index, char in enumerate(text):
        if unicodedata.category(char) in INVISIBLE and char not in "\t\n":
            name = unicodedata.name(char, "control character")
            raise InlineError(index + 1, f"invisible character U+{ord(char):04X} ({name}); remove it")


def check_inline(text: str, links: bool = False) -> None:
    """Raise InlineError at the first markup outside the allow-list, an unbalanced element or an
    invisible character. `links`: also admit <a href="https://..."> (labels only)."""
    check_invisible(text)
    allowed = LINK_TAG if links else ALLOWED_TAG
    open_elements: list[tuple[str, int]] = []
    position = 0
    while match := SUSPECT.search(text, position):
        start = match.start()
        tag = allowed.match(text, start)
        if tag is None:
            if match.group().startswith("&"):
                raise InlineError(
                    start + 1, f"character reference {match.group()!r} is not allowed; write the character itself"
                )
            shown = text[start : text.find(">", start) + 1 or start + 20][:40]
            admitted = ALLOWED_TEXT + (', and links <a href="https://...">' if links else "")
            raise InlineError(
                start + 1, f"markup {shown!r} is not allowed; only {admitted} are admitted, without other attributes"
            )
        name = tag.group().strip("</>").split()[0]
        if tag.group().startswith("</"):
            if not open_elements or open_elements[-1][0] != name:
                raise InlineError(start + 1, f"</{name}> closes nothing open here; check the tags of this line")
            open_elements.pop()
        elif name not in VOID_ELEMENTS:
            open_elements.append((name, start + 1))
        position = tag.end()
    if open_elements:
        name, column = open_elements[-1]
        raise InlineError(column, f"<{name}> is not closed on this line; add </{name}>")


def split(text: str, links: bool = False) -> list[tuple[bool, str]]:
    """(is_tag, piece) for every piece of the text, in order."""
    out: list[tuple[bool, str]] = []
    position = 0
    for match in (LINK_TAG if links else ALLOWED_TAG).finditer(text):
        if match.start() > position:
            out.append((False, text[position : match.start()]))
        out.append((True, match.group()))
        position = match.end()
    if position < len(text):
        out.append((False, text[position:]))
    return out


def to_html(text: str, links: bool = False) -> Markup:
    """Source text as HTML: allowed tags kept, everything else escaped (so shown as text)."""
    return Markup("").join(Markup(piece) if is_tag else escape(piece) for is_tag, piece in split(text, links))


def plain(text: str) -> str:
    """What a reader sees, as text: allowed tags removed (<br> as a space)."""
    return "".join((" " if piece == "<br>" else "") if is_tag else piece for is_tag, piece in split(text))
