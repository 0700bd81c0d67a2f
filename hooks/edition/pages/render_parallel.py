"""The parallel view: French and English side by side, aligned unit by unit (paragraph, indent,
decision), with the anchors of the single-language pages; and the line before the text of every
single-language page that says which text it is and leads to the parallel view and back.

The parallel pages exist in both languages (/parallel/... and /en/parallel/...): the same two
columns, the edition's words (titles, column heads, links) in the page's language. The rows are
computed here; overrides/edition/parallel.html writes them (and chrome.html the view line).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from edition.core import urls
from edition.core.inline import plain
from edition.core.langs import DEFAULT_LANG, LANGS
from edition.core.shape import Component
from edition.document.passages import Division
from edition.pages.cite import cite_box
from edition.pages.render import Context, Link, Page, crumbs, provision_title


@dataclass(frozen=True)
class Row:
    """One line of the parallel view: the same unit in each language."""

    anchor: str  # "" when the row needs no anchor of its own
    kind: str  # "p", "item", "heading", "label", "signature"
    cells: dict[str, Markup | str]  # lang -> the cell's content: HTML of source text, or text
    level: int = 0  # for headings
    group: str = ""  # the provision whose units the row holds: rows of one provision share its anchor
    number: str = ""  # a provision's number, which opens the row (its heading or its first paragraph)
    titles: dict[str, Markup] | None = None  # lang -> the provision's title, after the number of a first paragraph


# ---------------------------------------------------------------- which pages have a parallel view


def single_pages(ctx: Context) -> dict[str, str]:
    """Single-language page URL -> its title, for every page that has a parallel view."""
    reading, labels = ctx.reading, ctx.labels
    out = {component.url: labels[component.label] for component in ctx.identity.components}
    out |= {ctx.part_url(part.key): part.title for part in reading.parts.values()}
    out |= {ctx.provision_url(p.number): provision_title(ctx, p) for p in reading.ordered}
    out[urls.FULL_TEXT] = labels["full_text"]
    return out


def parallel_of(url: str) -> str:
    """Where the 'side by side' link of a page leads: the home page's leads to the whole text."""
    return urls.parallel(urls.FULL_TEXT if url == urls.HOME else url)


@dataclass(frozen=True)
class ViewLine:
    """The line before the text: which text this is, the parallel view's link, the PDF's."""

    href: str  # the parallel view, relative to the page
    official: bool  # the official text (or this edition's translation)
    pdf: str = ""  # the PDF of the page's language, relative to the page, when the build makes it


def view_line(ctx: Context, page_url: str, pdf_path: str = "") -> ViewLine:
    """Before the text: which text this is (official, or the edition's translation) and the
    link to both languages side by side."""
    pdf = ""
    if pdf_path:  # a file at the site root
        pdf = urls.to_root(ctx.lang, page_url) + pdf_path
    return ViewLine(urls.relative(page_url, parallel_of(page_url)), ctx.lang == DEFAULT_LANG, pdf)


def with_view_line(ctx: Context, page: Page, pdf_path: str = "") -> Page:
    """The view line right after the page's heading, on every page that has a parallel view; on the
    home page and the full text, with the link to the PDF when the build makes it."""
    components = [component.url for component in ctx.identity.components]
    if page.url not in (urls.HOME, urls.FULL_TEXT, *components) and not page.url.startswith(ctx.holder.url):
        return page  # the pages of the document are its components (the Plan: its parts and provisions) and the whole
    with_pdf = pdf_path if page.url in (urls.HOME, urls.FULL_TEXT) else ""
    page.data["view"] = view_line(ctx, page.url, with_pdf)
    return page


# ---------------------------------------------------------------- rows


def section_rows(ctxs: dict[str, Context], key: str, url: str, level: int) -> list[Row]:
    """A letter or the Plan's front matter: label, title, original language, units (not the
    signature: signature_rows)."""
    sections: dict[str, Division] = {lang: ctxs[lang].reading.components[key] for lang in LANGS}
    first = sections[DEFAULT_LANG]
    rows = []
    if first.text_of("label"):
        cells = {lang: ctxs[lang].heading(s.text_of("label"), url) for lang, s in sections.items()}
        rows.append(Row("", "label", cells))
    titles = {lang: ctxs[lang].heading(s.title, url) for lang, s in sections.items()}
    rows.append(Row(key, "heading", titles, level))
    if first.text_of("original"):
        rows.append(Row("", "label", {lang: s.text_of("original") for lang, s in sections.items()}))
    texts = {lang: s.texts() for lang, s in sections.items()}
    for index, text in enumerate(texts[DEFAULT_LANG]):
        cells = {lang: ctxs[lang].text(texts[lang][index].text, url) for lang in LANGS}
        rows.append(Row(text.anchor, text.role, cells))
    return rows


def signature_rows(ctxs: dict[str, Context], key: str, url: str) -> list[Row]:
    """A component's signature, if it has one."""
    signatures = {lang: ctxs[lang].reading.components[key].text_of("signature") for lang in LANGS}
    if not signatures[DEFAULT_LANG]:
        return []
    return [Row(f"{key}-signature", "signature", {lang: ctxs[lang].text(signatures[lang], url) for lang in LANGS})]


