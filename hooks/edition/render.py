"""Render the document model into page files (Markdown with HTML blocks), one set per language.

Every page is a pure function of the documents, the labels and an `Enricher` (which turns a
piece of source text into HTML with its links and abbreviations). Words the edition adds are
marked with the class `ed`, so that the document's own words can be told apart in the HTML.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any, Protocol

from . import urls
from .cite import Citable, head_metadata
from .fidelity import TAG, number_label
from .model import Document, Provision, Section, Unit


class Enricher(Protocol):
    """Turns a piece of source text into HTML (links to entities, explained acronyms)."""

    def enrich(self, text: str, page_url: str, heading: bool = False) -> str: ...


class Plain:
    def enrich(self, text: str, page_url: str, heading: bool = False) -> str:
        return text


# Search ranks the provisions above the pages that list or describe them.
SEARCH_BOOST = {"provision": 4.0, "contents": 0.3, "entity": 0.05}


@dataclass
class Page:
    """One page of one language: its URL, its metadata (front matter) and its body."""

    url: str
    title: str
    body: str
    meta: dict = field(default_factory=dict)

    def file_text(self) -> str:
        # Front matter written as JSON values, which YAML reads as they are: a YAML dumper
        # spends most of a long document's build on quoting the HTML held in meta.
        meta = {"title": self.title, **self.meta}
        front = "".join(f"{key}: {json.dumps(meta[key], ensure_ascii=False)}\n" for key in sorted(meta))
        return f"---\n{front}---\n\n{self.body}\n"


@dataclass
class Context:
    """What every page of one language needs to know."""

    doc: Document
    labels: dict[str, Any]
    enricher: Enricher = field(default_factory=Plain)
    site_url: str = "https://example.org/"
    citables: dict[str, Citable] = field(default_factory=dict)  # page url -> what to cite

    @property
    def lang(self) -> str:
        return self.doc.lang

    def text(self, text: str, page_url: str) -> str:
        return self.enricher.enrich(text, page_url)

    def heading(self, text: str, page_url: str) -> str:
        """Headings get abbreviations but no links."""
        return self.enricher.enrich(text, page_url, heading=True)


def colon(lang: str) -> str:
    """French typography puts a (non-breaking) space before a colon or semicolon."""
    return "\u00a0:" if lang == "fr" else ":"


def semicolon(lang: str) -> str:
    return "\u00a0;" if lang == "fr" else ";"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def strip_tags(text: str) -> str:
    return TAG.sub("", text)


def link(page_url: str, to_url: str, text: str, **attrs: str) -> str:
    extra = "".join(f' {k.rstrip("_").replace("_", "-")}="{esc(v)}"' for k, v in attrs.items())
    return f'<a href="{esc(urls.relative(page_url, to_url))}"{extra}>{text}</a>'


def permalink(ctx: Context, anchor: str) -> str:
    return (
        f'<a class="ed permalink" href="#{anchor}" '
        f'title="{esc(ctx.labels["permalink"])}" aria-label="{esc(ctx.labels["permalink"])}">¶</a>'
    )


# ---------------------------------------------------------------- titles


def provision_heading(provision: Provision) -> str:
    """The provision's number and title as the document prints them."""
    label = number_label(provision.number)
    return f"{label} {provision.title}".strip()


def provision_title(ctx: Context, provision: Provision) -> str:
    """Page title: 'Paragraphe 16.3.2 — Dimension économique' (edition label + document words)."""
    kind = provision.kind_label(ctx.labels)
    title = provision.title.rstrip(".")
    return f"{kind} {provision.number}" + (f" — {strip_tags(title)}" if title else "")


def excerpt(text: str, words: int = 14) -> str:
    parts = strip_tags(text).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def provision_summary(provision: Provision) -> str:
    """A line for lists: the title, or for untitled paragraphs the first words of the text."""
    if provision.title:
        return provision.title
    return excerpt(provision.units[0].text) if provision.units else ""


# ---------------------------------------------------------------- shared pieces


