"""The hand-written pages (docs/*.md) held to a markup allow-list, as the sources are.

Python-Markdown passes raw HTML through, and attr_list lets `{onclick=...}` put any attribute on
an element: what a hand-written page becomes is checked once it is HTML, so that no route
(raw HTML, an attribute list, a link) publishes a script, an event handler, a style, a frame or a
`javascript:` address. The message names the page's line that holds the refused markup.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from edition.core.lines import source_lines
from edition.sources.parse import SourceError

# What Python-Markdown and the configured extensions (abbr, attr_list, toc, superfences) make,
# and what the outputs' listings hold.
ELEMENTS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "ul", "ol", "li", "em", "strong", "code", "pre", "blockquote",
    "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "abbr", "sup", "sub", "div", "span", "dl", "dt", "dd",
    "kbd", "del", "ins", "mark", "small", "caption", "colgroup", "col",
}  # fmt: skip
# `type`: a link's media type (the PDF's, in the How to cite page's listing).
ATTRIBUTES = {
    "id",
    "class",
    "href",
    "title",
    "lang",
    "hreflang",
    "colspan",
    "rowspan",
    "start",
    "align",
    "download",
    "type",
}
URL_ATTRIBUTES = {"href"}
SCHEMES = {"", "http", "https", "mailto"}
ALLOWED_TEXT = "Markdown, with links to http(s), mailto or the site's own pages, and attributes id, class, title, lang"


def line_of(markdown: str, needles: list[str]) -> int:
    """The first line of the page's Markdown holding one of the needles (1 if none)."""
    for needle in needles:
        for number, line in enumerate(source_lines(markdown), start=1):
            if needle and needle.lower() in line.lower():
                return number
    return 1


# Material writes a page's title and its front matter's texts unescaped, in <title> and in
# attributes: they hold none of these.
UNSAFE_IN_THEME = '<>"&`'


def check_theme_strings(title: str, meta: dict, markdown: str, path: str) -> None:
    """The page's title (its front matter's or its first heading's) and its front matter's texts,
    which the theme writes unescaped, hold no character that would end an element or attribute."""
    named = [(f"{key}:", value) for key, value in meta.items() if isinstance(value, str)]
    for needle, value in [*named, ("# ", title or "")]:
        if bad := next((char for char in value if char in UNSAFE_IN_THEME), None):
            raise SourceError(
                path,
                line_of(markdown, [needle, value[:30]]),
                "hand-written page",
                f"the title or front matter text {value[:60]!r} holds {bad!r}, which the theme writes unescaped; "
                'write it without <, >, ", & and ` (typographic quotes « » “ ” are fine)',
            )


def check_handwritten(html: str, markdown: str, path: str) -> None:
    """Raise SourceError at the first element, attribute or address outside the allow-list."""
    from lxml import html as lxml_html  # the build's hand-written pages only

    if not html.strip():
        return
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    for element in root.iter():
        if not isinstance(element.tag, str):  # a comment or a processing instruction
            text = str(element)
            if element.tag is lxml_html.HtmlComment and not re.match(r"<!-- output: [a-z-]+ -->$", text):
                raise SourceError(
                    path,
                    line_of(markdown, ["<!--"]),
                    "hand-written page",
                    "an HTML comment is published in the page's source; remove it (only <!-- output: NAME --> lines "
                    "are read)",
                )
            continue
        if element is root:
            continue
        if element.tag not in ELEMENTS:
            raise SourceError(
                path,
                line_of(markdown, [f"<{element.tag}"]),
                "hand-written page",
                f"markup <{element.tag}> is not allowed; write {ALLOWED_TEXT}",
            )
        for name, value in element.attrib.items():
            if name not in ATTRIBUTES:
                raise SourceError(
                    path,
                    line_of(markdown, [f"{name}=", name]),
                    "hand-written page",
                    f"attribute '{name}' on <{element.tag}> is not allowed; write {ALLOWED_TEXT}",
                )
            if name in URL_ATTRIBUTES and urlsplit(value.strip()).scheme.lower() not in SCHEMES:
                raise SourceError(
                    path,
                    line_of(markdown, [value.strip()[:40], "]("]),
                    "hand-written page",
                    f"address '{value[:60]}' is not allowed; link to an http(s) or mailto address, or to a page",
                )
