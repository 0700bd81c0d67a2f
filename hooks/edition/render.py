"""Render the document model into page files (Markdown with HTML blocks), one set per language.

Every page is a pure function of the documents, the labels and an `Enricher` (which turns a
piece of source text into HTML with its links and abbreviations). Words the edition adds are
marked with the class `ed`, so that the document's own words can be told apart in the HTML.

HTML is built with markupsafe: `markup(template, *values)` escapes every value that is not
already `Markup`, so a string from a source file can only reach a page as text. Source text
(which may hold the allowed inline tags, see inline.py) becomes HTML through the enricher or
`inline.to_html`; page titles are plain text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Protocol

from markupsafe import Markup, escape

from . import urls
from .cite import Citable, head_metadata
from .fidelity import number_label
from .inline import plain, to_html
from .model import Document, Provision, Section, Unit


class Enricher(Protocol):
    """Turns a piece of source text into HTML (links to entities, explained acronyms)."""

    def enrich(self, text: str, page_url: str, heading: bool = False) -> Markup: ...


class Plain:
    def enrich(self, text: str, page_url: str, heading: bool = False) -> Markup:
        return to_html(text)


# Search ranks the provisions above the pages that list or describe them.
SEARCH_BOOST = {"provision": 4.0, "contents": 0.3, "entity": 0.05}


@dataclass
class Page:
    """One page of one language: its URL, its metadata (front matter) and its body."""

    url: str
    title: str  # plain text
    body: Markup
    meta: dict = field(default_factory=dict)  # description: text; head, sidebar: Markup

    def file_text(self) -> str:
        # Front matter written as JSON values, which YAML reads as they are: a YAML dumper
        # spends most of a long document's build on quoting the HTML held in meta.
        # The theme writes page.meta.title into the page (<title>, header, navigation) without
        # escaping it: the title is escaped here (as text content, so quotes stay as they are).
        meta = {"title": str(escape(self.title)).replace("&#39;", "'").replace("&#34;", '"'), **self.meta}
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
    quotation_notes: dict[str, Markup] = field(default_factory=dict)  # provision number -> its note

    @property
    def lang(self) -> str:
        return self.doc.lang

    def text(self, text: str, page_url: str) -> Markup:
        return self.enricher.enrich(text, page_url)

    def heading(self, text: str, page_url: str) -> Markup:
        """Headings get abbreviations but no links."""
        return self.enricher.enrich(text, page_url, heading=True)


def colon(lang: str) -> str:
    """French typography puts a (non-breaking) space before a colon or semicolon."""
    return "\u00a0:" if lang == "fr" else ":"


def semicolon(lang: str) -> str:
    return "\u00a0;" if lang == "fr" else ";"


def esc(text: str) -> Markup:
    return escape(text)


def markup(template: str, *values: object, **named: object) -> Markup:
    """HTML from a template written in this code: every value not already Markup is escaped."""
    return Markup(template).format(*values, **named)


def join(pieces, separator: str = "") -> Markup:
    """Pieces of HTML (or text, escaped) joined."""
    return Markup(separator).join(pieces)


def http_url(url: str) -> str:
    """An address for an href: http(s) only, so that no javascript: or data: link is ever written
    (the register's schema refuses them first, with their line)."""
    if not url.startswith(("https://", "http://")):
        raise ValueError(f"not an http(s) address: {url!r}")
    return url


def strip_tags(text: str) -> str:
    """Source text as plain text (what a reader sees)."""
    return plain(text)


def link(page_url: str, to_url: str, text: str, **attrs: str) -> Markup:
    """A link; `text` is escaped unless it is Markup."""
    extra = join(markup(' {}="{}"', k.rstrip("_").replace("_", "-"), v) for k, v in attrs.items())
    return markup('<a href="{}"{}>{}</a>', urls.relative(page_url, to_url), extra, text)


def permalink(ctx: Context, anchor: str) -> Markup:
    label = ctx.labels["permalink"]
    return markup('<a class="ed permalink" href="#{}" title="{}" aria-label="{}">¶</a>', anchor, label, label)


# ---------------------------------------------------------------- titles


def provision_heading(provision: Provision) -> str:
    """The provision's number and title as the document prints them (source text)."""
    label = number_label(provision.number)
    return f"{label} {provision.title}".strip()


def provision_title(ctx: Context, provision: Provision) -> str:
    """Page title: 'Paragraphe 16.3.2 — Dimension économique' (edition label + document words), as text."""
    kind = provision.kind_label(ctx.labels)
    title = provision.title.rstrip(".")
    return f"{kind} {provision.number}" + (f" — {strip_tags(title)}" if title else "")


def excerpt(text: str, words: int = 14) -> str:
    """The first words of source text, as plain text."""
    parts = strip_tags(text).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def provision_summary(provision: Provision, words: int = 14) -> str:
    """A line for lists, as plain text: the title, or for untitled paragraphs the first words of the text."""
    if provision.title:
        return strip_tags(provision.title)
    return excerpt(provision.units[0].text, words) if provision.units else ""


# ---------------------------------------------------------------- shared pieces


def crumbs(ctx: Context, page_url: str, trail: list[tuple[str, str]]) -> Markup:
    """Breadcrumbs; the trail's titles are plain text."""
    items = [link(page_url, urls.HOME, ctx.labels["document"])]
    items += [link(page_url, url, title) for title, url in trail]
    lis = join(markup("<li>{}</li>", item) for item in items)
    return markup(
        '<nav class="ed crumbs" aria-label="{}" data-search-exclude><ol>{}</ol></nav>', ctx.labels["breadcrumbs"], lis
    )


def provision_trail(ctx: Context, provision: Provision) -> list[tuple[str, str]]:
    doc = ctx.doc
    part = doc.part_of(provision.number)
    trail = [(ctx.labels["plan"], urls.PLAN), (strip_tags(part.title), urls.part(part.slug))]
    ancestors = []
    number = provision.parent
    while number:
        ancestors.insert(0, doc.provisions[number])
        number = doc.provisions[number].parent
    trail += [(provision_title(ctx, a), urls.provision(a.number)) for a in ancestors]
    return trail


def units_html(ctx: Context, units: list[Unit], page_url: str) -> Markup:
    """Paragraphs and indents, each with its anchor and a visible permalink."""
    out: list[Markup] = []
    in_list = False
    for unit in units:
        body = markup("{} {}", ctx.text(unit.text, page_url), permalink(ctx, unit.anchor))
        if unit.kind == "item":
            if not in_list:
                out.append(Markup('<ul class="indents">'))
                in_list = True
            out.append(markup('<li id="{}" class="unit">{}</li>', unit.anchor, body))
        else:
            if in_list:
                out.append(Markup("</ul>"))
                in_list = False
            out.append(markup('<p id="{}" class="unit">{}</p>', unit.anchor, body))
    if in_list:
        out.append(Markup("</ul>"))
    return join(out, "\n")


def pager(ctx: Context, page_url: str, previous: Provision | None, following: Provision | None) -> Markup:
    """Links to the previous and next provision, in document order."""

    def cell(provision: Provision | None, rel: str, before: str, after: str) -> Markup:
        if provision is None:
            return Markup("")
        a = link(page_url, urls.provision(provision.number), provision_title(ctx, provision), rel=rel)
        return markup('<span class="{}">{}{}{} {}{}</span>', rel, before, ctx.labels[rel], colon(ctx.lang), a, after)

    cells = cell(previous, "prev", "← ", "") + cell(following, "next", "", " →")
    return markup('<nav class="ed pager" aria-label="{}" data-search-exclude>{}</nav>', ctx.labels["provisions"], cells)


def part_box(ctx: Context, page_url: str, part_slug: str) -> Markup:
    """The table of contents of one part, for the sidebar: bounded by the part's size."""
    doc = ctx.doc
    part = doc.part_by_slug[part_slug]
    index = doc.part_position[part_slug]
    items = []
    for number in part.provisions:
        provision = doc.provisions[number]
        url = urls.provision(number)
        current = Markup(' aria-current="page"') if url == page_url else ""
        if provision.title:
            text = strip_tags(provision_heading(provision))
        else:  # an untitled paragraph: its number and its first words, enough to tell it from its neighbours
            text = f"{number_label(number)} {provision_summary(provision, words=7)}".rstrip()
        items.append(
            markup(
                '<li class="depth-{}"><a href="{}"{}>{}</a></li>',
                provision.depth,
                urls.relative(page_url, url),
                current,
                text,
            )
        )
    around = []
    if index > 0:
        before = doc.parts[index - 1]
        around.append(markup("<li>← {}</li>", link(page_url, urls.part(before.slug), strip_tags(before.title))))
    if index + 1 < len(doc.parts):
        after = doc.parts[index + 1]
        around.append(markup("<li>{} →</li>", link(page_url, urls.part(after.slug), strip_tags(after.title))))
    label = ctx.labels["in_this_part"]
    return markup(
        '<nav class="ed part-box" aria-label="{}"><p class="part-box__title">{}{} {}</p>'
        '<ul class="part-box__list">{}</ul><ul class="part-box__around">{}</ul></nav>',
        label,
        label,
        colon(ctx.lang),
        link(page_url, urls.part(part.slug), strip_tags(part.title)),
        join(items),
        join(around),
    )


def cite_box(ctx: Context, page_url: str) -> Markup:
    """Permanent URL, ready citation, copy buttons and the reference's downloads."""
    item = ctx.citables.get(page_url)
    if item is None:
        return Markup("")
    labels = ctx.labels
    url = urls.absolute(ctx.site_url, ctx.lang, page_url)

    def copy(target: str) -> Markup:
        return markup(
            '<button class="md-clipboard md-icon cite-copy" type="button" data-clipboard-target="#{}" '
            'title="{}" aria-label="{}"></button>',
            target,
            labels["copy"],
            labels["copy"],
        )

    downloads = join(
        (
            # same URL in both languages (published), but a file name per language once saved
            markup('<a href="{}.{}" download="{}.{}.{}">{}</a>', item.slug, ext, item.slug, ctx.lang, ext, name)
            for ext, name in (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))
        ),
        " · ",
    )
    return markup(
        '<aside class="ed cite-box" aria-labelledby="cite-box-title" data-search-exclude>'
        '<p id="cite-box-title" class="cite-box__title">{}</p><dl>'
        '<dt>{}</dt><dd><code id="cite-url">{}</code> {}</dd>'
        '<dt>{}</dt><dd><span id="cite-text">{}</span> {}</dd>'
        "<dt>{}</dt><dd>{}</dd></dl></aside>",
        labels["cite_box"],
        labels["cite_url"],
        url,
        copy("cite-url"),
        labels["cite_text"],
        item.citation,
        copy("cite-text"),
        labels["download"],
        downloads,
    )


