"""The one walk over the document tree (tree.py) that every consumer reads.

It yields the document's divisions (its masthead, its components, their parts and numbered
provisions), each with its own text as passages, in reading order. The fidelity check, the
alignment of the two languages, the enrichment's pieces, the citable pages, the JSON export,
every page, the parallel view and the PDF read this walk; the Akoma Ntoso files are written from
the same tree, its mentions marked (tree.with_spans). What one of them takes for the text, its
order, its anchors and its source lines is what they all do.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from edition.core.shape import MASTHEAD_ROLES
from edition.document.tree import Node, child_of

# A passage's role: what the text is in the document.
CONTENT = ("p", "item")  # a paragraph, an indent: the text that has an anchor of its own


@dataclass(frozen=True)
class Passage:
    """A piece of the document's own text, as the source holds it."""

    text: str  # inline HTML allowed (<sup>)
    role: str  # "organ", "label", "title", "original", "signature", "num", "heading", "p", "item"
    lineno: int  # its line in the language's source file
    anchor: str = ""  # the site's anchor of a paragraph or an indent ("p-16-4-2-i8"), of a title or signature
    position: str = ""  # a paragraph's or indent's position in its block ("8"), which citations give


@dataclass
class Division:
    """A division of the document: the masthead, a component (an AKN doc: a letter, the Plan), a
    part or a numbered provision. Each but the masthead has a page."""

    kind: str  # "masthead", "component", "part", "provision"
    key: str  # the component's block, the part's slug, the provision's number; "masthead"
    node: Node
    lineno: int  # its block's line in the source
    part: str = ""  # a provision's part (slug)
    parent: str | None = None  # a provision's parent provision (number)
    passages: list[Passage] = field(default_factory=list)  # its own text, in reading order

    @property
    def where(self) -> str:
        """How messages name it, as the source names its block: "[annex]", "provision 16.4.2"."""
        if self.kind == "provision":
            return f"provision {self.key}"
        return f"[part {self.key}]" if self.kind == "part" else f"[{self.key}]"

    @property
    def title(self) -> str:
        """A component's title, a part's or provision's heading ("" for an untitled paragraph)."""
        if self.kind == "component":
            return next(p.text for p in self.passages if p.role == "title")
        return self.node.heading

    @property
    def depth(self) -> int:
        return self.key.count(".") if self.kind == "provision" else 0

    @property
    def number(self) -> str:
        """A provision's number ("16.3.2"); "" for another division."""
        return self.key if self.kind == "provision" else ""

    @property
    def anchor(self) -> str:
        """The site's anchor of the division ("p-16-3-2", "part-reports", "annex")."""
        return self.node.anchor or next((p.anchor for p in self.passages if p.role == "title"), "")

    def text_of(self, role: str) -> str:
        """Its text of this role ("label", "original", "signature"...), or ""."""
        return next((passage.text for passage in self.passages if passage.role == role), "")

    def texts(self) -> list[Passage]:
        """Its paragraphs and indents (not a provision's sub-provisions')."""
        return [passage for passage in self.passages if passage.role in CONTENT]


def text_passages(nodes: list[Node]) -> Iterator[Passage]:
    """The paragraphs and indents among these nodes (a text, a list, a letter's paragraph), not
    the numbered provisions below them."""
    for child in nodes:
        if child.kind == "p":
            yield Passage(child.content, "p", child.lineno, child.anchor, child.position)
        elif child.kind == "list":
            for point in child.children:
                yield Passage(point.children[0].content, "item", point.lineno, point.anchor, point.position)
        elif child.kind == "paragraph" and not child.number:  # a letter's paragraph: its anchor is its own
            yield Passage(child.children[0].content, "p", child.lineno, child.anchor, child.position)
            yield from text_passages(child.children[1:])


def preface_passages(preface: list[Node], roles: tuple[str, ...]) -> Iterator[Passage]:
    """The texts of these roles in a preface; "title" for its longTitle."""
    for node in preface:
        if node.kind == "longTitle":
            if "title" in roles:
                title = node.children[0]
                yield Passage(title.content, "title", title.lineno, node.anchor)
        elif node.role in roles:
            yield Passage(node.content, node.role, node.lineno, node.anchor)


