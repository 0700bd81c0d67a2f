"""Render the document model into page files (front matter and an HTML body), one set per language.

Every page is a pure function of the documents, the labels and an `Enricher` (which turns a
piece of source text into HTML with its links and abbreviations). Words the edition adds are
marked with the class `ed`, so that the document's own words can be told apart in the HTML.

Python computes what each page shows (titles as text, URLs, lists, flags, the enriched runs of
source text) and a Jinja template of overrides/edition/ writes the HTML around it (templates.py):
autoescaped, so a string from a source file can only reach a page as text. Source text (which
may hold the allowed inline tags, see inline.py) becomes HTML only through the enricher or
`inline.to_html`; page titles are plain text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from markupsafe import Markup, escape

from edition.citations.model import Reference
from edition.core import urls
from edition.core.inline import plain, to_html
from edition.core.langs import number_label
from edition.core.shape import MASTHEAD_ROLES, Component
from edition.document.passages import Division, Passage, Walk
from edition.pages.cite import cite_box, head_metadata
from edition.pages.pinpoints import page_data
from edition.pages.templates import macros, render
from edition.sources.identity import Identity


class Enricher(Protocol):
    """Turns a piece of source text into HTML (links to entities, explained acronyms)."""

    def enrich(self, text: str, page_url: str, heading: bool = False) -> Markup: ...


# Search ranks the provisions above the pages that list or describe them.
SEARCH_BOOST = {"provision": 4.0, "contents": 0.3, "entity": 0.05}

# The downloads of every citable page: file extension, format name (assemble.citation_files writes them).
DOWNLOADS = (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))


@dataclass
class Page:
    """One page of one language: its URL, its metadata (front matter) and its body, which the
    template renders from `data` (set by the page functions, and by with_citation,
    render_parallel.with_view_line and related.with_around)."""

    url: str
    title: str  # plain text
    template: str  # a file of overrides/edition/
    data: dict[str, Any]
    meta: dict = field(default_factory=dict)  # description: text; head, sidebar: Markup

    @property
    def body(self) -> Markup:
        return render(self.template, **self.data)

    def file_text(self) -> str:
        # Front matter written as JSON values, which YAML reads as they are: a YAML dumper
        # spends most of a long document's build on quoting the HTML held in meta.
        # The theme writes page.meta.title into the page (<title>, header, navigation) without
        # escaping it: the title is escaped here (as text content, so quotes stay as they are).
        meta = {"title": str(escape(self.title)).replace("&#39;", "'").replace("&#34;", '"'), **self.meta}
        front = "".join(f"{key}: {json.dumps(meta[key], ensure_ascii=False)}\n" for key in sorted(meta))
        return f"---\n{front}---\n\n{self.body}\n"


class TextUnit(NamedTuple):
    """A paragraph or an indent as a page shows it: its anchor, its kind ("p", "item"), its HTML."""

    anchor: str
    kind: str
    html: Markup
    position: str = ""  # its number in its block ("5"), which a letter's paragraph shows (pages/pinpoints.py)
    link_label: str = ""  # its ¶ link's name, which says which passage it is (Context.link_label)


@dataclass(frozen=True)
class SectionText:
    """A letter or the Plan's front matter as a page shows it: HTML of source text, or text (escaped)."""

    key: str
    label: Markup
    title: Markup
    original: Markup | str
    units: list[TextUnit]
    signature: Markup | str


Link = tuple[str, str]  # (title as text, language-neutral URL)


@dataclass(frozen=True)
class PartBox:
    """The table of contents of one part, for the sidebar."""

    title: str
    url: str
    items: list[tuple[int, str, str]]  # depth, URL, text
    before: Link | None
    after: Link | None


@dataclass(frozen=True)
class Contents:
    """The document's table of contents: its components (the letters), the one holding the
    provisions (the Plan), its parts and every provision."""

    components: list[Link]
    holder: Link
    parts: list[tuple[str, str, list[tuple[int, str, str, str]]]]  # title, URL, (depth, number, summary, URL)