def with_citation(ctx: Context, page: Page) -> Page:
    """Add the cite box and the <head> metadata to a citable page."""
    item = ctx.citables.get(page.url)
    if item is None:
        return page
    page.body += markup("\n\n{}", cite_box(ctx, page.url))
    page.meta["head"] = head_metadata(item, ctx.site_url, page.meta.get("description", ""))
    return page


def translation_note(ctx: Context) -> Markup:
    if ctx.lang == "fr":
        identity, lang = ctx.doc.identity, ctx.lang
        labels = ctx.labels
        return markup(
            '<p class="ed official-note" data-search-exclude>{} {}{} <a href="{}">{}</a> ({}){} '
            '<a href="{}">{}</a>.</p>',
            labels["official_text"],
            labels["official_versions"],
            colon(lang),
            identity.official_versions["un"][lang],
            identity.symbol,
            labels["official_un"],
            semicolon(lang),
            identity.official_versions["nato"][lang],
            labels["official_nato"],
        )
    # A label that holds links: labels.py checks and marks it as Markup; any other text is escaped.
    return markup('<p class="ed translation-note" data-search-exclude>{}</p>', ctx.labels["translation_note"])


def description_of(text: str) -> str:
    return excerpt(text, 30)


# ---------------------------------------------------------------- pages