def crumbs(ctx: Context, page_url: str, trail: list[tuple[str, str]]) -> str:
    items = [link(page_url, urls.HOME, esc(ctx.labels["document"]))]
    items += [link(page_url, url, esc(title)) for title, url in trail]
    lis = "".join(f"<li>{item}</li>" for item in items)
    label = esc(ctx.labels["breadcrumbs"])
    return f'<nav class="ed crumbs" aria-label="{label}" data-search-exclude><ol>{lis}</ol></nav>'


def provision_trail(ctx: Context, provision: Provision) -> list[tuple[str, str]]:
    doc = ctx.doc
    part = doc.part_of(provision.number)
    trail = [(ctx.labels["plan"], urls.PLAN), (part.title, urls.part(part.slug))]
    ancestors = []
    number = provision.parent
    while number:
        ancestors.insert(0, doc.provisions[number])
        number = doc.provisions[number].parent
    trail += [(provision_title(ctx, a), urls.provision(a.number)) for a in ancestors]
    return trail


def units_html(ctx: Context, units: list[Unit], page_url: str) -> str:
    """Paragraphs and indents, each with its anchor and a visible permalink."""
    out: list[str] = []
    in_list = False
    for unit in units:
        body = ctx.text(unit.text, page_url) + " " + permalink(ctx, unit.anchor)
        if unit.kind == "item":
            if not in_list:
                out.append('<ul class="indents">')
                in_list = True
            out.append(f'<li id="{unit.anchor}" class="unit">{body}</li>')
        else:
            if in_list:
                out.append("</ul>")
                in_list = False
            out.append(f'<p id="{unit.anchor}" class="unit">{body}</p>')
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def pager(ctx: Context, page_url: str, previous: Provision | None, following: Provision | None) -> str:
    """Links to the previous and next provision, in document order."""

    def cell(provision: Provision | None, rel: str, before: str, after: str) -> str:
        if provision is None:
            return ""
        title = esc(provision_title(ctx, provision))
        a = link(page_url, urls.provision(provision.number), title, rel=rel)
        return f'<span class="{rel}">{before}{esc(ctx.labels[rel])}{colon(ctx.lang)} {a}{after}</span>'

    cells = cell(previous, "prev", "← ", "") + cell(following, "next", "", " →")
    return f'<nav class="ed pager" aria-label="{esc(ctx.labels["provisions"])}" data-search-exclude>{cells}</nav>'


def part_box(ctx: Context, page_url: str, part_slug: str) -> str:
    """The table of contents of one part, for the sidebar: bounded by the part's size."""
    doc = ctx.doc
    part = doc.part_by_slug[part_slug]
    index = doc.part_position[part_slug]
    items = []
    for number in part.provisions:
        provision = doc.provisions[number]
        url = urls.provision(number)
        current = ' aria-current="page"' if url == page_url else ""
        text = esc(strip_tags(provision_heading(provision) if provision.title else number_label(number)))
        items.append(
            f'<li class="depth-{provision.depth}">'
            f'<a href="{esc(urls.relative(page_url, url))}"{current}>{text}</a></li>'
        )
    around = []
    if index > 0:
        before = doc.parts[index - 1]
        around.append(f"<li>← {link(page_url, urls.part(before.slug), esc(before.title))}</li>")
    if index + 1 < len(doc.parts):
        after = doc.parts[index + 1]
        around.append(f"<li>{link(page_url, urls.part(after.slug), esc(after.title))} →</li>")
    return (
        f'<nav class="ed part-box" aria-label="{esc(ctx.labels["in_this_part"])}">'
        f'<p class="part-box__title">{esc(ctx.labels["in_this_part"])}{colon(ctx.lang)} '
        + link(page_url, urls.part(part.slug), esc(part.title))
        + "</p>"
        f'<ul class="part-box__list">{"".join(items)}</ul>'
        f'<ul class="part-box__around">{"".join(around)}</ul></nav>'
    )


