"""The parallel view: French and English side by side, aligned unit by unit (paragraph, indent,
decision), with the anchors of the single-language pages; and the line before the text of every
single-language page that says which text it is and leads to the parallel view and back.

The parallel pages exist in both languages (/parallel/... and /en/parallel/...): the same two
columns, the edition's words (titles, column heads, links) in the page's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from . import urls
from .fidelity import number_label
from .model import DEFAULT_LANG, LANGS, Provision, Section
from .render import Context, Page, crumbs, permalink, provision_title


@dataclass(frozen=True)
class Row:
    """One line of the parallel view: the same unit in each language."""

    anchor: str  # "" when the row needs no anchor of its own
    kind: str  # "p", "item", "heading", "label"
    cells: dict[str, Markup]  # lang -> HTML of the cell's content
    level: int = 0  # for headings
    group: str = ""  # the provision whose units the row holds: rows of one provision share its anchor


# ---------------------------------------------------------------- which pages have a parallel view


def single_pages(ctx: Context) -> dict[str, str]:
    """Single-language page URL -> its title, for every page that has a parallel view."""
    doc, labels = ctx.doc, ctx.labels
    out = {urls.LETTER: labels["letter"], urls.ANNEX: labels["annex"], urls.PLAN: labels["plan"]}
    out |= {urls.part(part.slug): part.title for part in doc.parts}
    out |= {urls.provision(p.number): provision_title(ctx, p) for p in doc.ordered()}
    out[urls.FULL_TEXT] = labels["full_text"]
    return out


def parallel_of(url: str) -> str:
    """Where the 'side by side' link of a page leads: the home page's leads to the whole text."""
    return urls.parallel(urls.FULL_TEXT if url == urls.HOME else url)


def view_line(ctx: Context, page_url: str) -> Markup:
    """Before the text: which text this is (official, or the edition's translation) and the
    link to both languages side by side."""
    labels = ctx.labels
    to = urls.relative(page_url, parallel_of(page_url))
    which = labels["official_label"] if ctx.lang == DEFAULT_LANG else labels["translation_label"]
    css = "official-label" if ctx.lang == DEFAULT_LANG else "translation-label"
    return Markup(
        '<p class="ed view-line {css}" data-search-exclude><strong>{which}</strong> '
        '<a class="view-switch" href="{to}">{parallel}</a></p>'
    ).format(css=css, which=which, to=to, parallel=labels["parallel_view"])


def pdf_link(ctx: Context, page_url: str, pdf_path: str) -> Markup:
    """A link to the PDF of the page's language (a file at the site root)."""
    to_root = "../" * (page_url.count("/") + urls.lang_root(ctx.lang).count("/"))
    return Markup('<a class="pdf-link" href="{}{}" type="application/pdf">{}</a>').format(
        to_root, pdf_path, ctx.labels["pdf_link"]
    )


def with_view_line(ctx: Context, page: Page, pdf_path: str = "") -> Page:
    """The view line right after the page's heading, on every page that has a parallel view; on the
    home page and the full text, with the link to the PDF when the build makes it."""
    if page.url not in (urls.HOME, urls.LETTER, urls.ANNEX, urls.FULL_TEXT) and not page.url.startswith(urls.PLAN):
        return page  # the pages of the document are the letters, the Plan (its parts and provisions) and the whole
    line = view_line(ctx, page.url)
    if pdf_path and page.url in (urls.HOME, urls.FULL_TEXT):
        # the separator goes with the link, so that print (which hides the link) hides it too
        more = Markup('<span class="view-pdf"> · {}</span>').format(pdf_link(ctx, page.url, pdf_path))
        line = Markup(str(line).replace("</p>", str(more) + "</p>", 1))
    # Both are HTML already (Markup): spliced as strings, so that neither is escaped again.
    body, line = str(page.body), str(line)
    page.body = Markup(body.replace("</h1>", "</h1>\n\n" + line, 1) if "</h1>" in body else line + body)
    return page


