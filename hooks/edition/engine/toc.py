"""The right-hand table of contents of a page the edition renders (it skips Python-Markdown, which
would have made it), in MkDocs' own structure (mkdocs.structure.toc)."""

from __future__ import annotations

from mkdocs.structure.toc import TableOfContents, get_toc

from edition.pages.contents import toc_tokens


def table_of_contents(html: str) -> TableOfContents:
    return get_toc(toc_tokens(html))
