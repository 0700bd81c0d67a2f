"""The document as a tree in Akoma Ntoso's vocabulary, built by one pure function (build_tree)
from a language's parsed Document; a second one (with_spans) copies it with the mentions and
acronyms the enrichment finds in each text. Every consumer reads the tree through one walk
(passages.py).

Each node has an AKN kind (doc, paragraph, hcontainer, list, point, p, longTitle, signature ...),
a num, a heading, its own text (content) and children, and an eId built by the Akoma Ntoso
Naming Convention. It also keeps the site's anchor for the same piece of text, so that every
anchor of the site maps to one eId (anchor_map). The mapping is explained in source/README.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from edition.core.langs import number_label
from edition.core.shape import MASTHEAD_ROLES
from edition.sources.parse import SourceError
from edition.sources.parsed import Document, Provision, Section, Unit, placed

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
    lineno: int = 0  # the source line of its own text (content), or of its block
    heading_lineno: int = 0  # the source line of its heading
    position: str = ""  # a paragraph's or indent's position in its source block ("4"), which citations give

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


def eid(prefix: str, kind: str, number: str | int) -> str:
    own = f"{ABBREVIATIONS.get(kind, kind)}_{number}"
    return f"{prefix}__{own}" if prefix else own


def text_node(kind: str, text: str, **attrs) -> Node:
    return Node(kind, content=text, **attrs)


def chunks(units: list[Unit]) -> list[tuple[Unit, list[Unit]]]:
    """Each paragraph with the indents that follow it (the list it introduces)."""
    out: list[tuple[Unit, list[Unit]]] = []
    for unit in units:
        if unit.kind == "item":
            out[-1][1].append(unit)  # the parser refuses an indent with no paragraph above it
        else:
            out.append((unit, []))
    return out


def points(prefix: str, items: list[Unit]) -> Node:
    """A list of indents: each a point with its own text."""
    list_eid = eid(prefix, "list", 1)
    return Node(
        "list",
        list_eid,
        children=[
            Node(
                "point",
                eid(list_eid, "point", position),
                children=[text_node("p", item.text, lineno=item.lineno)],
                anchor=item.anchor,
                lineno=item.lineno,
                position=item.label,
            )
            for position, item in enumerate(items, 1)
        ],
    )


def section_doc(section: Section, prefix: str, masthead: dict[str, tuple[str, int]]) -> Node:
    """A letter or the Plan's front matter as an AKN doc: preface, mainBody, conclusions.
    `masthead`: role -> (text, line), for the document's first component only."""
    preface = Node("preface")
    for role in MASTHEAD_ROLES:
        text, line = masthead.get(role, ("", 0))
        if text:
            preface.children.append(text_node("p", text, role=role, lineno=line))
    lines = section.linenos
    if section.label:
        preface.children.append(text_node("p", section.label, role="label", lineno=lines.get("label", section.lineno)))
    title = Node("longTitle", eid(prefix, "longTitle", 1), anchor=section.key, lineno=section.lineno)
    title.children.append(text_node("p", section.title, role="title", lineno=lines.get("title", section.lineno)))
    preface.children.append(title)
    if section.original:
        line = lines.get("original", section.lineno)
        preface.children.append(text_node("p", section.original, role="original", lineno=line))
    body = Node("mainBody")
    for position, (unit, items) in enumerate(chunks(section.units), 1):
        paragraph = Node(
            "paragraph",
            eid(prefix, "paragraph", position),
            anchor=unit.anchor,
            lineno=unit.lineno,
            position=unit.label,
        )
        paragraph.children.append(text_node("p", unit.text, role="intro" if items else "content", lineno=unit.lineno))
        if items:
            paragraph.children.append(points(paragraph.eid, items))
        body.children.append(paragraph)
    doc = Node("doc", name=section.key, lineno=section.lineno, children=[preface, body])
    if section.signature:
        signature = text_node(
            "signature",
            section.signature,
            eid=eid(prefix, "signature", 1),
            anchor=f"{section.key}-signature",
            lineno=lines.get("signature", section.lineno),
        )
        doc.children.append(Node("conclusions", children=[signature]))
    return doc