# ---------------------------------------------------------------- rows


def section_rows(ctxs: dict[str, Context], key: str, url: str, level: int) -> list[Row]:
    """A letter or the Plan's front matter: label, title, original language, units, signature."""
    sections: dict[str, Section] = {lang: getattr(ctxs[lang].doc, key) for lang in LANGS}
    first = sections[DEFAULT_LANG]
    rows = []
    if first.label:
        rows.append(Row("", "label", {lang: ctxs[lang].heading(s.label, url) for lang, s in sections.items()}))
    titles = {lang: ctxs[lang].heading(s.title, url) for lang, s in sections.items()}
    rows.append(Row(key, "heading", titles, level))
    if first.original:
        rows.append(Row("", "label", {lang: escape(s.original) for lang, s in sections.items()}))
    for index, unit in enumerate(first.units):
        cells = {lang: ctxs[lang].text(s.units[index].text, url) for lang, s in sections.items()}
        rows.append(Row(unit.anchor, unit.kind, cells))
    if first.signature:
        cells = {lang: ctxs[lang].text(s.signature, url) for lang, s in sections.items()}
        rows.append(Row(f"{key}-signature", "signature", cells))
    return rows


def provision_rows(ctxs: dict[str, Context], number: str, url: str, level: int) -> list[Row]:
    """A provision as the full text prints it: a section's title as a heading; otherwise the
    number (and title) opening the first paragraph."""
    provisions: dict[str, Provision] = {lang: ctxs[lang].doc.provisions[number] for lang in LANGS}
    first = provisions[DEFAULT_LANG]
    num = Markup('<span class="num">{}</span>').format(number_label(number))
    if not first.units:
        cells = {lang: Markup("{} {}").format(num, ctxs[lang].heading(p.title, url)) for lang, p in provisions.items()}
        return [Row(first.anchor, "heading", cells, level)]
    rows = []
    for index, unit in enumerate(first.units):
        cells = {}
        for lang, provision in provisions.items():
            text = ctxs[lang].text(provision.units[index].text, url)
            if index == 0:
                title = provision.title and Markup(" <strong>{}</strong>").format(
                    ctxs[lang].heading(provision.title, url)
                )
                text = Markup("{}{} {}").format(num, title or "", text)
            cells[lang] = text
        rows.append(Row(unit.anchor, unit.kind, cells, group=first.anchor))
    return rows


def part_rows(ctxs: dict[str, Context], slug: str, url: str, level: int) -> list[Row]:
    doc = ctxs[DEFAULT_LANG].doc
    titles = {lang: escape(ctxs[lang].doc.part_by_slug[slug].title) for lang in LANGS}
    rows = [Row(f"part-{slug}", "heading", titles, level)]
    for number in doc.part_by_slug[slug].provisions:
        rows += provision_rows(ctxs, number, url, level + 1)
    return rows


def plan_rows(ctxs: dict[str, Context], url: str, level: int) -> list[Row]:
    rows = section_rows(ctxs, "plan", url, level)
    for part in ctxs[DEFAULT_LANG].doc.parts:
        rows += part_rows(ctxs, part.slug, url, level + 1)
    return rows


def rows_of(ctxs: dict[str, Context], single_url: str) -> list[Row]:
    doc = ctxs[DEFAULT_LANG].doc
    if single_url in (urls.LETTER, urls.ANNEX):
        return section_rows(ctxs, single_url.strip("/"), urls.parallel(single_url), 2)
    if single_url == urls.PLAN:
        return plan_rows(ctxs, urls.parallel(single_url), 2)
    if single_url == urls.FULL_TEXT:
        url = urls.parallel(single_url)
        return section_rows(ctxs, "letter", url, 2) + section_rows(ctxs, "annex", url, 2) + plan_rows(ctxs, url, 2)
    for part in doc.parts:
        if single_url == urls.part(part.slug):
            return part_rows(ctxs, part.slug, urls.parallel(single_url), 2)
    number = next(n for n in doc.provisions if urls.provision(n) == single_url)
    return provision_rows(ctxs, number, urls.parallel(single_url), 2)


