"""Render the register: one page per entity, an index by kind, and the glossary of acronyms."""

from __future__ import annotations

from . import urls
from .enrich import TAG, Mention, Piece
from .model import LANGS
from .places import group_places, places_html
from .register import KINDS, Entity, Register
from .render import SEARCH_BOOST, Context, Page, colon, crumbs, esc, link, semicolon, translation_note


def other(lang: str) -> str:
    return next(code for code in LANGS if code != lang)


def in_lang(text: str, text_lang: str, page_lang: str) -> str:
    """Text in another language than the page's is marked with its own lang."""
    return esc(text) if text_lang == page_lang else f'<span lang="{text_lang}">{esc(text)}</span>'


def acronym_html(entity: Entity, lang: str, page_lang: str) -> str:
    """The entity's acronym in `lang`, explained in the page's language."""
    acronym = entity.acronym.get(lang)
    if not acronym:
        return "—"
    word = in_lang(acronym, entity.acronym_lang(lang) if lang == page_lang else lang, page_lang)
    return f'<abbr title="{esc(entity.name[page_lang])}">{word}</abbr>'


def piece_link(page_url: str, piece: Piece) -> str:
    return link(page_url, f"{piece.url}#{piece.anchor}", esc(piece.label))


def entity_page(ctx: Context, register: Register, entity: Entity, mentions: list[Mention]) -> Page:
    lang, labels = ctx.lang, ctx.labels
    url = urls.entity(entity.ident)
    names = "".join(
        f'<tr><th scope="row">{esc(code.upper())}</th> <td>{in_lang(entity.name[code], code, lang)}'
        + (f" ({acronym_html(entity, code, lang)})" if entity.acronym.get(code) else "")
        + "</td></tr>"
        for code in (lang, other(lang))
    )
    body = [
        crumbs(ctx, url, [(labels["entities_short"], urls.ENTITIES)]),
        f'<h1 id="entity">{esc(entity.name[lang])}</h1>',
        f'<p class="ed kind">{esc(labels["kinds"][entity.kind])}'
        + (f" — {esc(entity.symbol)}" if entity.symbol else "")
        + "</p>",
        f'<table class="ed names"><caption>{esc(labels["names"])}</caption><tbody>{names}</tbody></table>',
        f'<p class="ed description">{ctx.heading(esc(entity.description[lang]), url)}'
        + (f" <em>{esc(labels['to_check'])}</em>" if entity.status == "to check" else "")
        + "</p>",
    ]
    if entity.link.get(lang):
        body.append(
            f'<p class="ed official-link">{esc(labels["official_link"])}{colon(lang)} '
            f'<a href="{esc(entity.link[lang])}">{esc(entity.link[lang])}</a></p>'
        )
    # One entry per sentence: a sentence that names the entity twice is listed once.
    unique: dict[tuple[str, str], Mention] = {}
    for m in mentions:
        unique.setdefault((m.piece.anchor, TAG.sub("", m.sentence)), m)
    items = "".join(
        f'<li>{piece_link(url, m.piece)} <br><span class="sentence">{ctx.heading(m.sentence, url)}</span></li>'
        for m in unique.values()
    )
    body.append(f'<h2 id="mentions">{esc(labels["mentioned_in"])}</h2>')
    body.append(f'<ol class="ed mentions" data-search-exclude>{items}</ol>')  # the provisions' own pages hold it
    body.append(translation_note(ctx))
    meta = {"description": entity.description[lang], "search": {"boost": SEARCH_BOOST["entity"]}}
    return Page(url, entity.name[lang], "\n\n".join(body), meta)


def entity_index_page(ctx: Context, register: Register, mentions: dict[str, list[Mention]]) -> Page:
    lang, labels, url = ctx.lang, ctx.labels, urls.ENTITIES
    body = [crumbs(ctx, url, []), f'<h1 id="entities">{esc(labels["entities"])}</h1>']
    for kind in KINDS:
        members = sorted((e for e in register.entities.values() if e.kind == kind), key=lambda e: e.name[lang].lower())
        if not members:
            continue
        body.append(f'<h2 id="kind-{kind}">{esc(labels["kinds"][kind])}</h2>')
        rows = []
        for entity in members:
            name = link(url, urls.entity(entity.ident), esc(entity.name[lang]))
            extra = ""
            if kind == "resolution":
                cited = ", ".join(dict.fromkeys(piece_link(url, m.piece) for m in mentions[entity.ident]))
                official = f'<a href="{esc(entity.link.get(lang, ""))}">{esc(entity.symbol)}</a>'
                extra = f" — {official}. {esc(labels['cited_in'])}{colon(lang)} {cited}"
            elif entity.acronym.get(lang):
                extra = f" ({acronym_html(entity, lang, lang)})"
            rows.append(f"<li>{name}{extra}</li>")
        body.append(f'<ul class="ed entity-list">{"".join(rows)}</ul>')
    body.append(translation_note(ctx))
    return Page(url, labels["entities"], "\n\n".join(body), {"description": labels["entities"]})


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
            f'<tr id="{anchor}"><td>{acronym_html(entity, lang, lang) if mine else "—"}</td> '
            f"<td>{link(url, urls.entity(entity.ident), esc(entity.name[lang]))}</td> "
            f"<td>{acronym_html(entity, other(lang), lang)}</td> <td>{where}</td></tr>\n"
        )
    head = " ".join(  # spaces between cells: words stay apart in the search text
        f'<th scope="col">{esc(labels[key])}</th>' for key in ("acronym", "expansion", "counterpart", "used_in")
    )
    body = [
        crumbs(ctx, url, []),
        f'<h1 id="glossary">{esc(labels["glossary"])}</h1>',
        f'<table class="ed glossary"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>',
        translation_note(ctx),
    ]
    return Page(url, labels["glossary"], "\n\n".join(body), {"description": labels["glossary"]})
