"""The register of entities (source/register.yml): bodies, instruments, resolutions, events,
persons the document mentions, with their names, acronyms and forms in both languages."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import MappingNode, Node

from .model import LANGS
from .parse import SourceError, read_text
from .schema import Reader, at

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


Check = Callable[[Node, str, str], str]  # node, where, what -> the checked text
ENTITY_KEYS = ("id", "kind", "name", "acronym", "forms", "description", "link", "symbol", "source", "status")


def lang_texts(
    reader: Reader, node: Node, where: str, what: str, required: bool, check: Check | None = None
) -> dict[str, str]:
    """A mapping language -> text; `required`: every language must be there."""
    values = reader.keys(node, where, what, LANGS, LANGS if required else ())
    return {lang: (check or reader.text)(value, where, f"{what}.{lang}") for lang, value in values.items()}


def parse_register(text: str, path: str) -> Register:
    """Read and check the register through its schema: known keys and types, unique ids, known
    kinds and statuses, a name and a description in every language, plain text everywhere."""
    reader = Reader(path)
    root = reader.compose(text)
    if root is None:
        raise SourceError(path, 1, "register", "the file is empty; it needs 'entities:'", 1)
    top = reader.keys(root, "register", "the register", ("entities", "not_acronyms"), ("entities",))
    entities: dict[str, Entity] = {}
    first_line: dict[str, int] = {}
    for node in reader.sequence(top["entities"], "register", "'entities'"):
        where = "entity ?"
        if isinstance(node, MappingNode):  # name the entity in every message, even one about its id
            ident = next((value.value for key, value in node.value if key.value == "id"), None)
            if isinstance(ident, str):
                where = f"entity {ident}"
        fields = reader.keys(node, where, "an entity", ENTITY_KEYS, ("id", "kind", "name", "description"))
        ident = reader.text(fields["id"], where, "id")
        if not SLUG.match(ident):
            raise reader.error(fields["id"], where, "id must be lowercase letters, digits and hyphens; rename it")
        if ident in entities:
            raise reader.error(
                fields["id"], where, f"id given twice (first at line {first_line[ident]}); give each entity its own id"
            )
        first_line[ident] = at(node)[0]
        kind = reader.choice(fields["kind"], where, "kind", KINDS)
        forms: dict[str, list[str]] = {lang: [] for lang in LANGS}
        spots: dict[tuple[str, str], tuple[int, int]] = {}
        if "forms" in fields:
            for lang, value in reader.keys(fields["forms"], where, "forms", LANGS).items():
                for form in reader.sequence(value, where, f"forms.{lang}"):
                    forms[lang].append(reader.text(form, where, f"forms.{lang}"))
                    spots[(lang, forms[lang][-1])] = at(form)
        optional = {key: fields[key] for key in ("symbol", "source") if key in fields}
        entities[ident] = Entity(
            ident=ident,
            kind=kind,
            name=lang_texts(reader, fields["name"], where, "name", True),
            acronym=lang_texts(reader, fields["acronym"], where, "acronym", False) if "acronym" in fields else {},
            forms=forms,
            description=lang_texts(reader, fields["description"], where, "description", True),
            link=lang_texts(reader, fields["link"], where, "link", False, reader.url) if "link" in fields else {},
            status=reader.choice(fields["status"], where, "status", STATUSES) if "status" in fields else "",
            lineno=at(node)[0],
            spots=spots,
            **{key: reader.text(value, where, key) for key, value in optional.items()},
        )
    not_acronyms: dict[str, set[str]] = {lang: set() for lang in LANGS}
    if "not_acronyms" in top:
        for lang, value in reader.keys(top["not_acronyms"], "not_acronyms", "not_acronyms", LANGS).items():
            not_acronyms[lang] = {
                reader.text(word, "not_acronyms", lang) for word in reader.sequence(value, "not_acronyms", lang)
            }
    return Register(entities, not_acronyms)


def load_register(path: Path, shown: str | None = None) -> Register:
    shown = shown or str(path)
    return parse_register(read_text(path, shown), shown)