# ---------------------------------------------------------------- HTML


def cell_html(row: Row, lang: str, tag: str) -> Markup:
    content = row.cells[lang]
    if row.kind == "heading":
        level = min(row.level, 6)
        inner = Markup("<h{level}>{content}</h{level}>").format(level=level, content=content)
    elif row.kind == "item":
        inner = Markup('<ul class="indents"><li>{}</li></ul>').format(content)
    else:
        css = {"label": "doc-label", "signature": "signature"}.get(row.kind, "unit-text")
        inner = Markup('<p class="{}">{}</p>').format(css, content)
    return Markup('<div class="parallel-cell" lang="{lang}" data-tag="{tag}">{inner}</div>').format(
        lang=lang, tag=tag, inner=inner
    )


def rows_html(ctx: Context, rows: list[Row]) -> Markup:
    tags = {lang: lang.upper() for lang in LANGS}
    out = []
    group = ""
    for row in rows:
        if row.group != group:  # a provision's rows sit in one element with the provision's anchor
            if group:
                out.append(Markup("</div>"))
            if row.group:
                out.append(Markup('<div class="parallel-provision" id="{}">').format(row.group))
            group = row.group
        cells = Markup("").join(cell_html(row, lang, tags[lang]) for lang in LANGS)
        anchor = Markup(' id="{}"').format(row.anchor) if row.anchor else Markup("")
        link = Markup(permalink(ctx, row.anchor)) if row.anchor else Markup("")
        out.append(
            Markup('<div class="parallel-row parallel-{kind}"{anchor}>{cells}{link}</div>').format(
                kind=row.kind, anchor=anchor, cells=cells, link=link
            )
        )
    if group:
        out.append(Markup("</div>"))
    return Markup("\n").join(out)


def parallel_page(ctxs: dict[str, Context], lang: str, single_url: str, single_title: str) -> Page:
    """The side-by-side view of one page, in the page language `lang`."""
    ctx = ctxs[lang]
    labels = ctx.labels
    url = urls.parallel(single_url)
    title = f"{single_title} ({labels['parallel_title']})"
    back = Markup('<p class="ed view-line" data-search-exclude><a class="view-switch" href="{}">{}</a></p>').format(
        urls.relative(url, single_url), labels["single_view"]
    )
    head = Markup(
        '<div class="ed parallel-row parallel-head" data-search-exclude>'
        '<p class="parallel-cell">{fr}</p><p class="parallel-cell">{en}</p></div>'
    ).format(fr=labels["parallel_fr"], en=labels["parallel_en"])
    body = [
        Markup(crumbs(ctx, url, [(single_title, single_url)])),
        Markup('<h1 id="parallel"><span class="ed">{}</span></h1>').format(title),
        back,
        Markup('<div class="parallel">\n{head}\n{rows}\n</div>').format(
            head=head, rows=rows_html(ctx, rows_of(ctxs, single_url))
        ),
    ]
    item = ctx.citables.get(single_url)
    if item is not None:  # printed, the view carries the citation of what it shows
        body.append(
            Markup('<p class="ed print-only print-cite">{} — {}</p>').format(
                item.citation, urls.absolute(ctx.site_url, lang, single_url)
            )
        )
    meta = {"description": f"{single_title} — {labels['parallel_view']}", "search": {"exclude": True}, "hide": ["toc"]}
    return Page(url, title, "\n\n".join(str(part) for part in body), meta)


def parallel_pages(ctxs: dict[str, Context], lang: str) -> list[Page]:
    """Every parallel page of one page language."""
    return [parallel_page(ctxs, lang, url, title) for url, title in single_pages(ctxs[lang]).items()]
