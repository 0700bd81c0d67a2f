"""The register of entities (source/register.yml): bodies, instruments, resolutions, events,
persons the document mentions, with their names, acronyms and forms in both languages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .model import LANGS
from .parse import SourceError

KINDS = ("un-body", "nato-body", "body", "programme", "instrument", "resolution", "event", "person", "concept")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# libyaml's parser (PyYAML's wheels include it) reads the register ten times faster than PyYAML's
# own Python one: 6 ms instead of 60, a tenth of the hook's work in a build.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str):
    return yaml.load(text, Loader=SAFE_LOADER)


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


def line_of_entity(text: str, ident: str) -> int:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"^\s*-\s*id:\s*{re.escape(ident)}\s*$", line):
            return lineno
    return 1


def parse_register(text: str, path: str) -> Register:
    """Read and check the register: unique ids, known kinds, a name in every language."""
    data = load_yaml(text) or {}
    entities: dict[str, Entity] = {}
    for raw in data.get("entities", []):
        ident = str(raw.get("id", ""))
        lineno = line_of_entity(text, ident)
        where = f"entity {ident or '?'}"
        if not SLUG.match(ident):
            raise SourceError(path, lineno, where, "id must be lowercase letters, digits and hyphens")
        if ident in entities:
            raise SourceError(path, lineno, where, "id given twice")
        if raw.get("kind") not in KINDS:
            raise SourceError(path, lineno, where, f"kind must be one of {', '.join(KINDS)}")
        names = raw.get("name") or {}
        for lang in LANGS:
            if not names.get(lang):
                raise SourceError(path, lineno, where, f"no name in '{lang}'")
            if not (raw.get("description") or {}).get(lang):
                raise SourceError(path, lineno, where, f"no description in '{lang}'")
        entities[ident] = Entity(
            ident=ident,
            kind=raw["kind"],
            name=names,
            acronym=raw.get("acronym") or {},
            forms={lang: list((raw.get("forms") or {}).get(lang) or []) for lang in LANGS},
            description=raw.get("description") or {},
            link=raw.get("link") or {},
            symbol=str(raw.get("symbol") or ""),
            source=str(raw.get("source") or ""),
            status=str(raw.get("status") or ""),
        )
    not_acronyms = {lang: set((data.get("not_acronyms") or {}).get(lang) or []) for lang in LANGS}
    return Register(entities, not_acronyms)


def load_register(path: Path, shown: str | None = None) -> Register:
    return parse_register(path.read_text(encoding="utf-8"), shown or str(path))
