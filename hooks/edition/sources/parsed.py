"""The parse's result: plain data from which each language's tree is built (document/tree.py).
Private to the source reader and the tree builder: every other stage reads the walk."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from edition.core.shape import Component, holder_of


@dataclass(frozen=True)
class Line:
    """One line of a source file: its key ('p', 'title', '-' for an indent...) and text."""

    key: str
    text: str
    lineno: int


@dataclass
class Block:
    """A bracketed block of a source file: the masthead, a letter, a part or a provision."""

    ident: str  # as written between brackets: "letter", "part preamble", "16.3.2"
    lineno: int
    lines: list[Line] = field(default_factory=list)

    def first(self, key: str) -> str:
        return next((line.text for line in self.lines if line.key == key), "")

    def linenos(self) -> dict[str, int]:
        """Key -> the line of its first occurrence, for messages."""
        out: dict[str, int] = {}
        for line in self.lines:
            out.setdefault(line.key, line.lineno)
        return out


@dataclass
class Unit:
    """A citable piece of text: a paragraph or an indent, with its language-neutral anchor."""

    anchor: str  # unique in the whole document: "p-9-i2", "annex-p4", "annex-d3"
    kind: str  # "p" or "item"
    text: str  # inline HTML allowed (<sup>)
    lineno: int
    label: str = ""  # "1", "a" ...: the unit's position, for citation ("indent 2")


@dataclass
class Provision:
    """A numbered provision of the Plan: paragraph (16), section (16.3) or sub-provision (16.3.2)."""

    number: str  # "16.3.2"
    part: str  # part slug
    title: str  # "" for paragraphs 1-18
    units: list[Unit]
    lineno: int
    linenos: dict[str, int] = field(default_factory=dict)  # key ("title") -> its line

    @property
    def slug(self) -> str:
        return self.number.replace(".", "-")

    @property
    def anchor(self) -> str:
        return "p-" + self.slug

    @property
    def depth(self) -> int:
        return self.number.count(".")

    @property
    def parent(self) -> str | None:
        return self.number.rsplit(".", 1)[0] if self.depth else None


@dataclass
class Part:
    slug: str
    title: str
    lineno: int
    provisions: list[str] = field(default_factory=list)  # numbers, in order
    linenos: dict[str, int] = field(default_factory=dict)


@dataclass
class Section:
    """A non-numbered division: the covering letter, the annexed letter, the Plan's front matter."""

    key: str  # the component's block: "letter", "annex", "plan"
    label: str  # "Annexe", "Pièce jointe" ("" for the covering letter)
    title: str
    original: str  # "[Original : anglais]"
    units: list[Unit]
    signature: str
    lineno: int
    linenos: dict[str, int] = field(default_factory=dict)


@dataclass
class Document:
    lang: str
    path: str  # source file, for messages
    masthead: dict[str, str]
    shape: tuple[Component, ...]  # the declared components, in reading order
    sections: dict[str, Section]  # component block -> its text, in the shape's order
    parts: list[Part]
    provisions: dict[str, Provision]  # number -> provision, in document order
    linenos: dict[str, int] = field(default_factory=dict)  # masthead key -> its line

    @cached_property
    def holder(self) -> Component:
        """The component the parts and numbered provisions belong to."""
        return holder_of(self.shape)

    def ordered(self) -> list[Provision]:
        return list(self.provisions.values())


def placed(provisions: list[Provision]) -> dict[str | None, list[Provision]]:
    """Each provision's sub-provisions (None: the provisions a part holds directly), in source order.

    A provision is placed under the last one before it, in its part, of a lower level. For a
    numbering the build accepts, that is the provision its number names (16.3.2 under 16.3); for a
    wrong one (16.6.1 where 16.5.1 belongs, a level skipped, a number of another part), the tree
    keeps the source's order and every provision in the part its block stands in, so that the checks
    that read it (alignment, fidelity) name the wrong number at its place rather than elsewhere."""
    out: dict[str | None, list[Provision]] = {}
    above: list[Provision] = []
    for provision in provisions:
        if above and above[-1].part != provision.part:
            above = []  # a part's first provision: nothing of the part before holds it
        while above and above[-1].depth >= provision.depth:
            above.pop()
        out.setdefault(above[-1].number if above else None, []).append(provision)
        above.append(provision)
    return out