def cite_box(ctx: Context, page_url: str) -> str:
    """Permanent URL, ready citation, copy buttons and the reference's downloads."""
    item = ctx.citables.get(page_url)
    if item is None:
        return ""
    labels = ctx.labels
    url = urls.absolute(ctx.site_url, ctx.lang, page_url)

    def copy(target: str) -> str:
        return (
            f'<button class="md-clipboard md-icon cite-copy" type="button" data-clipboard-target="#{target}" '
            f'title="{esc(labels["copy"])}" aria-label="{esc(labels["copy"])}"></button>'
        )

    downloads = " · ".join(
        f'<a href="{item.slug}.{ext}" download>{name}</a>'
        for ext, name in (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))
    )
    return (
        f'<aside class="ed cite-box" aria-labelledby="cite-box-title" data-search-exclude>'
        f'<p id="cite-box-title" class="cite-box__title">{esc(labels["cite_box"])}</p><dl>'
        f'<dt>{esc(labels["cite_url"])}</dt><dd><code id="cite-url">{esc(url)}</code> {copy("cite-url")}</dd>'
        f"<dt>{esc(labels['cite_text'])}</dt>"
        f'<dd><span id="cite-text">{esc(item.citation)}</span> {copy("cite-text")}</dd>'
        f"<dt>{esc(labels['download'])}</dt><dd>{downloads}</dd></dl></aside>"
    )


def with_citation(ctx: Context, page: Page) -> Page:
    """Add the cite box and the <head> metadata to a citable page."""
    item = ctx.citables.get(page.url)
    if item is None:
        return page
    page.body += "\n\n" + cite_box(ctx, page.url)
    page.meta["head"] = head_metadata(item, ctx.site_url, page.meta.get("description", ""))
    return page


def translation_note(ctx: Context) -> str:
    if ctx.lang == "fr":
        return (
            f'<p class="ed official-note" data-search-exclude>{esc(ctx.labels["official_text"])} '
            '<a href="https://undocs.org/fr/S/2003/85">S/2003/85</a> '
            '(<a href="https://www.nato.int/docu/fonda/b021122f.htm">OTAN</a>).</p>'
        )
    return f'<p class="ed translation-note" data-search-exclude>{ctx.labels["translation_note"]}</p>'


def description_of(text: str) -> str:
    return excerpt(text, 30)


# ---------------------------------------------------------------- pages


def provision_page(ctx: Context, provision: Provision) -> Page:
    doc = ctx.doc
    url = urls.provision(provision.number)
    previous, following = doc.neighbours(provision.number)
    heading = provision.title and ctx.heading(provision.title, url)
    number = esc(number_label(provision.number))
    kind = provision.kind_label(ctx.labels)
    h1 = (
        f'<h1 id="{provision.anchor}"><span class="ed">{esc(kind)}</span> '
        f'<span class="num">{number}</span> {heading}</h1>'
    )
    body = [crumbs(ctx, url, provision_trail(ctx, provision)), h1]
    body.append(f'<div class="provision-text" lang="{ctx.lang}">\n{units_html(ctx, provision.units, url)}\n</div>')
    children = doc.children(provision.number)
    if children:
        lis = "".join(
            f"<li>{link(url, urls.provision(c.number), esc(strip_tags(provision_heading(c))))}</li>" for c in children
        )
        body.append(f'<ul class="ed children" data-search-exclude>{lis}</ul>')
    body.append(pager(ctx, url, previous, following))
    body.append(translation_note(ctx))
    text_for_description = provision.units[0].text if provision.units else provision.title
    return Page(
        url,
        provision_title(ctx, provision),
        "\n\n".join(body),
        {
            "description": description_of(text_for_description),
            "sidebar": part_box(ctx, url, provision.part),
            "provision": provision.number,
            "search": {"boost": SEARCH_BOOST["provision"]},
        },
    )