@dataclass
class Walk:
    """One language's tree, walked once: its divisions, and every passage in reading order."""

    divisions: list[Division]
    reading: list[tuple[Division, Passage]]
    lang: str = ""
    path: str = ""  # the language's source file, for messages

    def of_kind(self, kind: str) -> list[Division]:
        return [division for division in self.divisions if division.kind == kind]

    # The lookups the pages need, made once, so that rendering stays linear in the text's length.

    @cached_property
    def masthead(self) -> dict[str, str]:
        """The printed masthead: role ("organ", "date" ...) -> its text."""
        return {passage.role: passage.text for passage in self.of_kind("masthead")[0].passages}

    @cached_property
    def components(self) -> dict[str, Division]:
        """Component block -> its division, in reading order."""
        return {division.key: division for division in self.of_kind("component")}

    @cached_property
    def parts(self) -> dict[str, Division]:
        """Part slug -> its division, in reading order."""
        return {division.key: division for division in self.of_kind("part")}

    @cached_property
    def provisions(self) -> dict[str, Division]:
        """Provision number -> its division, in reading order."""
        return {division.key: division for division in self.of_kind("provision")}

    @property
    def ordered(self) -> list[Division]:
        """The provisions, in reading order."""
        return self.sequences["provision"][0]

    @cached_property
    def held(self) -> dict[str, list[Division]]:
        """Part slug -> the provisions it holds, sub-provisions included, in reading order."""
        out: dict[str, list[Division]] = {slug: [] for slug in self.parts}
        for provision in self.provisions.values():
            out[provision.part].append(provision)
        return out

    @cached_property
    def below(self) -> dict[str, list[Division]]:
        """Provision number -> its sub-provisions, in reading order."""
        out: dict[str, list[Division]] = {}
        for provision in self.provisions.values():
            if provision.parent is not None:
                out.setdefault(provision.parent, []).append(provision)
        return out

    @cached_property
    def sequences(self) -> dict[str, tuple[list[Division], dict[str, int]]]:
        """Kind ("part", "provision") -> those divisions in reading order, and the index of each key."""
        out = {}
        for kind in ("part", "provision"):
            ordered = self.of_kind(kind)
            out[kind] = ordered, {division.key: index for index, division in enumerate(ordered)}
        return out

    def neighbours(self, key: str, kind: str = "provision") -> tuple[Division | None, Division | None]:
        """The provisions (or parts) before and after this one, in reading order."""
        ordered, positions = self.sequences[kind]
        index = positions[key]
        return (ordered[index - 1] if index else None), (ordered[index + 1] if index + 1 < len(ordered) else None)


def walk(tree: Node, lang: str = "", path: str = "") -> Walk:
    """Every division of one language's tree and every passage of its text, in reading order."""
    found = Walk([], [], lang, path)

    def division(kind: str, key: str, node: Node, lineno: int, **where: str | None) -> Division:
        made = Division(kind, key, node, lineno, **where)
        found.divisions.append(made)
        return made

    def add(to: Division, passages: Iterator[Passage] | list[Passage]) -> None:
        for passage in passages:
            to.passages.append(passage)
            found.reading.append((to, passage))

    def component(doc: Node) -> None:
        preface = child_of(doc, "preface").children
        title_at = next(index for index, node in enumerate(preface) if node.kind == "longTitle")
        if not found.divisions:  # the document's first component: the masthead stands before its title
            masthead = division("masthead", "masthead", child_of(doc, "preface"), 1)
            add(masthead, preface_passages(preface[:title_at], MASTHEAD_ROLES))
            masthead.lineno = min((passage.lineno for passage in masthead.passages), default=1)
        own = division("component", doc.name, doc, doc.lineno)
        add(own, preface_passages(preface[:title_at], ("label",)))
        add(own, preface_passages(preface[title_at:], ("title", "original")))
        body = child_of(doc, "mainBody").children
        add(own, text_passages([node for node in body if node.kind != "hcontainer"]))
        for container in body:
            if container.kind == "hcontainer":
                part(container)
        # After the parts: a signature closes the component it signs, parts included.
        add(own, [Passage(n.content, "signature", n.lineno, n.anchor) for n in child_of(doc, "conclusions").children])
        for attachment in child_of(doc, "attachments").children:
            component(child_of(attachment, "doc"))

    def part(container: Node) -> None:
        slug = container.anchor.removeprefix("part-")
        own = division("part", slug, container, container.lineno)
        add(own, [Passage(container.heading, "heading", container.heading_lineno, container.anchor)])
        for node in container.children:
            provision(node, slug, None)

    def provision(node: Node, slug: str, parent: str | None) -> None:
        own = division("provision", node.number, node, node.lineno, part=slug, parent=parent)
        add(own, [Passage(node.num, "num", node.lineno)])
        if node.heading:
            add(own, [Passage(node.heading, "heading", node.heading_lineno, node.anchor)])
        add(own, text_passages(node.children))
        for child in node.children:
            if child.number:
                provision(child, slug, node.number)

    component(tree)
    return found