@dataclass
class Context:
    """What every page of one language needs to know."""

    reading: Walk  # the document's tree, walked once (passages.py): every page's text and order
    identity: Identity
    labels: dict[str, Any]
    enricher: Enricher
    site_url: str = "https://example.org/"
    citables: dict[str, Reference] = field(default_factory=dict)  # page url -> what to cite
    quotation_notes: dict[str, Markup] = field(default_factory=dict)  # provision number -> its note
    # anchor -> what to cite of a unit below a page (an indent, a letter's paragraph, a decision)
    cited_units: dict[str, Reference] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return self.reading.lang

    @property
    def holder(self) -> Component:
        return self.identity.holder

    def text(self, text: str, page_url: str) -> Markup:
        return self.enricher.enrich(text, page_url)

    def heading(self, text: str, page_url: str) -> Markup:
        """Headings get abbreviations but no links."""
        return self.enricher.enrich(text, page_url, heading=True)

    def page(self, url: str, title: str, template: str, meta: dict, **data: Any) -> Page:
        """A page whose body `template` renders: `data`, with what every template may show."""
        common = {"labels": self.labels, "lang": self.lang, "url": url, "identity": self.identity}
        return Page(url, title, template, {**common, "view": None, "cite": None, **data}, meta)

    def units(self, texts: list[Passage], page_url: str, division: Division) -> list[TextUnit]:
        """Paragraphs and indents (Division.texts) of `division`, enriched, each with its ¶ link's name."""
        return [
            TextUnit(
                text.anchor,
                text.role,
                self.text(text.text, page_url),
                text.position,
                self.link_label(division, text),
            )
            for text in texts
        ]

    def passage_name(self, division: Division, passage: Passage) -> str:
        """Which passage a paragraph or an indent is, as its ¶ link says it (plain text):
        'paragraph 16.4.2, indent 3', 'Letter of the Secretary-General, paragraph 2'."""
        labels = self.labels
        if division.kind == "provision":
            name = f"{self.kind_label(division).lower()} {division.key}"
            if passage.role == "item":
                return f"{name}, {labels['indent']} {passage.position}"
            return (
                name if passage.position in ("", "1") else f"{name}, {labels['paragraph'].lower()} {passage.position}"
            )
        if division.kind == "component":
            kind = labels["decision"] if passage.role == "item" else labels["paragraph"].lower()
            return f"{labels[self.identity.component(division.key).label]}, {kind} {passage.position}"
        return plain(division.title)

    def link_labels(self) -> dict[str, str]:
        """Anchor -> the name of its ¶ link, for every anchor of the text: its paragraphs and indents,
        its components, parts and provisions, its signatures (the parallel view's rows)."""
        labels, to = self.labels, self.labels["permalink_to"]
        out: dict[str, str] = {}
        for division, passage in self.reading.reading:
            if passage.role in ("p", "item") and passage.anchor:
                out[passage.anchor] = self.link_label(division, passage)
            elif division.kind == "component" and passage.anchor:  # its title, its signature
                name = labels[self.identity.component(division.key).label]
                out[passage.anchor] = f"{to} {name}" + (
                    f", {plain(passage.text)}" if passage.role == "signature" else ""
                )
        for division in self.reading.divisions:
            if division.kind == "component":
                name = labels[self.identity.component(division.key).label]
            elif division.kind == "part":
                name = plain(division.title)
            elif division.kind == "provision":
                name = f"{self.kind_label(division).lower()} {division.key}"
            else:
                continue
            out.setdefault(division.anchor, f"{to} {name}")
        return out

    def link_label(self, division: Division, passage: Passage) -> str:
        """The name of a passage's ¶ link: 'Permanent link to paragraph 16.4.2, indent 3'."""
        return f"{self.labels['permalink_to']} {self.passage_name(division, passage)}"

    def provision_url(self, number: str) -> str:
        return urls.provision(number, self.holder.url)

    def part_url(self, slug: str) -> str:
        return urls.part(slug, self.holder.url)

    def kind_label(self, provision: Division) -> str:
        """What the document calls a provision of its level ('Section' for 16.1 to 16.5, 'Paragraph'
        otherwise), in the page's language."""
        return self.labels[self.holder.level_label(provision.depth)]

    @property
    def holder_link(self) -> Link:
        """The page of the component holding the parts and provisions (the Plan), with its name."""
        return self.labels[self.holder.label], self.holder.url


