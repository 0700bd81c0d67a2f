"""The document as a tree in Akoma Ntoso's vocabulary, built by one pure function (build_tree)
from a language's Document and the mentions and acronyms the enrichment finds.

Each node has an AKN kind (doc, paragraph, hcontainer, list, point, p, longTitle, signature ...),
a num, a heading, its own text (content) and children, and an eId built by the Akoma Ntoso
Naming Convention. It also keeps the site's anchor for the same piece of text, so that every
anchor of the site maps to one eId (anchor_map). The mapping is explained in source/README.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .fidelity import number_label
from .model import Document, Provision, Section, Unit

# eIds: name_number, joined by "__" from the outermost numbered ancestor (AKN Naming Convention).
EID = re.compile(r"^[a-zA-Z]+_[a-z0-9-]+(__[a-zA-Z]+_[a-z0-9-]+)*$")
ABBREVIATIONS = {
    "paragraph": "para",
    "attachment": "att",
    "hcontainer": "hcontainer",
    "article": "art",
    "section": "sec",
    "chapter": "chp",
}
# The hierarchical elements a level of numbered provisions may be (document.yml's components' levels).
LEVELS = ("article", "chapter", "section", "paragraph")


@dataclass(frozen=True)
class Span:
    """A mention of a register entity, or an acronym, in a node's text (offsets into that text)."""

    start: int
    end: int
    kind: str  # "mention" or "acronym"
    entity: str  # register id
    lang: str = ""  # for an acronym: the language it is formed in ("en" for NATO's shared ones)


Finder = Callable[[str], list[Span]]


@dataclass
class Node:
    kind: str  # the AKN element: doc, paragraph, hcontainer, list, point, p, longTitle, signature ...
    eid: str = ""  # "" where AKN gives none (a document, a paragraph's own text)
    name: str = ""  # AKN @name: the doc's or hcontainer's kind ("letter", "annex", "part")
    num: str = ""  # as printed: "16.", "16.3.2"
    heading: str = ""  # inline HTML allowed (<sup>)
    content: str = ""  # this node's own text, inline HTML allowed
    children: list[Node] = field(default_factory=list)
    anchor: str = ""  # the site's anchor for the same text ("p-16-4-2", "annex-i3"), "" if none
    number: str = ""  # a numbered provision's number ("16.3.2"), which names its page
    role: str = ""  # what the text is in the document: "organ", "date", "label", "original" ...
    heading_spans: list[Span] = field(default_factory=list)
    content_spans: list[Span] = field(default_factory=list)
    lineno: int = 0

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


def eid(prefix: str, kind: str, number: str | int) -> str:
    own = f"{ABBREVIATIONS.get(kind, kind)}_{number}"
    return f"{prefix}__{own}" if prefix else own


def text_node(kind: str, text: str, find: Finder, **attrs) -> Node:
    return Node(kind, content=text, content_spans=find(text), **attrs)


def chunks(units: list[Unit]) -> list[tuple[Unit, list[Unit]]]:
    """Each paragraph with the indents that follow it (the list it introduces)."""
    out: list[tuple[Unit, list[Unit]]] = []
    for unit in units:
        if unit.kind == "item":
            out[-1][1].append(unit)  # the parser refuses an indent with no paragraph above it
        else:
            out.append((unit, []))
    return out


def points(prefix: str, items: list[Unit], find: Finder) -> Node:
    """A list of indents: each a point with its own text."""
    list_eid = eid(prefix, "list", 1)
    return Node(
        "list",
        list_eid,
        children=[
            Node(
                "point",
                eid(list_eid, "point", position),
                children=[text_node("p", item.text, find, lineno=item.lineno)],
                anchor=item.anchor,
                lineno=item.lineno,
            )
            for position, item in enumerate(items, 1)
        ],
    )


