"""The register of entities (source/register.yml): bodies, instruments, resolutions, events,
persons the document mentions, with their names, acronyms and forms in both languages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from edition.core.langs import LANGS
from edition.sources.parse import read_text
from edition.sources.schema import Reader, at, by_lang, list_of, one_of, optional, pattern
from edition.sources.sourcing import EDITION_MARK, source_problem

KINDS = ("un-body", "nato-body", "body", "programme", "instrument", "resolution", "event", "person", "concept")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# How far a name is confirmed: "checked" against its source (the entry's `source`); "edition":
# the edition's own rendering, no official one having been found (the pages say so).
STATUSES = ("checked", "edition")


@dataclass
class Entity:
    ident: str
    kind: str
    name: dict[str, str]
    acronym: dict[str, str] = field(default_factory=dict)
    forms: dict[str, list[str]] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    link: dict[str, str] = field(default_factory=dict)
    symbol: str = ""
    source: str = ""
    status: str = ""
    lineno: int = 0  # in the register, for messages
    spots: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)  # (lang, form) -> line, column

    def acronym_lang(self, lang: str) -> str:
        """The language an acronym is formed in: one shared by both texts is NATO's English one."""
        mine = self.acronym.get(lang)
        if mine and all(self.acronym.get(other) == mine for other in LANGS):
            return "en"
        return lang


@dataclass
class Register:
    entities: dict[str, Entity]  # id -> entity, in file order
    not_acronyms: dict[str, set[str]]

    def acronyms(self, lang: str) -> dict[str, Entity]:
        return {e.acronym[lang]: e for e in self.entities.values() if e.acronym.get(lang)}


ENTITY = {
    "id": pattern(SLUG, "lowercase letters, digits and hyphens"),
    "kind": one_of(KINDS),
    "name": by_lang(Reader.text),
    "acronym": optional(by_lang(Reader.text, required=False)),
    "forms": optional(by_lang(list_of(Reader.text), required=False)),
    "description": by_lang(Reader.text),
    "link": optional(by_lang(Reader.url, required=False)),
    "symbol": optional(Reader.text),
    "source": Reader.text,  # a source a reader can open (sourcing.py)
    "status": optional(one_of(STATUSES)),
}
NOT_ACRONYMS = by_lang(list_of(Reader.text, empty=True), required=False)


# An acronym is a word of letters and digits (parts joined by '-' or '/': PAP-T), with two capitals
# or digits, one capital at least (as the text's acronyms are found: enrich/mentions.acronym_like).
ACRONYM = re.compile(r"^[^\W_]+(?:[-/][^\W_]+)*$")


def check_acronyms(reader: Reader, node, entity: Entity, entities: dict[str, Entity]) -> None:
    """An entity's acronyms: each shaped like an acronym (not a pattern, a sentence or a lone
    capital) and, in a language, no other entity's: a second one would silently take over the first's
    glossary entry and links."""
    for lang, acronym in entity.acronym.items():
        spot = reader.find(node, "acronym", lang)
        capitals = sum(c.isupper() or c.isdigit() for c in acronym)
        if not ACRONYM.match(acronym) or capitals < 2 or not any(c.isupper() for c in acronym):
            raise reader.error(
                spot,
                f"entity {entity.ident}",
                f"acronym.{lang} '{acronym}' is not an acronym: write its letters "
                "and digits as the text prints them (two capitals or digits at least, parts joined by '-' or '/')",
            )
        first = next((e for e in entities.values() if e is not entity and e.acronym.get(lang) == acronym), None)
        if first is not None:
            raise reader.error(
                spot,
                f"entity {entity.ident}",
                f"acronym.{lang} '{acronym}' is already entity {first.ident}'s "
                f"(line {first.lineno}); an acronym names one entity: correct one of them",
            )


def parse_register(text: str, path: str) -> Register:
    """Read and check the register through its schema: known keys and types, unique ids, known
    kinds and statuses, a name and a description in every language, plain text everywhere."""
    reader = Reader(path)
    root = reader.compose_required(text, "register", "it needs 'entities:'")
    top = reader.keys(root, "register", "the register", ("entities", "not_acronyms"), ("entities",))
    entities: dict[str, Entity] = {}
    for node in reader.sequence(top["entities"], "register", "'entities'"):
        where = f"entity {reader.peek(node, 'id') or '?'}"  # named in every message, even one about its id
        fields = reader.read(node, ENTITY, where, "an entity")
        ident = fields.pop("id")
        problem = source_problem(fields["source"])
        if not problem and (fields.get("status") == "edition") != (EDITION_MARK in fields["source"]):
            problem = (
                f"status 'edition' and the words \"{EDITION_MARK}\" in the source go together; "
                "write both (no official English found) or neither (give the official source)"
            )
        if problem:
            raise reader.error(reader.find(node, "source"), where, f"source: {problem}")
        if ident in entities:
            raise reader.error(
                reader.find(node, "id"),
                where,
                f"id given twice (first at line {entities[ident].lineno}); give each entity its own id",
            )
        given_forms = fields.pop("forms", {})
        forms = {lang: given_forms.get(lang, []) for lang in LANGS}
        spots = {
            (lang, form): at(reader.find(node, "forms", lang, index))
            for lang in LANGS
            for index, form in enumerate(forms[lang])
        }
        entities[ident] = Entity(ident=ident, forms=forms, lineno=at(node)[0], spots=spots, **fields)
        check_acronyms(reader, node, entities[ident], entities)
    words = (
        reader.read(top["not_acronyms"], NOT_ACRONYMS, "not_acronyms", "not_acronyms") if "not_acronyms" in top else {}
    )
    return Register(entities, {lang: set(words.get(lang, ())) for lang in LANGS})


def load_register(path: Path, shown: str | None = None) -> Register:
    shown = shown or str(path)
    return parse_register(read_text(path, shown), shown)