def provision_rows(ctxs: dict[str, Context], number: str, url: str, level: int) -> list[Row]:
    """A provision as the full text prints it: a section's title as a heading; otherwise the
    number (and title) opening the first paragraph."""
    provisions: dict[str, Division] = {lang: ctxs[lang].reading.provisions[number] for lang in LANGS}
    texts = {lang: provision.texts() for lang, provision in provisions.items()}
    first = provisions[DEFAULT_LANG]
    if not texts[DEFAULT_LANG]:
        cells = {lang: ctxs[lang].heading(p.title, url) for lang, p in provisions.items()}
        return [Row(first.anchor, "heading", cells, level, number=number)]
    titles = {lang: ctxs[lang].heading(p.title, url) if p.title else Markup("") for lang, p in provisions.items()}
    rows = []
    for index, text in enumerate(texts[DEFAULT_LANG]):
        cells = {lang: ctxs[lang].text(texts[lang][index].text, url) for lang in LANGS}
        opening = {"number": number, "titles": titles} if index == 0 else {}
        rows.append(Row(text.anchor, text.role, cells, group=first.anchor, **opening))
    return rows


def part_rows(ctxs: dict[str, Context], slug: str, url: str, level: int) -> list[Row]:
    titles = {lang: ctxs[lang].reading.parts[slug].title for lang in LANGS}
    rows = [Row(f"part-{slug}", "heading", titles, level)]
    for provision in ctxs[DEFAULT_LANG].reading.held[slug]:
        rows += provision_rows(ctxs, provision.number, url, level + 1)
    return rows


def component_rows(ctxs: dict[str, Context], component: Component, url: str, level: int) -> list[Row]:
    """A component: its front matter and text; the Plan's, with its parts and provisions; then its
    signature (after the parts, in the walk's order)."""
    rows = section_rows(ctxs, component.block, url, level)
    if component.holds_provisions:
        for slug in ctxs[DEFAULT_LANG].reading.parts:
            rows += part_rows(ctxs, slug, url, level + 1)
    return rows + signature_rows(ctxs, component.block, url)


def shown_divisions(ctx: Context) -> dict[str, Division]:
    """Single-language page URL -> the division it shows (a component, a part, a provision), found
    once for all the parallel pages, so that making them stays linear in the text's length."""
    reading = ctx.reading
    out = {ctx.identity.component(key).url: division for key, division in reading.components.items()}
    out |= {ctx.part_url(slug): division for slug, division in reading.parts.items()}
    out |= {ctx.provision_url(number): division for number, division in reading.provisions.items()}
    return out


def rows_of(ctxs: dict[str, Context], single_url: str, shown: dict[str, Division]) -> list[Row]:
    """The rows of the parallel view of one page (`shown`: shown_divisions)."""
    ctx = ctxs[DEFAULT_LANG]
    url = urls.parallel(single_url)
    if single_url == urls.FULL_TEXT:
        return [row for component in ctx.identity.components for row in component_rows(ctxs, component, url, 2)]
    division = shown[single_url]
    if division.kind == "component":
        return component_rows(ctxs, ctx.identity.component(division.key), url, 2)
    if division.kind == "part":
        return part_rows(ctxs, division.key, url, 2)
    return provision_rows(ctxs, division.key, url, 2)


# ---------------------------------------------------------------- pages


def parallel_neighbours(ctx: Context, division: Division | None) -> tuple[Link | None, Link | None]:
    """The parallel views before and after this one, as the single pages' pager and part box lead:
    the provision, part or component before and after (the whole text has none)."""
    if division is None:
        return None, None
    if division.kind == "component":
        components = [(ctx.labels[c.label], urls.parallel(c.url)) for c in ctx.identity.components]
        index = [c.block for c in ctx.identity.components].index(division.key)
        return (components[index - 1] if index else None), (
            components[index + 1] if index + 1 < len(components) else None
        )
    before, after = ctx.reading.neighbours(division.key, division.kind)

    def link(other: Division | None) -> Link | None:
        if other is None:
            return None
        if other.kind == "part":
            return plain(other.title), urls.parallel(ctx.part_url(other.key))
        return provision_title(ctx, other), urls.parallel(ctx.provision_url(other.key))

    return link(before), link(after)


def parallel_page(
    ctxs: dict[str, Context],
    lang: str,
    single_url: str,
    single_title: str,
    shown: dict[str, Division],
    link_labels: dict[str, str],
) -> Page:
    """The side-by-side view of one page, in the page language `lang` (`shown`: shown_divisions;
    `link_labels`: the ¶ links' names in that language, Context.link_labels)."""
    ctx = ctxs[lang]
    labels = ctx.labels
    url = urls.parallel(single_url)
    title = f"{single_title} ({labels['parallel_title']})"
    item = ctx.citables.get(single_url)
    meta = {"description": f"{single_title} — {labels['parallel_view']}", "search": {"exclude": True}, "hide": ["toc"]}
    previous, following = parallel_neighbours(ctx, shown.get(single_url))
    # The cite box of what the view shows: the single page's permanent URL and citation, its files.
    cite = item and {
        **cite_box(item, urls.absolute(ctx.site_url, lang, single_url)),
        "files": urls.relative(url, single_url),
    }
    return ctx.page(
        url,
        title,
        "parallel.html",
        meta,
        trail=crumbs(ctx, [(single_title, single_url)]),
        heading=title,
        single_url=single_url,
        langs=LANGS,
        rows=rows_of(ctxs, single_url, shown),
        link_labels=link_labels,
        previous=previous,
        following=following,
        cite=cite or None,
    )


def parallel_pages(ctxs: dict[str, Context], lang: str) -> list[Page]:
    """Every parallel page of one page language."""
    shown = shown_divisions(ctxs[DEFAULT_LANG])
    link_labels = ctxs[lang].link_labels()
    return [
        parallel_page(ctxs, lang, url, title, shown, link_labels) for url, title in single_pages(ctxs[lang]).items()
    ]