def section_doc(section: Section, prefix: str, find: Finder, masthead: dict[str, str]) -> Node:
    """A letter or the Plan's front matter as an AKN doc: preface, mainBody, conclusions."""
    preface = Node("preface")
    for role in ("organ", "distribution", "date", "original"):
        if masthead.get(role):
            preface.children.append(text_node("p", masthead[role], find, role=role))
    if section.label:
        preface.children.append(text_node("p", section.label, find, role="label"))
    title = Node("longTitle", eid(prefix, "longTitle", 1), anchor=section.key, lineno=section.lineno)
    title.children.append(text_node("p", section.title, find, role="title"))
    preface.children.append(title)
    if section.original:
        preface.children.append(text_node("p", section.original, find, role="original"))
    body = Node("mainBody")
    for position, (unit, items) in enumerate(chunks(section.units), 1):
        paragraph = Node("paragraph", eid(prefix, "paragraph", position), anchor=unit.anchor, lineno=unit.lineno)
        paragraph.children.append(
            text_node("p", unit.text, find, role="intro" if items else "content", lineno=unit.lineno)
        )
        if items:
            paragraph.children.append(points(paragraph.eid, items, find))
        body.children.append(paragraph)
    doc = Node("doc", name=section.key, lineno=section.lineno, children=[preface, body])
    if section.signature:
        signature = text_node(
            "signature", section.signature, find, eid=eid(prefix, "signature", 1), anchor=f"{section.key}-signature"
        )
        doc.children.append(Node("conclusions", children=[signature]))
    return doc


def provision_node(doc: Document, provision: Provision, prefix: str, find: Finder) -> Node:
    """A numbered provision: the element its level is declared to be (a paragraph, an article...),
    with its text, its list of indents and its sub-provisions."""
    kind = doc.holder.levels[provision.depth]
    own = eid(prefix, kind, provision.number.rsplit(".", 1)[-1])
    node = Node(
        kind,
        own,
        num=number_label(provision.number),
        heading=provision.title,
        heading_spans=find(provision.title) if provision.title else [],
        anchor=provision.anchor,
        number=provision.number,
        lineno=provision.lineno,
    )
    children = doc.children(provision.number)
    for position, (unit, items) in enumerate(chunks(provision.units), 1):
        intro = bool(items or children)
        node.children.append(
            text_node(
                "p",
                unit.text,
                find,
                eid=eid(own, "p", position),
                anchor=unit.anchor,
                role="intro" if intro else "content",
                lineno=unit.lineno,
            )
        )
        if items:
            node.children.append(points(own, items, find))
    node.children += [provision_node(doc, child, own, find) for child in children]
    return node


def build_tree(doc: Document, find: Finder) -> Node:
    """The whole document of one language, as its declared shape nests it: the first component is
    the document (S/2003/85: the covering letter), every other one an attachment of the component
    it is attached to (the annexed letter; the Plan, attachment of that attachment); the parts and
    numbered provisions go into the body of the component that holds them."""
    prefixes: dict[str, str] = {}  # component block -> the eId prefix of what it holds
    nodes: dict[str, Node] = {}
    attachments: dict[str, list[Node]] = {}  # component block -> its attachments, in order
    for component in doc.shape:
        prefix = ""
        if component.attached_to:
            attached = attachments.setdefault(component.attached_to, [])
            prefix = eid(prefixes[component.attached_to], "attachment", len(attached) + 1)
            attached.append(Node("attachment", prefix))
        masthead = {} if component.attached_to else doc.masthead
        node = section_doc(doc.sections[component.block], prefix, find, masthead)
        if component.attached_to:
            attachments[component.attached_to][-1].children.append(node)
        if component.holds_provisions:
            body = next(child for child in node.children if child.kind == "mainBody")
            body.children += part_nodes(doc, prefix, find)
        prefixes[component.block], nodes[component.block] = prefix, node
    for block, attached in attachments.items():
        nodes[block].children.append(Node("attachments", children=attached))
    return nodes[doc.shape[0].block]


def part_nodes(doc: Document, prefix: str, find: Finder) -> list[Node]:
    """The parts, each an hcontainer with the provisions it holds."""
    containers = []
    for position, part in enumerate(doc.parts, 1):
        container = Node(
            "hcontainer",
            eid(prefix, "hcontainer", position),
            name="part",
            heading=part.title,
            heading_spans=find(part.title),
            anchor=f"part-{part.slug}",
            lineno=part.lineno,
        )
        # Provision numbers run on across the parts (1 to 18): a part is not part of their eIds.
        container.children = [
            provision_node(doc, doc.provisions[number], prefix, find)
            for number in part.provisions
            if doc.provisions[number].parent is None
        ]
        containers.append(container)
    return containers


# ---------------------------------------------------------------- reading the tree (the views)


def child_of(node: Node, kind: str) -> Node:
    """The first child of this kind, or an empty node."""
    return next((child for child in node.children if child.kind == kind), Node(kind))


