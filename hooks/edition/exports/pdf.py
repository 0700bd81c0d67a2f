"""A PDF of each language, made by WeasyPrint from the document model: A4, the symbol and the page
number in the running header, paragraph numbers as the document prints them, a destination named
after every anchor of the site (s-2003-85.fr.pdf#p-16-3-2 opens at 16.3.2), an outline of the
letters, parts and provisions, title, language and author metadata, and after the document the
edition's contents with live links. The English one says on its first page, and at the foot of
every page, that it is this edition's translation.

The HTML comes from the template overrides/edition/pdf.html (autoescaped). WeasyPrint fetches
nothing: the HTML holds its stylesheet, fonts come from the machine, and the
URL fetcher refuses every scheme but file: and data:.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from edition.core import urls
from edition.core.inline import to_html
from edition.core.langs import DEFAULT_LANG, number_label
from edition.core.shape import MASTHEAD_ROLES
from edition.document.passages import Division, Passage, Walk
from edition.pages.render import SectionText, TextUnit, excerpt
from edition.pages.templates import render
from edition.sources.identity import Identity


def pdf_path(identity: Identity, lang: str) -> str:
    """The PDF of a language, at the site root: data/s-2003-85.fr.pdf."""
    return f"data/{identity.slug}.{lang}.pdf"


STYLESHEET = Path(__file__).with_name("pdf.css")


def css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def pdf_units(texts: list[Passage]) -> list[TextUnit]:
    """Paragraphs and indents: the source's allowed inline markup (<sup>); anything else escaped."""
    return [TextUnit(text.anchor, text.role, to_html(text.text)) for text in texts]


def pdf_section(component: Division) -> SectionText:
    return SectionText(
        component.key,
        to_html(component.text_of("label")),
        to_html(component.title),
        component.text_of("original"),
        pdf_units(component.texts()),
        component.text_of("signature"),
    )


def contents(reading: Walk, identity: Identity, labels: dict) -> list[tuple[int, str, str, str | Markup]]:
    """After the document, the edition's table of contents: depth, anchor, number, text."""
    items: list[tuple[int, str, str, str | Markup]] = [(0, c.block, "", labels[c.label]) for c in identity.components]
    for part in reading.parts.values():
        items.append((1, part.anchor, "", to_html(part.title)))
        for provision in reading.held[part.key]:
            # an untitled paragraph: its first words
            summary = to_html(provision.title) if provision.title else excerpt(provision.texts()[0].text, 8)
            items.append((2, provision.anchor, provision.number, summary))
    return items


def document_html(reading: Walk, identity: Identity, labels: dict, site_url: str) -> str:
    """The whole document as one HTML page for WeasyPrint: the walk of the document's tree."""
    lang, holder = reading.lang, identity.holder
    note = labels["pdf_note"]
    address = urls.absolute(site_url, lang, "")
    # the foot of every page: the statement, short enough for one line (pdf_foot), or the official label
    foot = css_string(
        (labels.get("pdf_foot", note) if lang != DEFAULT_LANG else labels["official_label"]) + " " + address
    )
    css = STYLESHEET.read_text(encoding="utf-8") + f"\n@page {{ @bottom-center {{ content: {foot}; }} }}\n"
    parts = []
    for part in reading.parts.values():
        provisions = []
        for provision in reading.held[part.key]:
            number, title = provision.number, provision.title
            kind = labels[holder.level_label(provision.depth)]
            provisions.append(
                {
                    "anchor": provision.anchor,
                    "number": number,
                    "depth": provision.depth,
                    "title": to_html(title),
                    "bookmark": f"{number_label(number)} {title}" if title else f"{kind} {number}",
                    "text_units": pdf_units(provision.texts()),
                }
            )
        parts.append({"slug": part.key, "title": part.title, "provisions": provisions})
    return render(
        "pdf.html",
        lang=lang,
        title=f"{identity.symbol} — {labels[holder.label]}",
        author=labels["cite_publisher"],
        keywords=", ".join(identity.keywords[lang]),
        note=note,
        css=Markup(css),  # the edition's stylesheet; the foot's text quoted by css_string
        translation=lang != DEFAULT_LANG,
        masthead={key: reading.masthead.get(key, "") for key in MASTHEAD_ROLES},
        sections=[pdf_section(component) for component in reading.components.values()],
        holder=holder.block,
        parts=parts,
        labels=labels,
        contents=contents(reading, identity, labels),
        address=address,
    )


def render_pdf(html: str, identifier: bytes) -> bytes:
    """WeasyPrint, fetching nothing from the network. A fixed identifier keeps the file the same
    from one build to the next."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"file", "data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf(pdf_identifier=identifier)


def pdf_files(walks: dict[str, Walk], identity: Identity, labels: dict[str, dict], site_url: str) -> dict[str, bytes]:
    """Path in the built site -> the PDF of each language."""
    return {
        pdf_path(identity, lang): render_pdf(
            document_html(reading, identity, labels[lang], site_url), f"{identity.slug}-{lang}".encode()
        )
        for lang, reading in walks.items()
    }