def part_page(ctx: Context, slug: str) -> Page:
    doc = ctx.doc
    part = doc.part_by_slug[slug]
    url = urls.part(slug)
    items = []
    for number in part.provisions:
        provision = doc.provisions[number]
        summary = esc(strip_tags(provision_summary(provision)))
        items.append(
            f'<li class="depth-{provision.depth}">'
            + link(url, urls.provision(number), f'<span class="num">{esc(number_label(number))}</span> {summary}')
            + "</li>"
        )
    body = [
        crumbs(ctx, url, [(ctx.labels["plan"], urls.PLAN)]),
        f'<h1 id="part-{slug}">{esc(part.title)}</h1>',
        f'<ul class="ed provision-list" data-search-exclude>{"".join(items)}</ul>',
        translation_note(ctx),
    ]
    return Page(
        url,
        part.title,
        "\n\n".join(body),
        {"description": f"{ctx.labels['plan']} — {part.title}", "sidebar": part_box(ctx, url, slug)},
    )


def section_body(ctx: Context, section: Section, url: str, heading: int = 1) -> list[str]:
    """A letter or the Plan's front matter: label, title, original language, text, signature."""
    out = []
    if section.label:
        out.append(f'<p class="doc-label">{ctx.heading(section.label, url)}</p>')
    out.append(f'<h{heading} id="{section.key}">{ctx.heading(section.title, url)}</h{heading}>')
    if section.original:
        out.append(f'<p class="doc-original">{esc(section.original)}</p>')
    if section.units:
        out.append(f'<div class="letter-text" lang="{ctx.lang}">\n{units_html(ctx, section.units, url)}\n</div>')
    if section.signature:
        out.append(f'<p id="{section.key}-signature" class="signature">{ctx.text(section.signature, url)}</p>')
    return out


def letter_page(ctx: Context, key: str) -> Page:
    section = getattr(ctx.doc, key)
    url = urls.LETTER if key == "letter" else urls.ANNEX
    body = [crumbs(ctx, url, [])] + section_body(ctx, section, url) + [translation_note(ctx)]
    return Page(url, ctx.labels[key], "\n\n".join(body), {"description": description_of(section.title)})


def contents_tree(ctx: Context, page_url: str, anchors: bool = False) -> str:
    """The document's table of contents: letters, the Plan, its parts and every provision."""
    doc = ctx.doc

    def target(url: str, anchor: str) -> str:
        return urls.relative(page_url, f"{urls.FULL_TEXT}#{anchor}" if anchors else url)

    def a(url: str, anchor: str, text: str) -> str:
        return f'<a href="{esc(target(url, anchor))}">{text}</a>'

    parts = []
    for part in doc.parts:
        lis = []
        for number in part.provisions:
            provision = doc.provisions[number]
            text = (
                f'<span class="num">{esc(number_label(number))}</span> {esc(strip_tags(provision_summary(provision)))}'
            )
            lis.append(f'<li class="depth-{provision.depth}">{a(urls.provision(number), provision.anchor, text)}</li>')
        parts.append(f"<li>{a(urls.part(part.slug), 'part-' + part.slug, esc(part.title))}<ul>{''.join(lis)}</ul></li>")
    return (
        '<div data-search-exclude><ul class="ed contents">'
        f"<li>{a(urls.LETTER, 'letter', esc(ctx.labels['letter']))}</li>"
        f"<li>{a(urls.ANNEX, 'annex', esc(ctx.labels['annex']))}</li>"
        f"<li>{a(urls.PLAN, 'plan', esc(ctx.labels['plan']))}<ul>{''.join(parts)}</ul></li>"
        "</ul></div>"  # data-search-exclude on the nested list itself would confuse Material's parser
    )


def plan_page(ctx: Context) -> Page:
    url = urls.PLAN
    body = [crumbs(ctx, url, [])] + section_body(ctx, ctx.doc.plan, url)
    body.append(contents_tree(ctx, url).replace('class="ed contents"', 'class="ed contents plan-contents"', 1))
    body.append(translation_note(ctx))
    return Page(url, ctx.labels["plan"], "\n\n".join(body), {"description": ctx.labels["plan"]})


