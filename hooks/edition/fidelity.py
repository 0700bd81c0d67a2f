"""Compare the published French words with the original's, in order.

A token is a word or a single punctuation mark, so a lost comma counts as much as a lost word.
Markup and whitespace are not compared.
"""

from __future__ import annotations

import difflib
import re

from .model import Document

TAG = re.compile(r"<[^>]+>")
TOKEN = re.compile(r"\w+|[^\w\s]")
MARKDOWN_LINE = re.compile(r"^\s*(#+\s*|-\s+)")


def tokens(text: str) -> list[str]:
    return TOKEN.findall(TAG.sub("", text))


def original_tokens(markdown: str) -> list[str]:
    """Tokens of the original conversion, without its Markdown (headings, bold, bullets, rules)."""
    out: list[str] = []
    for line in markdown.splitlines():
        if line.strip() == "---":
            continue
        line = MARKDOWN_LINE.sub("", line).replace("**", "").replace("*", "")
        out.extend(tokens(line))
    return out


def number_label(number: str) -> str:
    """How the document prints a provision number: '16.' for paragraphs, '16.3.2' below."""
    return number + "." if "." not in number else number


def published_texts(doc: Document) -> list[str]:
    """Every piece of the document's own text, in reading order (edition labels excluded)."""
    out = [doc.masthead[k] for k in ("organ", "distribution", "date", "original") if k in doc.masthead]
    for section in (doc.letter, doc.annex, doc.plan):
        out += [section.label, section.title, section.original]
        out += [unit.text for unit in section.units]
        out.append(section.signature)
    for part in doc.parts:
        out.append(part.title)
        for number in part.provisions:
            provision = doc.provisions[number]
            out += [number_label(number), provision.title]
            out += [unit.text for unit in provision.units]
    return [text for text in out if text]


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
