"""Compare the published French words with the original's, in order, and division by division.

A token is a word or a single punctuation mark, so a lost comma counts as much as a lost word.
Markup and whitespace are not compared: the source admits only visible inline markup (inline.py),
so what is compared is what a reader sees.

The words in order are not enough: a sentence moved from one paragraph to the next, or words
moved from a provision's text into its title, keep the order, while the anchors, the Akoma Ntoso
elements and the citations of those units carry the wrong words. So each published unit
(paragraph, indent, title, number, signature ...) must also begin where one of the original's
begins, and each unit of the original must begin a published one. The original is a conversion
of the printed PDF (original_units): its blocks, bullets, numbered paragraphs, the number and the
bold title at the start of a provision are its units; a block that starts in lower case after
one that does not end a sentence is the same unit cut by a page break (no unit begins there); a line ending in a hard
break ("  ") may end a unit (the masthead's distribution and date) or not (a title on two lines).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from edition.core.inline import plain
from edition.core.lines import source_lines
from edition.document.passages import Walk
from edition.sources.parse import SourceError

TAG = re.compile(r"<[^>]+>")
TOKEN = re.compile(r"\w+|[^\w\s]")
MARKDOWN_LINE = re.compile(r"^\s*(#+\s*|-\s+)")


def tokens(text: str) -> list[str]:
    return TOKEN.findall(TAG.sub("", plain(text)))


def original_lines(markdown: str) -> list[tuple[str, int]]:
    """Tokens of the original conversion with their line, without its Markdown (headings, bold, bullets, rules)."""
    out: list[tuple[str, int]] = []
    for lineno, line in enumerate(source_lines(markdown), start=1):
        if line.strip() == "---":
            continue
        line = MARKDOWN_LINE.sub("", line).replace("**", "").replace("*", "")
        out.extend((token, lineno) for token in tokens(line))
    return out


def original_tokens(markdown: str) -> list[str]:
    """Tokens of the original conversion, without its Markdown (headings, bold, bullets, rules)."""
    return [token for token, _ in original_lines(markdown)]


# A provision's number at the start of a line of the original ("16.", "**16.1.2 ", "16.1 ").
LEADING_NUMBER = re.compile(r"^(\*\*)?(\d+\.|\d+(?:\.\d+)+)\s+")
LEADING_BOLD = re.compile(r"^\*\*(.+?)\*\*")
UNIT_START = re.compile(r"^\s*(?:-\s|\**(?:\d+\.|\d+(?:\.\d+)+)\s)")  # a bullet, a numbered paragraph
SENTENCE_END = (".", ";", ":", "!", "?", "»", '"')


@dataclass(frozen=True)
class OriginalUnits:
    """The original's tokens with their lines, and where its units begin (token indexes): `hard`,
    where a published unit must begin too; `soft`, where one may (a hard line break)."""

    tokens: list[str]
    lines: list[int]
    hard: frozenset[int]
    soft: frozenset[int]


def markdown_blocks(markdown: str) -> list[list[tuple[int, str]]]:
    """The original's blocks (lines between blank lines; a heading is a block of its own)."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for lineno, line in enumerate(source_lines(markdown), start=1):
        heading = line.lstrip().startswith("#")
        if not line.strip() or line.strip() == "---" or heading:
            if current:
                blocks.append(current)
            current = []
            if heading:
                blocks.append([(lineno, line)])
            continue
        current.append((lineno, line))
    if current:
        blocks.append(current)
    return blocks


def original_units(markdown: str) -> OriginalUnits:
    """The original's tokens and where its units begin (see the module's docstring)."""
    found: list[str] = []
    lines: list[int] = []
    hard: set[int] = set()
    soft: set[int] = set()
    for block in markdown_blocks(markdown):
        hard_break = False
        for index, (lineno, line) in enumerate(block):
            starts = index == 0 or bool(UNIT_START.match(line))
            body = MARKDOWN_LINE.sub("", line)
            pieces = []
            if starts and (number := LEADING_NUMBER.match(body)):
                pieces.append(body[: number.end()])
                body = (number.group(1) or "") + body[number.end() :]
                if bold := LEADING_BOLD.match(body):
                    pieces.append(bold.group())
                    body = body[bold.end() :]
            pieces.append(body)
            for position, piece in enumerate(pieces):
                words = tokens(piece.replace("**", "").replace("*", ""))
                if not words:
                    continue
                begins = "hard" if starts or position else ("soft" if hard_break else "")
                cut = index == 0 and position == 0 and found and words[0][0].islower()
                if cut and found[-1] not in SENTENCE_END:  # a page break cut this unit: it goes on
                    begins = ""
                if begins:
                    (hard if begins == "hard" else soft).add(len(found))
                found.extend(words)
                lines.extend([lineno] * len(words))
            hard_break = line.endswith("  ")
    return OriginalUnits(found, lines, frozenset(hard), frozenset(soft))


