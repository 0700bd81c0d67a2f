"""Where in the document something occurs, said compactly: "Plan: 9, 12, 16.1.4; NATO letter:
paras 2, 3, decisions 1, 2". Pure grouping of enrich.Piece lists (register.html's places macro writes it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.core import urls
from edition.core.shape import Component
from edition.enrich.mentions import Piece

COMPONENT_UNIT = re.compile(r"^(?P<block>[a-z][a-z0-9-]*)-(?P<kind>[pi])(?P<n>\d+)$")  # "annex-p4", "annex-i3"


@dataclass(frozen=True)
class Place:
    text: str  # "16.1.4", "2"
    url: str  # language-neutral page URL with its anchor


@dataclass(frozen=True)
class Group:
    label: str  # "Plan", "NATO letter"
    runs: tuple[tuple[str, tuple[Place, ...]], ...]  # ("paras", places), ("decisions", places)


def group_places(found: list[Piece], labels: dict, shape: tuple[Component, ...]) -> list[Group]:
    """The pieces grouped by component (labels "used_<block>"): the paragraphs and indents of each,
    then the titles and provisions, with the component that holds the provisions; each place
    once, in document order."""
    holder = next(component for component in shape if component.holds_provisions)
    numbered: dict[str, Place] = {}
    units: dict[str, dict[str, dict[str, Place]]] = {component.block: {} for component in shape}
    for piece in found:
        unit = COMPONENT_UNIT.match(piece.anchor)
        if piece.number:
            numbered.setdefault(piece.number, Place(piece.number, urls.provision(piece.number, holder.url)))
        elif unit and unit["block"] in units:
            kinds = units[unit["block"]].setdefault(unit["kind"], {})
            kinds.setdefault(unit["n"], Place(unit["n"], f"{piece.url}#{piece.anchor}"))
        else:  # a title: a part's, a component's
            numbered.setdefault(piece.label, Place(piece.label, f"{piece.url}#{piece.anchor}"))
    out = []
    for component in shape:
        key = component.block
        runs = tuple(
            (labels["used_" + kind_key], tuple(units[key][kind].values()))
            for kind, kind_key in (("p", "paras"), ("i", "decisions"))
            if units[key].get(kind)
        )
        if runs:
            out.append(Group(labels["used_" + key], runs))
    if numbered:
        out.append(Group(labels["used_" + holder.block], (("", tuple(numbered.values())),)))
    return out