def http_url(url: str) -> str:
    """An address for an href: http(s) only, so that no javascript: or data: link is ever written
    (the register's schema refuses them first, with their line)."""
    if not url.startswith(("https://", "http://")):
        raise ValueError(f"not an http(s) address: {url!r}")
    return url


# ---------------------------------------------------------------- titles


def provision_heading(provision: Division) -> str:
    """The provision's number and title as the document prints them (source text)."""
    return f"{provision.node.num} {provision.title}".strip()


def provision_title(ctx: Context, provision: Division) -> str:
    """Page title: 'Paragraphe 16.3.2 — Dimension économique' (edition label + document words), as text."""
    kind = ctx.kind_label(provision)
    title = provision.title.rstrip(".")
    return f"{kind} {provision.number}" + (f" — {plain(title)}" if title else "")


def excerpt(text: str, words: int = 14) -> str:
    """The first words of source text, as plain text."""
    parts = plain(text).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def provision_summary(provision: Division, words: int = 14) -> str:
    """A line for lists, as plain text: the title, or for untitled paragraphs the first words of the text."""
    if provision.title:
        return plain(provision.title)
    texts = provision.texts()
    return excerpt(texts[0].text, words) if texts else ""


# ---------------------------------------------------------------- shared pieces


def crumbs(ctx: Context, trail: list[Link]) -> list[Link]:
    """Breadcrumbs from the document's home; the trail's titles are plain text."""
    return [(ctx.labels["document"], urls.HOME), *trail]


def provision_trail(ctx: Context, provision: Division) -> list[Link]:
    provisions = ctx.reading.provisions
    part = ctx.reading.parts[provision.part]
    trail = [ctx.holder_link, (plain(part.title), ctx.part_url(part.key))]
    ancestors = []
    number = provision.parent
    while number:
        ancestors.insert(0, provisions[number])
        number = provisions[number].parent
    trail += [(provision_title(ctx, a), ctx.provision_url(a.number)) for a in ancestors]
    return crumbs(ctx, trail)


def provision_link(ctx: Context, provision: Division | None) -> Link | None:
    return None if provision is None else (provision_title(ctx, provision), ctx.provision_url(provision.number))


def part_box(ctx: Context, page_url: str, part_slug: str) -> Markup:
    """The table of contents of one part, for the sidebar: bounded by the part's size."""
    part = ctx.reading.parts[part_slug]
    items = []
    for provision in ctx.reading.held[part_slug]:
        number = provision.number
        if provision.title:
            text = plain(provision_heading(provision))
        else:  # an untitled paragraph: its number and its first words, enough to tell it from its neighbours
            text = f"{number_label(number)} {provision_summary(provision, words=7)}".rstrip()
        items.append((provision.depth, ctx.provision_url(number), text))

    def link(other: Division | None) -> Link | None:
        return None if other is None else (plain(other.title), ctx.part_url(other.key))

    before, after = ctx.reading.neighbours(part_slug, "part")
    box = PartBox(plain(part.title), ctx.part_url(part.key), items, link(before), link(after))
    return macros().part_box(ctx.labels, ctx.lang, page_url, box)


