"""The inline markup a source text may hold, and the only way source text becomes HTML.

The allow-list is short and has no attributes, so that nothing a reader cannot see (hidden text,
scripts, event handlers, links) can be written in a source file: anything else stops the build
at its line and column. Text between the tags is escaped by construction (markupsafe).
"""

from __future__ import annotations

import functools
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
# Anything that starts markup or a character reference, for the check.
SUSPECT = re.compile(r"<|&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


class InlineError(ValueError):
    """Markup outside the allow-list; `column` is 1-based."""

    def __init__(self, column: int, message: str) -> None:
        self.column = column
        super().__init__(message)


# The characters a text may hold: an allow-list, so that nothing a reader cannot see or cannot
# tell from another character reaches a page (or changes a word that the fidelity check compares).
# Refused: controls, formatting characters (zero-width, bidirectional), private use, surrogates,
# unassigned code points and noncharacters (U+FFFF), line and paragraph separators (U+2028,
# U+2029: they would also shift line numbers), spaces other than these, blank letters and symbols
# (Hangul fillers, the Braille blank), combining marks other than accents, and letters or digits
# outside the Latin script and fullwidth forms, which look like Latin ones.
SPACES = " \t\u00a0\u2009\u202f"  # space, tab, no-break space, thin space, narrow no-break space
BLANK_LOOKING = {0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x034F, 0x17B4, 0x17B5, 0x180E, 0xFFFC, 0xFFFD}
REFUSED_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}


def character_name(char: str) -> str:
    """U+2028 LINE SEPARATOR; a noncharacter or an unassigned code point says so."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code < 0xA0:
        fallback = "control character"
    elif code & 0xFFFE == 0xFFFE or 0xFDD0 <= code <= 0xFDEF:
        fallback = "noncharacter"
    elif 0xD800 <= code <= 0xDFFF:
        fallback = "surrogate"
    elif unicodedata.category(char) == "Co":
        fallback = "private use"
    else:
        fallback = "unassigned code point"
    return f"U+{code:04X} ({unicodedata.name(char, fallback)})"


@functools.cache
def refusal(char: str) -> str | None:
    """Why a source may not hold this character, or None when it may (the allow-list)."""
    if " " <= char <= "~" or char in SPACES:
        return None
    category, code = unicodedata.category(char), ord(char)
    if category in REFUSED_CATEGORIES or category == "Zs" or code in BLANK_LOOKING:
        return f"invisible character {character_name(char)}; remove it"
    if 0xFF00 <= code <= 0xFFEF or 0x2160 <= code <= 0x2188:  # fullwidth forms, Roman numerals
        return (
            f"character {character_name(char)} looks like an ordinary one and is not allowed; "
            "write the ordinary letter, digit or sign"
        )
    if category[0] == "M" and not 0x0300 <= code <= 0x036F:
        return f"invisible character {character_name(char)}; remove it"
    if category[0] in "LN" and not (code <= 0x24F or unicodedata.name(char, "").startswith("LATIN ")):
        latin = 0x1D00 <= code <= 0x1DBF or 0x2070 <= code <= 0x209F or 0x1E00 <= code <= 0x1EFF
        if not latin:
            return (
                f"character {character_name(char)} is outside the Latin script and may look like a Latin "
                "letter or digit; write the Latin one (the sources hold Latin text only)"
            )
    return None


NOT_ASCII = re.compile(r"[^ -~]")  # the characters the allow-list has to look at


# What a reader of a whole file must refuse before it reads lines: characters that YAML counts as
# line ends (U+0085, U+2028, U+2029, a lone carriage return) or refuses itself, with a message
# of its own that names no line (controls, noncharacters, surrogates).
UNREADABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def first_refused(text: str, unreadable_only: bool = False) -> tuple[int, str] | None:
    """The index of the first character outside the allow-list, and why; None if there is none.
    `unreadable_only`: only the characters of UNREADABLE (and the noncharacters of other planes)."""
    for match in NOT_ASCII.finditer(text):
        char = match.group()
        if unreadable_only and not (UNREADABLE.match(char) or ord(char) & 0xFFFE == 0xFFFE):
            continue
        if reason := refusal(char):
            return match.start(), reason
    return None


def check_invisible(text: str) -> None:
    """Raise InlineError at the first character outside the allow-list (a character a reader cannot
    see, or a look-alike), naming it."""
    if found := first_refused(text):
        raise InlineError(found[0] + 1, found[1])


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