def units_in(nodes: list[Node]) -> list[Unit]:
    """The paragraphs and indents among these nodes, in order: a text (p), the points of a list, a
    letter's paragraph (whose anchor is the paragraph's); not the numbered provisions below."""
    out: list[Unit] = []
    for node in nodes:
        if node.kind == "p":
            out.append(Unit(node.anchor, "p", node.content, node.lineno))
        elif node.kind == "list":
            out += [Unit(point.anchor, "item", point.children[0].content, point.lineno) for point in node.children]
        elif node.kind == "paragraph" and not node.number:
            out.append(Unit(node.anchor, "p", node.children[0].content, node.lineno))
            out += units_in(node.children[1:])
    return out


def doc_section(doc: Node) -> Section:
    """A component (an AKN doc) as the pages show it: label, title, original language, text, signature."""
    preface = child_of(doc, "preface").children
    title = next(node for node in preface if node.kind == "longTitle")
    after_title = preface[preface.index(title) + 1 :]  # the masthead's original language comes before it
    return Section(
        key=doc.name,
        label=next((node.content for node in preface if node.role == "label"), ""),
        title=title.children[0].content,
        original=next((node.content for node in after_title if node.role == "original"), ""),
        units=units_in([node for node in child_of(doc, "mainBody").children if node.kind != "hcontainer"]),
        signature=next((node.content for node in child_of(doc, "conclusions").children), ""),
        lineno=doc.lineno,
    )


def doc_named(tree: Node, name: str) -> Node:
    """The AKN doc of a component (its block, document.yml)."""
    return next(node for node in tree.walk() if node.kind == "doc" and node.name == name)


def part_named(tree: Node, slug: str) -> Node:
    """The hcontainer of a part."""
    return next(node for node in tree.walk() if node.kind == "hcontainer" and node.anchor == f"part-{slug}")


def masthead_of(tree: Node) -> dict[str, str]:
    """The printed masthead (the document's preface before its title): role -> text."""
    out: dict[str, str] = {}
    for node in child_of(tree, "preface").children:
        if node.kind == "longTitle":
            break
        out[node.role] = node.content
    return out


def own_units(provision: Node) -> list[Unit]:
    """A numbered provision's own text: its paragraphs and indents, not its sub-provisions'."""
    return units_in([child for child in provision.children if not child.number])


def anchor_map(tree: Node) -> dict[str, str]:
    """Every anchor of the site that names a piece of the document -> the eId of that piece."""
    out: dict[str, str] = {}
    for node in tree.walk():
        if node.anchor:
            if node.anchor in out:
                raise ValueError(f"anchor {node.anchor} is given to two elements ({out[node.anchor]}, {node.eid})")
            out[node.anchor] = node.eid
    return out


def check_eids(tree: Node) -> list[str]:
    """Problems with the eIds: each unique, well formed by the Naming Convention, and nested:
    an eId's prefix is the eId of an element that holds it."""
    problems, seen = [], set()

    def visit(node: Node, above: tuple[str, ...]) -> None:
        if node.eid:
            if not EID.match(node.eid):
                problems.append(f"eId {node.eid!r} ({node.kind}) does not follow the Naming Convention")
            if node.eid in seen:
                problems.append(f"eId {node.eid!r} is given twice")
            prefix = node.eid.rpartition("__")[0]
            if prefix and prefix not in above:
                problems.append(f"eId {node.eid!r}: no element above it has the eId {prefix!r}")
            seen.add(node.eid)
        for child in node.children:
            visit(child, (*above, node.eid) if node.eid else above)

    visit(tree, ())
    return problems


def finder(linker) -> Finder:
    """The spans of one language's linker (enrich.Linker): its mentions, then its acronyms."""

    def find(text: str) -> list[Span]:
        spans = [Span(start, end, "mention", entity.ident) for start, end, entity in linker.matches(text)]
        offset = 0
        for segment in re.split(r"(<[^>]+>)", text):
            if not segment.startswith("<"):
                for match in linker.acronym.finditer(segment):
                    if not match.group():
                        continue  # a register without acronyms makes an empty pattern
                    entity = linker.acronyms[match.group()]
                    start = offset + match.start()
                    spans.append(
                        Span(
                            start, start + len(match.group()), "acronym", entity.ident, entity.acronym_lang(linker.lang)
                        )
                    )
            offset += len(segment)
        return sorted(spans, key=lambda span: (span.start, -span.end))

    return find
