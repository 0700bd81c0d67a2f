"""The page around a provision: the bodies, instruments and resolutions it mentions, and the
provisions that mention the same ones ("related provisions").

Pure functions over the mentions enrich.find_mentions found (entity id -> mentions), and what the
box that shows them holds (chrome.html's around_box writes it): in the right-hand column on wide
screens, after the text on narrow ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from edition.core import urls
from edition.enrich.mentions import Mention
from edition.pages.render import Context, Page, provision_summary
from edition.pages.templates import macros
from edition.sources.register import Register

RELATED = 5  # related provisions shown
COMMON = 1 / 3  # an entity named in more than this share of the provisions relates nothing (the EAPC)


@dataclass(frozen=True)
class Around:
    entities: tuple[str, ...]  # ids of the entities the provision mentions, in order of first mention
    related: tuple[tuple[str, tuple[str, ...]], ...]  # (number, ids of the entities shared), closest first


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


def around_provisions(found: dict[str, list[Mention]], numbers: list[str]) -> dict[str, Around]:
    """For every provision: what it mentions and its closest provisions. Two provisions are the
    closer the more entities they share and the rarer those are (each shared entity counts
    1 / the number of provisions that name it); ties go to document order."""
    named = entities_by_provision(found)
    frequency: dict[str, int] = {}
    for ids in named.values():
        for ident in ids:
            frequency[ident] = frequency.get(ident, 0) + 1
    telling = {ident for ident, count in frequency.items() if count <= max(2, COMMON * len(numbers))}
    by_entity: dict[str, list[str]] = {}
    for number in numbers:
        for ident in named.get(number, []):
            if ident in telling:
                by_entity.setdefault(ident, []).append(number)
    position = {number: index for index, number in enumerate(numbers)}
    out = {}
    for number in numbers:
        shared: dict[str, list[str]] = {}
        for ident in named.get(number, []):
            for other in by_entity.get(ident, []):
                if other != number:
                    shared.setdefault(other, []).append(ident)
        ranked = sorted(shared, key=lambda n: (-sum(1 / frequency[i] for i in shared[n]), position[n]))
        related = tuple((other, tuple(shared[other])) for other in ranked[:RELATED])
        out[number] = Around(tuple(named.get(number, [])), related)
    return out


@dataclass(frozen=True)
class AroundBox:
    """What the box shows: (name, URL) of each entity; (number, title, URL, names of the shared
    entities) of each related provision."""

    entities: list[tuple[str, str]]
    related: list[tuple[str, str, str, str]]


def around_box(ctx: Context, around: Around, register: Register) -> AroundBox | None:
    """The box's content, or None when the provision mentions nothing."""
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
                ", ".join(entities[ident].acronym.get(lang) or entities[ident].name[lang] for ident in shared),
            )
            for number, shared in around.related
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
