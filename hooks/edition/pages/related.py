"""The page around a provision: the bodies, instruments and resolutions it mentions, and the
provisions closest to it by subject ("related provisions", enrich/similarity.py), each with the
reason: the subject terms both use, in the page's language, the entities both name, or, failing
those, where the two stand in the structure.

Pure functions over the mentions enrich.find_mentions found (entity id -> mentions) and the
related provisions similarity.related_provisions chose, and what the box that shows them holds
(chrome.html's around_box writes it): in the right-hand column on wide screens, after the text on
narrow ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from edition.core import urls
from edition.enrich.mentions import Mention
from edition.enrich.similarity import Reason, Related
from edition.pages.render import Context, Page, provision_summary
from edition.pages.templates import macros
from edition.sources.register import Register


@dataclass(frozen=True)
class Around:
    entities: tuple[str, ...]  # ids of the entities the provision mentions, in order of first mention
    related: tuple[Related, ...]  # the closest provisions, closest first, each with its reason


def entities_by_provision(found: dict[str, list[Mention]]) -> dict[str, list[str]]:
    """Provision number -> the entities it mentions (title and text), in order of first mention."""
    out: dict[str, list[str]] = {}
    positions: dict[tuple[str, str], tuple[int, int]] = {}
    for ident, mentions in found.items():
        for index, mention in enumerate(mentions):
            number = mention.piece.number
            if not number:
                continue
            key = (number, ident)
            if key not in positions:
                positions[key] = (mention.piece.lineno, index)
                out.setdefault(number, []).append(ident)
    for number, ids in out.items():
        ids.sort(key=lambda ident, n=number: positions[(n, ident)])
    return out


def around_provisions(
    found: dict[str, list[Mention]], related: dict[str, tuple[Related, ...]], numbers: list[str]
) -> dict[str, Around]:
    """For every provision: what it mentions (`found`, one language's mentions) and its related
    provisions (the same in both languages)."""
    named = entities_by_provision(found)
    return {number: Around(tuple(named.get(number, [])), related.get(number, ())) for number in numbers}


def reasons(ctx: Context, number: str, reason: Reason, register: Register) -> list[tuple[str, str]]:
    """(label, text) lines saying why a provision is related, in the page's language: the subject
    terms both use ("also on: sources of financing"), the entities both name ("also cites: CNAD");
    where neither, where the related provision `number` stands ("", "under the same provision (16)")."""
    lang, labels, entities = ctx.lang, ctx.labels, register.entities
    out = []
    if reason.terms.get(lang):
        out.append((labels["related_on"], ", ".join(reason.terms[lang])))
    if reason.entities:
        names = [entities[i].acronym.get(lang) or entities[i].name[lang] for i in reason.entities]
        out.append((labels["related_via"], ", ".join(names)))
    if not out and reason.place:
        place = labels[f"related_place_{reason.place}"]
        parent = ctx.reading.provisions[number].parent if reason.place == "sibling" else None
        out.append(("", f"{place} ({parent})" if parent else place))
    return out


@dataclass(frozen=True)
class AroundBox:
    """What the box shows: (name, URL) of each entity; (number, title, URL, reasons) of each related
    provision, a reason being a (label, text) line."""

    entities: list[tuple[str, str]]
    related: list[tuple[str, str, str, list[tuple[str, str]]]]


def around_box(ctx: Context, around: Around, register: Register) -> AroundBox | None:
    """The box's content, or None when the provision mentions nothing and relates to nothing."""
    if not around.entities and not around.related:
        return None
    lang, entities = ctx.lang, register.entities
    return AroundBox(
        [(entities[ident].name[lang], urls.entity(ident)) for ident in around.entities],
        [
            (
                number,
                provision_summary(ctx.reading.provisions[number], words=8),  # its title, or its first words
                ctx.provision_url(number),
                reasons(ctx, number, related.reason, register),
            )
            for related in around.related
            for number in (related.number,)
        ],
    )


def with_around(ctx: Context, page: Page, around: dict[str, Around], register: Register) -> Page:
    """A provision page with the box in its right-hand column and, for narrow screens, after its text
    (the page's template places it)."""
    number = page.meta.get("provision")
    if number is None:
        return page
    box = around_box(ctx, around[number], register)
    if box is None:
        return page
    page.meta["related"] = str(macros().around_box(ctx.labels, ctx.lang, page.url, box, "sidebar"))
    page.data["around"] = box
    return page
