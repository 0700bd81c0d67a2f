"""Render the register: one page per entity, an index by kind, and the glossary of acronyms."""

from __future__ import annotations

from markupsafe import Markup

from . import urls
from .enrich import Mention, Piece
from .inline import plain
from .model import DEFAULT_LANG, LANGS
from .places import group_places, places_html
from .register import KINDS, Entity, Register
from .render import (
    SEARCH_BOOST,
    Context,
    Page,
    colon,
    crumbs,
    http_url,
    join,
    link,
    markup,
    semicolon,
    translation_note,
)

EDITION_NAME = "edition"  # register status: a name is this edition's own rendering


def other(lang: str) -> str:
    return next(code for code in LANGS if code != lang)


def in_lang(text: str, text_lang: str, page_lang: str) -> Markup:
    """Text in another language than the page's is marked with its own lang."""
    return markup("{}", text) if text_lang == page_lang else markup('<span lang="{}">{}</span>', text_lang, text)


def acronym_html(entity: Entity, lang: str, page_lang: str) -> Markup:
    """The entity's acronym in `lang`, explained in the page's language."""
    acronym = entity.acronym.get(lang)
    if not acronym:
        return Markup("—")
    word = in_lang(acronym, entity.acronym_lang(lang) if lang == page_lang else lang, page_lang)
    return markup('<abbr title="{}">{}</abbr>', entity.name[page_lang], word)


def edition_name_line(labels: dict) -> Markup:
    """Said wherever the entity's name is shown as a name: no official English one was found."""
    return markup('<p class="ed edition-name">{}</p>', labels["edition_name"])


def piece_link(page_url: str, piece: Piece) -> Markup:
    return link(page_url, f"{piece.url}#{piece.anchor}", piece.label)


def entity_page(ctx: Context, register: Register, entity: Entity, mentions: list[Mention]) -> Page:
    lang, labels = ctx.lang, ctx.labels
    url = urls.entity(entity.ident)
    names = join(
        markup(
            '<tr><th scope="row">{}</th> <td>{}{}</td></tr>',
            code.upper(),
            in_lang(entity.name[code], code, lang),
            markup(" ({})", acronym_html(entity, code, lang)) if entity.acronym.get(code) else "",
        )
        for code in (lang, other(lang))
    )
    body = [
        crumbs(ctx, url, [(labels["entities_short"], urls.ENTITIES)]),
        markup('<h1 id="entity">{}</h1>', entity.name[lang]),
        markup(
            '<p class="ed kind">{}{}</p>',
            labels["kinds"][entity.kind],
            markup(" — {}", entity.symbol) if entity.symbol else "",
        ),
        markup('<table class="ed names"><caption>{}</caption><tbody>{}</tbody></table>', labels["names"], names),
        markup('<p class="ed description">{}</p>', ctx.heading(entity.description[lang], url)),
    ]
    if entity.status == EDITION_NAME:
        body.append(edition_name_line(labels))
    if entity.link.get(lang):
        body.append(
            markup(
                '<p class="ed official-link">{}{} <a href="{}">{}</a></p>',
                labels["official_link"],
                colon(lang),
                http_url(entity.link[lang]),
                entity.link[lang],
            )
        )
    # One entry per sentence: a sentence that names the entity twice is listed once.
    unique: dict[tuple[str, str], Mention] = {}
    for m in mentions:
        unique.setdefault((m.piece.anchor, plain(m.sentence)), m)
    items = join(
        markup(
            '<li>{} <br><span class="sentence">{}</span></li>', piece_link(url, m.piece), ctx.heading(m.sentence, url)
        )
        for m in unique.values()
    )
    body.append(markup('<h2 id="mentions">{}</h2>', labels["mentioned_in"]))
    if lang != DEFAULT_LANG and unique:  # the passages quoted below are this edition's translation
        body.append(
            markup(
                '<p class="ed quote-label translation-label" data-search-exclude><strong>{}</strong></p>',
                labels["translation_label"],
            )
        )
    body.append(markup('<ol class="ed mentions" data-search-exclude>{}</ol>', items))  # the provisions' pages hold it
    body.append(translation_note(ctx))
    meta = {"description": entity.description[lang], "search": {"boost": SEARCH_BOOST["entity"]}}
    return Page(url, entity.name[lang], join(body, "\n\n"), meta)