def provision_page(ctx: Context, provision: Provision) -> Page:
    doc = ctx.doc
    url = urls.provision(provision.number)
    previous, following = doc.neighbours(provision.number)
    heading = ctx.heading(provision.title, url) if provision.title else ""
    kind = provision.kind_label(ctx.labels)
    h1 = markup(
        '<h1 id="{}"><span class="ed">{}</span> <span class="num">{}</span> {}</h1>',
        provision.anchor,
        kind,
        number_label(provision.number),
        heading,
    )
    body = [crumbs(ctx, url, provision_trail(ctx, provision)), h1]
    body.append(
        markup('<div class="provision-text" lang="{}">\n{}\n</div>', ctx.lang, units_html(ctx, provision.units, url))
    )
    if provision.number in ctx.quotation_notes:
        body.append(ctx.quotation_notes[provision.number])
    children = doc.children(provision.number)
    if children:
        lis = join(
            markup("<li>{}</li>", link(url, urls.provision(c.number), strip_tags(provision_heading(c))))
            for c in children
        )
        body.append(markup('<ul class="ed children" data-search-exclude>{}</ul>', lis))
    body.append(pager(ctx, url, previous, following))
    body.append(translation_note(ctx))
    text_for_description = provision.units[0].text if provision.units else provision.title
    return Page(
        url,
        provision_title(ctx, provision),
        join(body, "\n\n"),
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
        text = markup('<span class="num">{}</span> {}', number_label(number), provision_summary(provision))
        items.append(markup('<li class="depth-{}">{}</li>', provision.depth, link(url, urls.provision(number), text)))
    title = strip_tags(part.title)
    body = [
        crumbs(ctx, url, [(ctx.labels["plan"], urls.PLAN)]),
        markup('<h1 id="part-{}">{}</h1>', slug, to_html(part.title)),
        markup('<ul class="ed provision-list" data-search-exclude>{}</ul>', join(items)),
        translation_note(ctx),
    ]
    return Page(
        url,
        title,
        join(body, "\n\n"),
        {"description": f"{ctx.labels['plan']} — {title}", "sidebar": part_box(ctx, url, slug)},
    )


def section_body(ctx: Context, section: Section, url: str, heading: int = 1) -> list[Markup]:
    """A letter or the Plan's front matter: label, title, original language, text, signature."""
    out = []
    if section.label:
        out.append(markup('<p class="doc-label">{}</p>', ctx.heading(section.label, url)))
    out.append(markup('<h{0} id="{1}">{2}</h{0}>', heading, section.key, ctx.heading(section.title, url)))
    if section.original:
        out.append(markup('<p class="doc-original">{}</p>', to_html(section.original)))
    if section.units:
        out.append(
            markup('<div class="letter-text" lang="{}">\n{}\n</div>', ctx.lang, units_html(ctx, section.units, url))
        )
    if section.signature:
        out.append(
            markup('<p id="{}-signature" class="signature">{}</p>', section.key, ctx.text(section.signature, url))
        )
    return out


def letter_page(ctx: Context, key: str) -> Page:
    section = getattr(ctx.doc, key)
    url = urls.LETTER if key == "letter" else urls.ANNEX
    body = [crumbs(ctx, url, []), *section_body(ctx, section, url), translation_note(ctx)]
    return Page(url, ctx.labels[key], join(body, "\n\n"), {"description": description_of(section.title)})


def contents_tree(ctx: Context, page_url: str, anchors: bool = False, css_class: str = "ed contents") -> Markup:
    """The document's table of contents: letters, the Plan, its parts and every provision."""
    doc = ctx.doc

    def target(url: str, anchor: str) -> str:
        return urls.relative(page_url, f"{urls.FULL_TEXT}#{anchor}" if anchors else url)

    def a(url: str, anchor: str, text: str) -> Markup:
        return markup('<a href="{}">{}</a>', target(url, anchor), text)

    parts = []
    for part in doc.parts:
        lis = []
        for number in part.provisions:
            provision = doc.provisions[number]
            text = markup('<span class="num">{}</span> {}', number_label(number), provision_summary(provision))
            lis.append(
                markup(
                    '<li class="depth-{}">{}</li>', provision.depth, a(urls.provision(number), provision.anchor, text)
                )
            )
        title = a(urls.part(part.slug), "part-" + part.slug, strip_tags(part.title))
        parts.append(markup("<li>{}<ul>{}</ul></li>", title, join(lis)))
    return markup(
        # data-search-exclude on the nested list itself would confuse Material's parser: a wrapper
        '<div data-search-exclude><ul class="{}"><li>{}</li><li>{}</li><li>{}<ul>{}</ul></li></ul></div>',
        css_class,
        a(urls.LETTER, "letter", ctx.labels["letter"]),
        a(urls.ANNEX, "annex", ctx.labels["annex"]),
        a(urls.PLAN, "plan", ctx.labels["plan"]),
        join(parts),
    )


def plan_page(ctx: Context) -> Page:
    url = urls.PLAN
    body = [crumbs(ctx, url, []), *section_body(ctx, ctx.doc.plan, url)]
    body.append(contents_tree(ctx, url, css_class="ed contents plan-contents"))
    body.append(translation_note(ctx))
    return Page(url, ctx.labels["plan"], join(body, "\n\n"), {"description": ctx.labels["plan"]})


def akn_links(ctx: Context) -> Markup:
    """The Akoma Ntoso files of both languages (at the site root, like every download)."""
    identity, labels = ctx.doc.identity, ctx.labels
    to_root = "../" * urls.lang_root(ctx.lang).count("/")
    files = join(
        (
            markup(
                '<a href="{}" hreflang="{}" type="application/xml">{}</a>',
                to_root + identity.akn_export(lang),
                lang,
                labels["akn_official" if lang == identity.official_lang else "akn_translation"],
            )
            for lang in (identity.official_lang, identity.translation_lang)
        ),
        ", ",
    )
    return markup("{}{} {}", labels["akn_xml"], colon(ctx.lang), files)


def original_language(text: str) -> str:
    """The language named by a part's original line: "[Original : anglais]" -> "anglais"."""
    return plain(text).strip().strip("[]").partition(":")[2].strip() or plain(text)


def home_page(ctx: Context, extra_links: list[tuple[str, str]]) -> Page:
    doc, labels = ctx.doc, ctx.labels
    masthead = doc.masthead
    rows = [
        (labels["symbol"], doc.identity.symbol),
        (labels["organ"], to_html(masthead.get("organ", ""))),
        (labels["distributed"], markup("{}, {}", to_html(masthead.get("distribution", "")), masthead.get("date", ""))),
        (labels["sender"], labels["sg_un"]),
        (labels["addressee"], labels["president_sc"]),
        (
            labels["original_languages"],
            join(
                (
                    markup("{}{} {}", labels[part], colon(ctx.lang), original_language(text))
                    for part, text in (
                        ("letter", masthead.get("original", "")),
                        ("annex", doc.annex.original),
                        ("plan_short", doc.plan.original),
                    )
                ),
                semicolon(ctx.lang) + " ",
            ),
        ),
    ]
    # spaces between cells and rows: the words stay apart in the search text
    table = join((markup('<tr><th scope="row">{}</th> <td>{}</td></tr>', k, v) for k, v in rows), "\n")
    more = join(markup("<li>{}</li>", link(urls.HOME, url, text)) for text, url in extra_links)
    body = [
        markup('<h1 id="{}">{} — {}</h1>', doc.identity.slug, doc.identity.symbol, labels["plan"]),
        markup('<table class="ed identity"><tbody>{}</tbody></table>', table),
        translation_note(ctx),
        markup('<h2 id="contents">{}</h2>', labels["contents"]),
        contents_tree(ctx, urls.HOME),
        markup('<ul class="ed more">{}</ul>', more),
        markup('<p class="ed akn-files" data-search-exclude>{}</p>', akn_links(ctx)),
    ]
    meta = {"description": labels["site_name"], "search": {"boost": SEARCH_BOOST["contents"]}}
    return Page(urls.HOME, labels["home"], join(body, "\n\n"), meta)


def full_text_page(ctx: Context) -> Page:
    """The whole document on one page, with the same anchors as the single pages."""
    doc, url = ctx.doc, urls.FULL_TEXT
    m = doc.masthead
    out = [
        markup('<h1 id="full-text"><span class="ed">{}</span></h1>', ctx.labels["full_text"]),
        markup(
            '<div class="masthead"><p class="organ">{}</p><p>{}<br>{}</p><p>{}</p></div>',
            *(to_html(m.get(key, "")) for key in ("organ", "distribution", "date", "original")),
        ),
    ]
    out += section_body(ctx, doc.letter, url, heading=2)
    out += section_body(ctx, doc.annex, url, heading=2)
    out += section_body(ctx, doc.plan, url, heading=2)
    for part in doc.parts:
        out.append(markup('<h3 id="part-{}">{}</h3>', part.slug, to_html(part.title)))
        for number in part.provisions:
            provision = doc.provisions[number]
            num = markup('<span class="num">{}</span>', number_label(number))
            if provision.depth == 1:
                out.append(markup('<h4 id="{}">{} {}</h4>', provision.anchor, num, ctx.heading(provision.title, url)))
                continue
            title = markup(" <strong>{}</strong>", ctx.heading(provision.title, url)) if provision.title else ""
            units = units_html(ctx, provision.units, url)
            # The number (and title) open the provision's first paragraph, as in the printed text.
            units = units.replace(Markup('class="unit">'), markup('class="unit">{}{} ', num, title), 1)
            out.append(markup('<div id="{}" class="provision">\n{}\n</div>', provision.anchor, units))
            if number in ctx.quotation_notes:
                out.append(ctx.quotation_notes[number])
    out.append(translation_note(ctx))
    # Every provision has its own page in the index: the whole text would only repeat them.
    meta = {"description": ctx.labels["site_name"], "search": {"exclude": True}}
    return Page(url, ctx.labels["full_text"], join(out, "\n\n"), meta)


def document_pages(ctx: Context, extra_links: list[tuple[str, str]]) -> list[Page]:
    """Every page that comes from the document itself, for one language."""
    doc = ctx.doc
    pages = [home_page(ctx, extra_links), letter_page(ctx, "letter"), letter_page(ctx, "annex"), plan_page(ctx)]
    pages += [part_page(ctx, part.slug) for part in doc.parts]
    pages += [provision_page(ctx, provision) for provision in doc.ordered()]
    pages = [with_citation(ctx, page) for page in pages]
    pages.append(full_text_page(ctx))
    return pages
