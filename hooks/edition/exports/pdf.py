"""A PDF of each language, made by WeasyPrint from the document model: A4, the symbol and the page
number in the running header, paragraph numbers as the document prints them, a destination named
after every anchor of the site (s-2003-85.fr.pdf#p-16-3-2 opens at 16.3.2), an outline of the
letters, parts and provisions, title, language and author metadata, and after the document the
edition's contents with live links. The English one says on its first page, and at the foot of
every page, that it is this edition's translation.

Both are tagged PDF/UA-1 (WeasyPrint's `pdf/ua-1` variant): a structure tree in reading order with
the headings, the document's language, link texts, the title shown instead of the file name
(DisplayDocTitle) and the XMP claim (pdfuaid:part 1); they open on their outline. Their first page
says that this is the edition's typeset text, with its version, not the document the UN issued,
and where the UN's PDF is (first_page_notice).

The HTML comes from the template overrides/edition/pdf.html (autoescaped). WeasyPrint fetches
nothing: the HTML holds its stylesheet, fonts come from the machine, and the
URL fetcher refuses every scheme but file: and data:.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from edition.core import urls
from edition.core.inline import to_html
from edition.core.langs import DEFAULT_LANG, number_label
from edition.core.shape import MASTHEAD_ROLES
from edition.document.passages import Division, Passage, Walk
from edition.pages.render import SectionText, TextUnit, excerpt
from edition.pages.templates import render
from edition.sources.edition import EditionIdentity
from edition.sources.identity import MONTHS, Identity


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


def long_date(date: datetime.date, lang: str) -> str:
    """ "4 décembre 2026", "4 December 2026"."""
    day = "1er" if lang == "fr" and date.day == 1 else str(date.day)
    return f"{day} {MONTHS[lang][date.month - 1]} {date.year}"


@dataclass(frozen=True)
class FirstPageNotice:
    """What the first page says before the document: this is the edition's typeset text, of this
    version, not the document the UN issued (whose pagination differs), and where the UN's PDF is."""

    typeset: str  # the sentence, version and release date filled in
    un_document: str  # the words before the links to the UN's PDF ("" when the identity names none)
    un_links: tuple[tuple[str, str], ...]  # (words: "en français", address), the PDF's own language first


def first_page_notice(identity: Identity, edition: EditionIdentity, labels: dict, lang: str) -> FirstPageNotice:
    typeset = labels["pdf_typeset"].replace("{version}", edition.version)
    typeset = typeset.replace("{released}", long_date(edition.released, lang))
    un = identity.official_versions.get("un", {})
    order = [lang, *(other for other in un if other != lang)]
    links = tuple((labels[f"pdf_un_{other}"], un[other]) for other in order if other in un)
    return FirstPageNotice(typeset, labels["pdf_un_document"] if links else "", links)


def document_html(
    reading: Walk, identity: Identity, labels: dict, site_url: str, edition: EditionIdentity, line: str = ""
) -> str:
    """The whole document as one HTML page for WeasyPrint: the walk of the document's tree.
    `edition`: what the first page's notice says (first_page_notice); `line`: the edition's name,
    version and date (edition_pages.edition_line), in the metadata and after the document, with
    the address."""
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
        notice=first_page_notice(identity, edition, labels, lang),
        edition=line,
    )


VARIANT = "pdf/ua-1"  # tagged: structure tree, language, DisplayDocTitle, the XMP pdfuaid claim


def link_descriptions(reading: Walk, identity: Identity, labels: dict, edition: EditionIdentity) -> dict[str, str]:
    """What each link of the PDF says, by its target (an anchor of the edition's contents, or an
    address): the description of its annotation (/Contents), which a screen reader announces.
    WeasyPrint would give the bare target ("p-16-3-2")."""
    out = {}
    for _depth, anchor, number, text in contents(reading, identity, labels):
        words = Markup(text).striptags() if isinstance(text, Markup) else text
        out[anchor] = f"{number_label(number)} {words}" if number else words
    notice = first_page_notice(identity, edition, labels, reading.lang)
    out |= {address: f"{notice.un_document} {words}, {address}" for words, address in notice.un_links}
    return out


def finisher(descriptions: dict[str, str]):
    """WeasyPrint's last step: the reader opens the PDF on its outline (bookmarks), and each link
    annotation is described by the words it stands for."""
    import pydyf

    def finish(document: object, pdf: pydyf.PDF) -> None:
        pdf.catalog["PageMode"] = "/UseOutlines"
        for item in pdf.objects:
            if isinstance(item, pydyf.Dictionary) and item.get("Subtype") == "/Link" and "Contents" in item:
                target = item["Contents"].string if isinstance(item["Contents"], pydyf.String) else None
                if target in descriptions:
                    item["Contents"] = pydyf.String(descriptions[target])

    return finish


def render_pdf(html: str, identifier: bytes, descriptions: dict[str, str] | None = None) -> bytes:
    """WeasyPrint, fetching nothing from the network. A fixed identifier keeps the file the same
    from one build to the next. `descriptions`: link_descriptions."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"file", "data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        pdf_identifier=identifier, pdf_variant=VARIANT, finisher=finisher(descriptions or {})
    )


def pdf_files(
    walks: dict[str, Walk],
    identity: Identity,
    labels: dict[str, dict],
    site_url: str,
    edition: EditionIdentity,
    editions: dict[str, str] | None = None,
) -> dict[str, bytes]:
    """Path in the built site -> the PDF of each language; `editions`: language -> the edition's
    line (name, version, date)."""
    return {
        pdf_path(identity, lang): render_pdf(
            document_html(reading, identity, labels[lang], site_url, edition, (editions or {}).get(lang, "")),
            f"{identity.slug}-{lang}".encode(),
            link_descriptions(reading, identity, labels[lang], edition),
        )
        for lang, reading in walks.items()
    }
