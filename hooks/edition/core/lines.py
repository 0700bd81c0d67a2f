"""A file's lines as an editor numbers them.

str.splitlines also breaks at U+2028, U+2029, form feeds, vertical tabs and other separators,
which would shift every later line number in a message: a source's lines end at "\n" only (with
an optional "\r" before it), and the characters check names any other separator where it stands.
"""

from __future__ import annotations


def source_lines(text: str) -> list[str]:
    """The lines of a text, split at line feeds only ("\r\n" too), without their ends."""
    if not text:
        return []
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line.removesuffix("\r") for line in lines]
