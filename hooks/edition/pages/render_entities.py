"""Render the register: one page per entity, an index by kind, and the glossary of acronyms
(templates entity.html, entities.html, glossary.html and register.html's macros)."""

from __future__ import annotations

from edition.core import urls
from edition.core.inline import plain
from edition.core.langs import DEFAULT_LANG, LANGS
from edition.enrich.mentions import Mention, Piece
from edition.enrich.places import group_places
from edition.pages.render import SEARCH_BOOST, Context, Page, crumbs, http_url
from edition.sources.register import KINDS, Entity, Register

EDITION_NAME = "edition"  # register status: a name is this edition's own rendering


def other(lang: str) -> str:
    return next(code for code in LANGS if code != lang)


def piece_target(piece: Piece) -> str:
    return f"{piece.url}#{piece.anchor}"


def entity_page(ctx: Context, register: Register, entity: Entity, mentions: list[Mention]) -> Page:
    lang, labels = ctx.lang, ctx.labels
    url = urls.entity(entity.ident)
    # One entry per sentence: a sentence that names the entity twice is listed once.
    unique: dict[tuple[str, str], Mention] = {}
    for m in mentions:
        unique.setdefault((m.piece.anchor, plain(m.sentence)), m)
    meta = {"description": entity.description[lang], "search": {"boost": SEARCH_BOOST["entity"]}}
    return ctx.page(
        url,
        entity.name[lang],
        "entity.html",
        meta,
        trail=crumbs(ctx, [(labels["entities_short"], urls.ENTITIES)]),
        entity=entity,
        codes=(lang, other(lang)),
        description=ctx.heading(entity.description[lang], url),
        edition_name=entity.status == EDITION_NAME,
        official_link=http_url(entity.link[lang]) if entity.link.get(lang) else "",
        translated=lang != DEFAULT_LANG,  # the passages quoted are this edition's translation
        mentions=[(m.piece.label, piece_target(m.piece), ctx.heading(m.sentence, url)) for m in unique.values()],
    )


def entity_index_page(ctx: Context, register: Register, mentions: dict[str, list[Mention]]) -> Page:
    lang, labels, url = ctx.lang, ctx.labels, urls.ENTITIES
    kinds = []
    for kind in KINDS:
        members = sorted((e for e in register.entities.values() if e.kind == kind), key=lambda e: e.name[lang].lower())
        if not members:
            continue
        rows = []
        for entity in members:
            official, cited = "", []
            if kind == "resolution":
                cited = list(dict.fromkeys((m.piece.label, piece_target(m.piece)) for m in mentions[entity.ident]))
                official = http_url(entity.link[lang]) if entity.link.get(lang) else ""
            rows.append((entity, official, cited))
        kinds.append((kind, rows))
    return ctx.page(
        url,
        labels["entities"],
        "entities.html",
        {"description": labels["entities"]},
        trail=crumbs(ctx, []),
        kinds=kinds,
        entity_url=urls.entity,
    )


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
        rows.append(
            (anchor, entity, bool(mine), group_places(used[lang].get(mine or "", []), labels, ctx.identity.components))
        )
    return ctx.page(
        url,
        labels["glossary"],
        "glossary.html",
        {"description": labels["glossary"]},
        trail=crumbs(ctx, []),
        rows=rows,
        other=other(lang),
        entity_url=urls.entity,
        edition_status=EDITION_NAME,
    )