def entity_index_page(ctx: Context, register: Register, mentions: dict[str, list[Mention]]) -> Page:
    lang, labels, url = ctx.lang, ctx.labels, urls.ENTITIES
    body = [crumbs(ctx, url, []), markup('<h1 id="entities">{}</h1>', labels["entities"])]
    for kind in KINDS:
        members = sorted((e for e in register.entities.values() if e.kind == kind), key=lambda e: e.name[lang].lower())
        if not members:
            continue
        body.append(markup('<h2 id="kind-{}">{}</h2>', kind, labels["kinds"][kind]))
        rows = []
        for entity in members:
            name = link(url, urls.entity(entity.ident), entity.name[lang])
            extra = Markup("")
            if kind == "resolution":
                cited = join(dict.fromkeys(piece_link(url, m.piece) for m in mentions[entity.ident]), ", ")
                href = http_url(entity.link[lang]) if entity.link.get(lang) else ""
                official = markup('<a href="{}">{}</a>', href, entity.symbol) if href else markup("{}", entity.symbol)
                extra = markup(" — {}. {}{} {}", official, labels["cited_in"], colon(lang), cited)
            elif entity.acronym.get(lang):
                extra = markup(" ({})", acronym_html(entity, lang, lang))
            rows.append(markup("<li>{}{}</li>", name, extra))
        body.append(markup('<ul class="ed entity-list">{}</ul>', join(rows)))
    body.append(translation_note(ctx))
    return Page(url, labels["entities"], join(body, "\n\n"), {"description": labels["entities"]})


def glossary_page(ctx: Context, register: Register, used: dict[str, dict[str, list[Piece]]]) -> Page:
    """Every acronym of either text: its meaning here, its counterpart in the other language,
    its entity and the provisions of this language's text that use it."""
    lang, labels, url = ctx.lang, ctx.labels, urls.GLOSSARY

    def is_used(entity: Entity, code: str) -> bool:
        return bool(used[code].get(entity.acronym.get(code, "")))

    entities = [e for e in register.entities.values() if is_used(e, lang) or is_used(e, other(lang))]
    rows = []
    for entity in sorted(entities, key=lambda e: (e.acronym.get(lang) or e.acronym[other(lang)]).lower()):
        mine = entity.acronym.get(lang) if is_used(entity, lang) else None
        theirs = entity.acronym.get(other(lang))
        anchor = f"acronym-{(mine or theirs or entity.ident).lower()}"
        groups = group_places(used[lang].get(mine or "", []), labels)
        where = places_html(groups, url, colon(lang), semicolon(lang))
        rows.append(
            markup(
                '<tr id="{}"><td>{}</td> <td>{}{}</td> <td>{}</td> <td>{}</td></tr>\n',
                anchor,
                acronym_html(entity, lang, lang) if mine else "—",
                link(url, urls.entity(entity.ident), entity.name[lang]),
                edition_name_line(labels) if entity.status == EDITION_NAME else "",
                acronym_html(entity, other(lang), lang),
                where,
            )
        )
    head = join(  # spaces between cells: words stay apart in the search text
        (markup('<th scope="col">{}</th>', labels[key]) for key in ("acronym", "expansion", "counterpart", "used_in")),
        " ",
    )
    body = [
        crumbs(ctx, url, []),
        markup('<h1 id="glossary">{}</h1>', labels["glossary"]),
        # A phone scrolls the table in its own box, not the page: a region, focusable so that a
        # keyboard can scroll it too.
        markup(
            '<div class="ed table-scroll" role="region" aria-labelledby="glossary" tabindex="0">'
            '<table class="ed glossary"><thead><tr>{}</tr></thead>\n<tbody>{}</tbody></table></div>',
            head,
            join(rows),
        ),
        translation_note(ctx),
    ]
    return Page(url, labels["glossary"], join(body, "\n\n"), {"description": labels["glossary"]})
