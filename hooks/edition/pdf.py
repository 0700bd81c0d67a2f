"""A PDF of each language, made by WeasyPrint from the document model: A4, the symbol and the page
number in the running header, paragraph numbers as the document prints them, a destination named
after every anchor of the site (s-2003-85.fr.pdf#p-16-3-2 opens at 16.3.2), an outline of the
letters, parts and provisions, title, language and author metadata, and after the document the
edition's contents with live links. The English one says on its first page, and at the foot of
every page, that it is this edition's translation.

WeasyPrint fetches nothing: the HTML holds its stylesheet, fonts come from the machine, and the
URL fetcher refuses every scheme but file: and data:.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from . import urls
from .fidelity import number_label
from .inline import to_html
from .model import DEFAULT_LANG, Document, Section, Unit
from .render import excerpt

PDF = {"fr": "data/s-2003-85.fr.pdf", "en": "data/s-2003-85.en.pdf"}  # at the site root
STYLESHEET = Path(__file__).with_name("pdf.css")


def css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


NOTHING = Markup("")


def units_html(units: list[Unit], first_prefix: Markup = NOTHING) -> Markup:
    """Paragraphs and indents with their anchors; `first_prefix` opens the first one (a number)."""
    out: list[Markup] = []
    in_list = False
    for index, unit in enumerate(units):
        text = to_html(unit.text)  # the source's allowed inline markup (<sup>); anything else escaped
        if index == 0 and first_prefix:
            text = Markup("{} {}").format(first_prefix, text)
        if unit.kind == "item":
            if not in_list:
                out.append(Markup("<ul>"))
                in_list = True
            out.append(Markup('<li id="{}">{}</li>').format(unit.anchor, text))
        else:
            if in_list:
                out.append(Markup("</ul>"))
                in_list = False
            out.append(Markup('<p id="{}">{}</p>').format(unit.anchor, text))
    if in_list:
        out.append(Markup("</ul>"))
    return Markup("\n").join(out)


def section_html(section: Section) -> Markup:
    parts = []
    if section.label:
        parts.append(Markup('<p class="doc-label">{}</p>').format(to_html(section.label)))
    parts.append(Markup('<h1 id="{}">{}</h1>').format(section.key, to_html(section.title)))
    if section.original:
        parts.append(Markup('<p class="doc-original">{}</p>').format(section.original))
    parts.append(units_html(section.units))
    if section.signature:
        parts.append(Markup('<p class="signature" id="{}-signature">{}</p>').format(section.key, section.signature))
    return Markup('<section class="{}">{}</section>').format(section.key, Markup("\n").join(parts))


def plan_html(doc: Document, labels: dict) -> Markup:
    out = [section_html(doc.plan).replace("</section>", "")]
    for part in doc.parts:
        out.append(Markup('<h2 id="part-{}">{}</h2>').format(part.slug, part.title))
        for number in part.provisions:
            provision = doc.provisions[number]
            num = Markup('<span class="num">{}</span>').format(number_label(number))
            if not provision.units:
                out.append(Markup('<h3 id="{}">{} {}</h3>').format(provision.anchor, num, to_html(provision.title)))
                continue
            title = Markup(" <strong>{}</strong>").format(to_html(provision.title)) if provision.title else ""
            bookmark = (
                f"{number_label(number)} {provision.title}" if provision.title else f"{labels['paragraph']} {number}"
            )
            out.append(
                Markup('<div class="provision depth-{}" id="{}" data-bookmark="{}">{}</div>').format(
                    provision.depth, provision.anchor, bookmark, units_html(provision.units, num + title)
                )
            )
    out.append(Markup("</section>"))
    return Markup("\n").join(out)


def contents_html(doc: Document, labels: dict, site_url: str) -> Markup:
    """After the document: the edition's table of contents (live links, page numbers) and note."""

    def item(anchor: str, text: str, depth: int = 0) -> Markup:
        return Markup('<li class="depth-{}"><a href="#{}">{}</a></li>').format(depth, anchor, Markup(text))

    items = [item("letter", labels["letter"]), item("annex", labels["annex"]), item("plan", labels["plan"])]
    for part in doc.parts:
        items.append(item(f"part-{part.slug}", part.title, 1))
        for number in part.provisions:
            provision = doc.provisions[number]
            summary = provision.title or excerpt(provision.units[0].text, 8)  # an untitled paragraph: its first words
            items.append(item(provision.anchor, f"{number_label(number)} {summary}", 2))
    address = urls.absolute(site_url, doc.lang, "")
    return Markup(
        '<div class="end-matter-block"><h1 class="end-matter" id="contents">{}</h1><ul>{}</ul>'
        '<p>{}</p><p><a href="{}">{}</a></p></div>'
    ).format(labels["contents"], Markup("").join(items), labels["pdf_note"], address, address)


def document_html(doc: Document, labels: dict, site_url: str) -> str:
    """The whole document as one HTML page for WeasyPrint."""
    m, identity = doc.masthead, doc.identity
    note = labels["pdf_note"]
    address = urls.absolute(site_url, doc.lang, "")
    foot = css_string((note if doc.lang != DEFAULT_LANG else labels["official_label"]) + " " + address)
    css = STYLESHEET.read_text(encoding="utf-8") + f"\n@page {{ @bottom-center {{ content: {foot}; }} }}\n"
    mark = Markup('<div class="translation-mark">{}</div>').format(note) if doc.lang != DEFAULT_LANG else ""
    body = Markup("\n").join(
        [
            mark,
            Markup('<div class="masthead"><p class="organ">{}</p><p>{}</p><p>{}</p><p>{}</p></div>').format(
                m.get("organ", ""), m.get("distribution", ""), m.get("date", ""), m.get("original", "")
            ),
            section_html(doc.letter),
            section_html(doc.annex),
            plan_html(doc, labels),
            contents_html(doc, labels, site_url),
        ]
    )
    return str(
        Markup(
            '<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
            '<meta name="author" content="{author}"><meta name="description" content="{description}">'
            '<meta name="keywords" content="{keywords}">'
            "<style>{css}</style></head><body>{body}</body></html>"
        ).format(
            lang=doc.lang,
            title=f"{identity.symbol} — {labels['plan']}",
            keywords=", ".join(identity.keywords[doc.lang]),
            author=labels["cite_publisher"],
            description=note,
            css=Markup(css),
            body=body,
        )
    )


def render_pdf(html: str, identifier: bytes) -> bytes:
    """WeasyPrint, fetching nothing from the network. A fixed identifier keeps the file the same
    from one build to the next."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"file", "data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf(pdf_identifier=identifier)


def pdf_files(docs: dict[str, Document], labels: dict[str, dict], site_url: str) -> dict[str, bytes]:
    """Path in the built site -> the PDF of each language."""
    return {
        PDF[lang]: render_pdf(document_html(doc, labels[lang], site_url), f"s-2003-85-{lang}".encode())
        for lang, doc in docs.items()
    }
