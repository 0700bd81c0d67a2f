"""Where in the document something occurs, said compactly: "Plan: 9, 12, 16.1.4; NATO letter:
paras 2, 3, decisions 1, 2". Pure grouping of enrich.Piece lists (register.html's places macro writes it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import urls
from .enrich import Piece

LETTER_UNIT = re.compile(r"^(?P<letter>letter|annex)-(?P<kind>[pi])(?P<n>\d+)$")


@dataclass(frozen=True)
class Place:
    text: str  # "16.1.4", "2"
    url: str  # language-neutral page URL with its anchor


@dataclass(frozen=True)
class Group:
    label: str  # "Plan", "NATO letter"
    runs: tuple[tuple[str, tuple[Place, ...]], ...]  # ("paras", places), ("decisions", places)


def group_places(found: list[Piece], labels: dict) -> list[Group]:
    """The pieces grouped by letter and Plan, each place once, in document order."""
    plan: dict[str, Place] = {}
    letters: dict[str, dict[str, dict[str, Place]]] = {"letter": {}, "annex": {}}
    for piece in found:
        unit = LETTER_UNIT.match(piece.anchor)
        if piece.where.startswith("provision "):
            number = piece.where.removeprefix("provision ")
            plan.setdefault(number, Place(number, urls.provision(number)))
        elif unit:
            kinds = letters[unit["letter"]].setdefault(unit["kind"], {})
            kinds.setdefault(unit["n"], Place(unit["n"], f"{piece.url}#{piece.anchor}"))
        else:  # a title: the Plan's, a part's, a letter's
            plan.setdefault(piece.label, Place(piece.label, f"{piece.url}#{piece.anchor}"))
    out = []
    for key in ("letter", "annex"):
        runs = tuple(
            (labels["used_" + kind_key], tuple(letters[key][kind].values()))
            for kind, kind_key in (("p", "paras"), ("i", "decisions"))
            if letters[key].get(kind)
        )
        if runs:
            out.append(Group(labels["used_" + key], runs))
    if plan:
        out.append(Group(labels["used_plan"], (("", tuple(plan.values())),)))
    return out