def with_citation(ctx: Context, page: Page) -> Page:
    """Add the cite box and the <head> metadata to a citable page."""
    item = ctx.citables.get(page.url)
    if item is None:
        return page
    page.data["cite"] = cite_box(item, urls.absolute(ctx.site_url, ctx.lang, page.url))
    units = [unit for unit in ctx.cited_units.values() if unit.url == page.url]
    page.data["cite"]["pinpoints"] = page_data(item, units, ctx.site_url, ctx.labels)
    page.meta["head"] = head_metadata(item, ctx.site_url, page.meta.get("description", ""))
    return page


def description_of(text: str) -> str:
    return excerpt(text, 30)


def provision_items(ctx: Context, provisions: list[Division]) -> list[tuple[int, str, str, str]]:
    """Provisions for a list: depth, number, summary (text), URL."""
    return [(p.depth, p.number, provision_summary(p), ctx.provision_url(p.number)) for p in provisions]


def contents(ctx: Context) -> Contents:
    """The document's table of contents: the components, the one holding the provisions with
    its parts and every provision."""
    labels, reading = ctx.labels, ctx.reading
    parts = [
        (plain(p.title), ctx.part_url(p.key), provision_items(ctx, reading.held[p.key])) for p in reading.parts.values()
    ]
    others = [(labels[c.label], c.url) for c in ctx.identity.components if not c.holds_provisions]
    return Contents(others, ctx.holder_link, parts)


def original_language(text: str) -> str:
    """The language named by a part's original line: "[Original : anglais]" -> "anglais"."""
    return plain(text).strip().strip("[]").partition(":")[2].strip() or plain(text)


def akn_files(ctx: Context) -> list[tuple[str, str, str]]:
    """The Akoma Ntoso files of both languages (at the site root, like every download): language, path, label."""
    identity, labels = ctx.identity, ctx.labels
    to_root = urls.to_root(ctx.lang)
    return [
        (
            lang,
            to_root + identity.akn_export(lang),
            labels["akn_official" if lang == identity.official_lang else "akn_translation"],
        )
        for lang in (identity.official_lang, identity.translation_lang)
    ]


# ---------------------------------------------------------------- pages


def provision_page(ctx: Context, provision: Division) -> Page:
    number = provision.number
    url = ctx.provision_url(number)
    previous, following = ctx.reading.neighbours(number)
    texts = provision.texts()
    text_for_description = texts[0].text if texts else provision.title
    meta = {
        "description": description_of(text_for_description),
        "sidebar": part_box(ctx, url, provision.part),
        "provision": provision.number,
        "search": {"boost": SEARCH_BOOST["provision"]},
    }
    return ctx.page(
        url,
        provision_title(ctx, provision),
        "provision.html",
        meta,
        trail=provision_trail(ctx, provision),
        anchor=provision.anchor,
        kind=ctx.kind_label(provision),
        number=provision.number,
        heading=ctx.heading(provision.title, url) if provision.title else "",
        text_units=ctx.units(texts, url, provision),
        note=ctx.quotation_notes.get(provision.number, ""),
        children=[
            (plain(provision_heading(c)), ctx.provision_url(c.number)) for c in ctx.reading.below.get(number, [])
        ],
        around=None,
        previous=provision_link(ctx, previous),
        following=provision_link(ctx, following),
    )


def part_page(ctx: Context, slug: str) -> Page:
    part = ctx.reading.parts[slug]
    url = ctx.part_url(slug)
    title = plain(part.title)
    meta = {"description": f"{ctx.holder_link[0]} — {title}", "sidebar": part_box(ctx, url, slug)}
    return ctx.page(
        url,
        title,
        "part.html",
        meta,
        trail=crumbs(ctx, [ctx.holder_link]),
        slug=slug,
        heading=to_html(part.title),
        items=provision_items(ctx, ctx.reading.held[slug]),
    )