def check_divisions(original: str, original_path: str, french: Walk, context: int = 6) -> None:
    """Each published unit holds exactly an original unit's words (the words in order are checked
    first): raise SourceError at the first unit that begins where the original's does not, or that
    runs on where the original's ends."""
    units = original_units(original)
    starts: dict[int, tuple[int, str]] = {}  # token index -> (line, where) of the published unit
    count = 0
    for text, lineno, where in published_pieces(french):
        words = tokens(text)
        if words:
            starts.setdefault(count, (lineno, where))
            count += len(words)
    if count != len(units.tokens):
        return  # the words differ: check_fidelity names where
    wrong_starts = sorted(set(starts) - units.hard - units.soft)
    run_ons = sorted(units.hard - set(starts))
    if not wrong_starts and not run_ons:
        return
    index = min([*wrong_starts, *run_ons])
    before = " ".join(units.tokens[max(0, index - context) : index])
    after = " ".join(units.tokens[index : index + context])
    original_at = f"{original_path}:{units.lines[index]}"
    if index in starts:
        lineno, where = starts[index]
        raise SourceError(
            french.path,
            lineno,
            where,
            f"this text begins at '{after}…', inside a unit of the original ({original_at}), after '…{before}'; "
            "each paragraph, indent and title must hold exactly the words of the original's: move the words "
            "back to the paragraph, indent or title they belong to",
        )
    lineno, where = starts[max(start for start in starts if start < index)]
    raise SourceError(
        french.path,
        lineno,
        where,
        f"this text runs on across a division of the original ({original_at}): the original begins a new "
        f"paragraph, indent or title at '{after}…', after '…{before}'; each paragraph, indent and title must hold "
        "exactly the words of the original's: move the words back to the unit they belong to",
    )


def published_pieces(reading: Walk) -> list[tuple[str, int, str]]:
    """Every piece of the document's own text, in reading order (edition labels excluded):
    (text, line, where)."""
    return [(passage.text, passage.lineno, division.where) for division, passage in reading.reading if passage.text]


def first_difference(expected: list[str], actual: list[str], context: int = 8) -> str | None:
    """None when equal; otherwise a short description of the first difference."""
    if expected == actual:
        return None
    matcher = difflib.SequenceMatcher(a=expected, b=actual, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        before = " ".join(expected[max(0, i1 - context) : i1])
        return (
            f"{op} at token {i1}: original {' '.join(expected[i1:i2])!r}, "
            f"published {' '.join(actual[j1:j2])!r} (after: ...{before})"
        )
    return "token sequences differ"


def shortened(words: list[str], most: int = 12) -> str:
    return " ".join(words[:most]) + (f" … ({len(words)} tokens)" if len(words) > most else "")


def check_fidelity(original: str, original_path: str, french: Walk, context: int = 6) -> None:
    """Raise SourceError at the published line (and provision) where the words first differ
    from the original's, naming the expected and the found words; then where a unit holds words
    of another (check_divisions)."""
    expected_spots = original_lines(original)
    expected = [token for token, _ in expected_spots]
    actual: list[str] = []
    spots: list[tuple[int, str]] = []
    for text, lineno, where in published_pieces(french):
        for token in tokens(text):
            actual.append(token)
            spots.append((lineno, where))
    if expected == actual:
        check_divisions(original, original_path, french, context)
        return
    matcher = difflib.SequenceMatcher(a=expected, b=actual, autojunk=False)
    changes = [code for code in matcher.get_opcodes() if code[0] != "equal"]
    op, i1, i2, j1, j2 = changes[0]
    if len(changes) > 1 and changes[1][1] - i2 <= 3 and changes[1][3] - j2 <= 3:  # two words swapped, say
        op, i2, j2 = "replace", changes[1][2], changes[1][4]
    # Missing words are reported where they should be: after the last word still there.
    at = j1 - 1 if op == "delete" and j1 > 0 else min(j1, len(spots) - 1)
    lineno, where = spots[at] if spots else (1, "document")
    original_line = expected_spots[min(i1, len(expected_spots) - 1)][1] if expected_spots else 1
    before = " ".join(expected[max(0, i1 - context) : i1])
    found, wanted = shortened(actual[j1:j2]), shortened(expected[i1:i2])
    raise SourceError(
        french.path,
        lineno,
        where,
        f"French text differs from the original ({original_path}:{original_line}) after '…{before}': "
        f"expected {wanted or '(nothing)'!r}, found {found or '(nothing)'!r}; "
        "the French must be the original's words in the original's order",
    )


# Elements that separate words; inline ones (<sup>, <abbr>, <a>) do not.
BLOCK_ELEMENTS = ("p", "li", "ul", "ol", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table")


def reader_text(html: str) -> str:
    """The text a reader sees in a piece of HTML, without what the edition adds (class 'ed')."""
    from lxml import html as lxml_html  # only the build's last check needs it

    root = lxml_html.fragment_fromstring(html, create_parent="div")
    for added in root.xpath('.//*[contains(concat(" ", normalize-space(@class), " "), " ed ")]'):
        added.drop_tree()
    for element in root.iter(*BLOCK_ELEMENTS):
        element.text = " " + (element.text or "")
        element.tail = " " + (element.tail or "")
    return root.text_content()


def check_published_page(page_html: str, page_path: str, original: str, original_path: str) -> None:
    """The French words of the built full-text page equal the original's: the sources were
    checked, this checks that no rendering step changed, lost or hid a word."""
    from lxml import html as lxml_html

    articles = lxml_html.document_fromstring(page_html).xpath("//article")
    if not articles:
        raise ValueError(f"{page_path}: no <article> in the page; the theme's markup changed")
    published = tokens(reader_text(lxml_html.tostring(articles[0], encoding="unicode")))
    difference = first_difference(original_tokens(original), published)
    if difference:
        raise ValueError(
            f"{page_path}: the published French differs from {original_path}: {difference}; "
            "the sources passed the check, so a rendering step changed the text: fix it before publishing"
        )