def home_page(ctx: Context, extra_links: list[tuple[str, str]]) -> Page:
    doc, labels = ctx.doc, ctx.labels
    masthead = doc.masthead
    rows = [
        (labels["symbol"], "S/2003/85"),
        (labels["organ"], esc(masthead.get("organ", ""))),
        (labels["distributed"], f"{esc(masthead.get('distribution', ''))}, {esc(masthead.get('date', ''))}"),
        (labels["sender"], esc(labels["sg_un"])),
        (labels["addressee"], esc(labels["president_sc"])),
        (
            labels["original_languages"],
            (semicolon(ctx.lang) + " ").join(
                esc(text) for text in (masthead.get("original", ""), doc.annex.original, doc.plan.original)
            ),
        ),
    ]
    table = "\n".join(f'<tr><th scope="row">{esc(k)}</th> <td>{v}</td></tr>' for k, v in rows)  # spaces: search text
    more = "".join(f"<li>{link(urls.HOME, url, esc(text))}</li>" for text, url in extra_links)
    body = [
        f'<h1 id="s-2003-85">S/2003/85 — {esc(labels["plan"])}</h1>',
        f'<table class="ed identity"><tbody>{table}</tbody></table>',
        translation_note(ctx),
        f'<h2 id="contents">{esc(labels["contents"])}</h2>',
        contents_tree(ctx, urls.HOME),
        f'<ul class="ed more">{more}</ul>',
    ]
    meta = {"description": labels["site_name"], "search": {"boost": SEARCH_BOOST["contents"]}}
    return Page(urls.HOME, labels["home"], "\n\n".join(body), meta)


def full_text_page(ctx: Context) -> Page:
    """The whole document on one page, with the same anchors as the single pages."""
    doc, url = ctx.doc, urls.FULL_TEXT
    m = doc.masthead
    out = [
        f'<h1 id="full-text"><span class="ed">{esc(ctx.labels["full_text"])}</span></h1>',
        '<div class="masthead">'
        f'<p class="organ">{esc(m.get("organ", ""))}</p>'
        f"<p>{esc(m.get('distribution', ''))}<br>{esc(m.get('date', ''))}</p>"
        f"<p>{esc(m.get('original', ''))}</p></div>",
    ]
    out += section_body(ctx, doc.letter, url, heading=2)
    out += section_body(ctx, doc.annex, url, heading=2)
    out += section_body(ctx, doc.plan, url, heading=2)
    for part in doc.parts:
        out.append(f'<h3 id="part-{part.slug}">{esc(part.title)}</h3>')
        for number in part.provisions:
            provision = doc.provisions[number]
            num = f'<span class="num">{esc(number_label(number))}</span>'
            if provision.depth == 1:
                out.append(f'<h4 id="{provision.anchor}">{num} {ctx.heading(provision.title, url)}</h4>')
                continue
            title = f" <strong>{ctx.heading(provision.title, url)}</strong>" if provision.title else ""
            units = units_html(ctx, provision.units, url)
            # The number (and title) open the provision's first paragraph, as in the printed text.
            units = units.replace('class="unit">', f'class="unit">{num}{title} ', 1)
            out.append(f'<div id="{provision.anchor}" class="provision">\n{units}\n</div>')
    out.append(translation_note(ctx))
    # Every provision has its own page in the index: the whole text would only repeat them.
    meta = {"description": ctx.labels["site_name"], "search": {"exclude": True}}
    return Page(url, ctx.labels["full_text"], "\n\n".join(out), meta)


def document_pages(ctx: Context, extra_links: list[tuple[str, str]]) -> list[Page]:
    """Every page that comes from the document itself, for one language."""
    doc = ctx.doc
    pages = [home_page(ctx, extra_links), letter_page(ctx, "letter"), letter_page(ctx, "annex"), plan_page(ctx)]
    pages += [part_page(ctx, part.slug) for part in doc.parts]
    pages += [provision_page(ctx, provision) for provision in doc.ordered()]
    pages = [with_citation(ctx, page) for page in pages]
    pages.append(full_text_page(ctx))
    return pages