def provision_node(doc: Document, provision: Provision, prefix: str, below: dict[str | None, list[Provision]]) -> Node:
    """A numbered provision: the element its level is declared to be (a paragraph, an article...),
    with its text, its list of indents and its sub-provisions (`below`: model.placed)."""
    kind = doc.holder.levels[provision.depth]
    own = eid(prefix, kind, provision.number.rsplit(".", 1)[-1])
    node = Node(
        kind,
        own,
        num=number_label(provision.number),
        heading=provision.title,
        anchor=provision.anchor,
        number=provision.number,
        lineno=provision.lineno,
        heading_lineno=provision.linenos.get("title", provision.lineno),
    )
    children = below.get(provision.number, [])
    for position, (unit, items) in enumerate(chunks(provision.units), 1):
        intro = bool(items or children)
        node.children.append(
            text_node(
                "p",
                unit.text,
                eid=eid(own, "p", position),
                anchor=unit.anchor,
                role="intro" if intro else "content",
                lineno=unit.lineno,
                position=unit.label,
            )
        )
        if items:
            node.children.append(points(own, items))
    node.children += [provision_node(doc, child, own, below) for child in children]
    return node


def build_tree(doc: Document) -> Node:
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
        masthead = {} if component.attached_to else {k: (v, doc.linenos.get(k, 1)) for k, v in doc.masthead.items()}
        node = section_doc(doc.sections[component.block], prefix, masthead)
        if component.attached_to:
            attachments[component.attached_to][-1].children.append(node)
        if component.holds_provisions:
            body = next(child for child in node.children if child.kind == "mainBody")
            body.children += part_nodes(doc, prefix)
        prefixes[component.block], nodes[component.block] = prefix, node
    for block, attached in attachments.items():
        nodes[block].children.append(Node("attachments", children=attached))
    return nodes[doc.shape[0].block]


def part_nodes(doc: Document, prefix: str) -> list[Node]:
    """The parts, each an hcontainer with the provisions it holds."""
    containers = []
    below = placed(doc.ordered())
    held = {provision.number for provision in below.get(None, [])}
    for position, part in enumerate(doc.parts, 1):
        container = Node(
            "hcontainer",
            eid(prefix, "hcontainer", position),
            name="part",
            heading=part.title,
            anchor=f"part-{part.slug}",
            lineno=part.lineno,
            heading_lineno=part.linenos.get("title", part.lineno),
        )
        # Provision numbers run on across the parts (1 to 18): a part is not part of their eIds.
        container.children = [
            provision_node(doc, doc.provisions[number], prefix, below) for number in part.provisions if number in held
        ]
        containers.append(container)
    return containers


def with_spans(node: Node, find: Finder) -> Node:
    """A copy of the tree with the mentions and acronyms `find` sees in every heading and text
    (the enrichment's result, read by the links, the AKN's inline references and the index)."""
    return replace(
        node,
        heading_spans=find(node.heading) if node.heading else [],
        content_spans=find(node.content) if node.content else [],
        children=[with_spans(child, find) for child in node.children],
    )


# ---------------------------------------------------------------- reading the tree: its anchors and eIds


def child_of(node: Node, kind: str) -> Node:
    """The first child of this kind, or an empty node."""
    return next((child for child in node.children if child.kind == kind), Node(kind))


def anchor_map(tree: Node, path: str = "") -> dict[str, str]:
    """Every anchor of the site that names a piece of the document -> the eId of that piece.
    `path`: the language's source file, which a message names."""
    out: dict[str, str] = {}
    for node in tree.walk():
        if node.anchor:
            if node.anchor in out:
                raise SourceError(
                    path,
                    node.lineno,
                    f"anchor {node.anchor}",
                    f"given to two elements ({out[node.anchor]}, {node.eid}); give each provision its own number",
                )
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