def component_page(ctx: Context, component: Component) -> Page:
    """A letter's page; for the component holding the provisions (the Plan), its front matter
    and the table of contents."""
    url, name = component.url, ctx.labels[component.label]
    section = section_text(ctx, ctx.reading.components[component.block], url)
    if component.holds_provisions:
        data = {"section": section, "contents": contents(ctx)}
        return ctx.page(url, name, "plan.html", {"description": name}, trail=crumbs(ctx, []), **data)
    meta = {"description": description_of(ctx.reading.components[component.block].title)}
    return ctx.page(url, name, "letter.html", meta, trail=crumbs(ctx, []), section=section)


def home_page(ctx: Context, extra_links: list[Link]) -> Page:
    labels, reading = ctx.labels, ctx.reading
    masthead = reading.masthead
    # Each component's original language, named by its short label where labels.yml has one (plan_short).
    originals = [
        (
            labels.get(f"{c.label}_short", labels[c.label]),
            reading.components[c.block].text_of("original") if c.attached_to else masthead.get("original", ""),
        )
        for c in ctx.identity.components
    ]
    meta = {"description": labels["site_name"], "search": {"boost": SEARCH_BOOST["contents"]}}
    return ctx.page(
        urls.HOME,
        labels["home"],
        "home.html",
        meta,
        organ=to_html(masthead.get("organ", "")),
        distribution=to_html(masthead.get("distribution", "")),
        date=masthead.get("date", ""),
        original_languages=[(name, original_language(text)) for name, text in originals],
        holder_name=ctx.holder_link[0],
        contents=contents(ctx),
        more=extra_links,
        akn_files=akn_files(ctx),
    )


# ---------------------------------------------------------------- the whole text, from the walk


def section_text(ctx: Context, component: Division, url: str) -> SectionText:
    """A component as the pages show it, enriched: label, title, original language, text, signature."""
    label, signature = component.text_of("label"), component.text_of("signature")
    return SectionText(
        component.key,
        ctx.heading(label, url) if label else Markup(""),
        ctx.heading(component.title, url),
        to_html(component.text_of("original")),
        ctx.units(component.texts(), url, component),
        ctx.text(signature, url) if signature else Markup(""),
    )


def full_text_provision(ctx: Context, provision: Division, url: str) -> dict[str, Any]:
    """A numbered provision as the whole text prints it."""
    return {
        "anchor": provision.anchor,
        "number": provision.number,
        "depth": provision.depth,
        "heading": ctx.heading(provision.title, url) if provision.title else "",
        "text_units": ctx.units(provision.texts(), url, provision),
        "note": ctx.quotation_notes.get(provision.number, ""),
    }


def full_text_page(ctx: Context) -> Page:
    """The whole document on one page, with the same anchors as the single pages: the walk of
    its tree, whatever the document's shape."""
    reading, url = ctx.reading, urls.FULL_TEXT
    parts = [
        {
            "slug": part.key,
            "heading": to_html(part.title),
            "provisions": [full_text_provision(ctx, provision, url) for provision in reading.held[part.key]],
        }
        for part in reading.parts.values()
    ]
    # Every provision has its own page in the index: the whole text would only repeat them.
    meta = {"description": ctx.labels["site_name"], "search": {"exclude": True}}
    return ctx.page(
        url,
        ctx.labels["full_text"],
        "full_text.html",
        meta,
        masthead={key: to_html(reading.masthead.get(key, "")) for key in MASTHEAD_ROLES},
        sections=[section_text(ctx, component, url) for component in reading.components.values()],
        holder=ctx.holder.block,  # the component whose text the parts follow, before its signature
        parts=parts,
    )


def document_pages(ctx: Context, extra_links: list[tuple[str, str]]) -> list[Page]:
    """Every page that comes from the document itself, for one language."""
    reading = ctx.reading
    pages = [home_page(ctx, extra_links), *(component_page(ctx, component) for component in ctx.identity.components)]
    pages += [part_page(ctx, slug) for slug in reading.parts]
    pages += [provision_page(ctx, provision) for provision in reading.ordered]
    pages = [with_citation(ctx, page) for page in pages]
    pages.append(full_text_page(ctx))
    return pages
