"""The table of contents of a page the edition renders, from its headings.

MkDocs makes a page's table of contents (the right-hand column) from the Markdown headings it
parses. The edition's pages are HTML, which skips Markdown (hooks/pages.py), so a long page, the
full text, would have none: this reads its headings (<h1> to <h4> with an id) into the tokens
Python-Markdown's toc extension gives MkDocs, nested by level."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import TypedDict

from markupsafe import escape

DEEPEST = 4  # sections (16.1 to 16.5) are <h4> on the full text; paragraphs are not headings


class Token(TypedDict):
    level: int
    id: str
    name: str  # HTML, as MkDocs expects it (the theme writes it as it is): the heading's text, escaped
    children: list[Token]


class Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []  # level, id, text
        self.current: tuple[int, str] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456" and int(tag[1]) <= DEEPEST:
            ident = dict(attrs).get("id")
            if ident:
                self.current, self.text = (int(tag[1]), ident), []

    def handle_endtag(self, tag: str) -> None:
        if self.current and tag == f"h{self.current[0]}":
            self.found.append((*self.current, " ".join("".join(self.text).split())))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current:
            self.text.append(data)


def toc_tokens(html: str) -> list[Token]:
    """The headings of a page body, nested: each under the nearest heading of a higher level."""
    parser = Headings()
    parser.feed(html)
    parser.close()
    roots: list[Token] = []
    open_tokens: list[Token] = []  # the last token of each level above the current one
    for level, ident, name in parser.found:
        token: Token = {"level": level, "id": str(escape(ident)), "name": str(escape(name)), "children": []}
        while open_tokens and open_tokens[-1]["level"] >= level:
            open_tokens.pop()
        (open_tokens[-1]["children"] if open_tokens else roots).append(token)
        open_tokens.append(token)
    return roots
