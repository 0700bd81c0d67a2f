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

from . import urls
from .fidelity import number_label
from .identity import Identity
from .inline import to_html
from .model import DEFAULT_LANG, Document, Section, Unit
from .render import MASTHEAD, SectionText, TextUnit, excerpt
from .templates import render
from .tree import Node, doc_section, masthead_of, own_units


def pdf_path(identity: Identity, lang: str) -> str:
    """The PDF of a language, at the site root: data/s-2003-85.fr.pdf."""
    return f"data/{identity.slug}.{lang}.pdf"


STYLESHEET = Path(__file__).with_name("pdf.css")


def css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def pdf_units(units: list[Unit]) -> list[TextUnit]:
    """Paragraphs and indents: the source's allowed inline markup (<sup>); anything else escaped."""
    return [TextUnit(unit.anchor, unit.kind, to_html(unit.text)) for unit in units]


def pdf_section(section: Section) -> SectionText:
    return SectionText(
        section.key,
        to_html(section.label),
        to_html(section.title),
        section.original,
        pdf_units(section.units),
        section.signature,
    )


def contents(doc: Document, labels: dict) -> list[tuple[int, str, str, str | Markup]]:
    """After the document, the edition's table of contents: depth, anchor, number, text."""
    items: list[tuple[int, str, str, str | Markup]] = [(0, c.block, "", labels[c.label]) for c in doc.shape]
    for part in doc.parts:
        items.append((1, f"part-{part.slug}", "", to_html(part.title)))
        for number in part.provisions:
            provision = doc.provisions[number]
            # an untitled paragraph: its first words
            summary = to_html(provision.title) if provision.title else excerpt(provision.units[0].text, 8)
            items.append((2, provision.anchor, number, summary))
    return items


def document_html(doc: Document, tree: Node, labels: dict, site_url: str) -> str:
    """The whole document as one HTML page for WeasyPrint, its text from the document's tree."""
    identity = doc.identity
    note = labels["pdf_note"]
    address = urls.absolute(site_url, doc.lang, "")
    foot = css_string((note if doc.lang != DEFAULT_LANG else labels["official_label"]) + " " + address)
    css = STYLESHEET.read_text(encoding="utf-8") + f"\n@page {{ @bottom-center {{ content: {foot}; }} }}\n"
    nodes = {node.number: node for node in tree.walk() if node.number}
    masthead = masthead_of(tree)
    parts = []
    for part in doc.parts:
        provisions = []
        for number in part.provisions:
            provision = doc.provisions[number]
            bookmark = (
                f"{number_label(number)} {provision.title}"
                if provision.title
                else f"{doc.kind_label(provision, labels)} {number}"
            )
            provisions.append(
                {
                    "anchor": provision.anchor,
                    "number": number,
                    "depth": provision.depth,
                    "title": to_html(provision.title),
                    "bookmark": bookmark,
                    "text_units": pdf_units(own_units(nodes[number])),
                }
            )
        parts.append({"slug": part.slug, "title": part.title, "provisions": provisions})
    return render(
        "pdf.html",
        lang=doc.lang,
        title=f"{identity.symbol} — {labels[doc.holder.label]}",
        author=labels["cite_publisher"],
        keywords=", ".join(identity.keywords[doc.lang]),
        note=note,
        css=Markup(css),  # the edition's stylesheet; the foot's text quoted by css_string
        translation=doc.lang != DEFAULT_LANG,
        masthead={key: masthead.get(key, "") for key in MASTHEAD},
        sections=[pdf_section(doc_section(node)) for node in tree.walk() if node.kind == "doc"],
        holder=doc.holder.block,
        parts=parts,
        labels=labels,
        contents=contents(doc, labels),
        address=address,
    )


def render_pdf(html: str, identifier: bytes) -> bytes:
    """WeasyPrint, fetching nothing from the network. A fixed identifier keeps the file the same
    from one build to the next."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"file", "data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf(pdf_identifier=identifier)


def pdf_files(
    docs: dict[str, Document], trees: dict[str, Node], labels: dict[str, dict], site_url: str
) -> dict[str, bytes]:
    """Path in the built site -> the PDF of each language."""
    return {
        pdf_path(doc.identity, lang): render_pdf(
            document_html(doc, trees[lang], labels[lang], site_url), f"{doc.identity.slug}-{lang}".encode()
        )
        for lang, doc in docs.items()
    }
