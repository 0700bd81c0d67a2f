"""The document's identity (source/document.yml): symbol, date, organs, languages, official
addresses, Akoma Ntoso identifiers and export file names, read through a schema.

The schema is a small typed description (SCHEMA below): every key is required unless marked
optional, an unknown key is an error, and every error names the file and line."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .model import DEFAULT_LANG, LANGS
from .parse import SourceError

SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
URL = re.compile(r"^https://\S+$")
PATH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/{}-]*$")

# Value kinds: "text", "slug", "date", "url", "path", "lang" (one of LANGS), ("by-lang", kind)
# (one value of that kind per language), ("map", kind) (any keys), or a nested schema (dict).
LANG_TEXT = ("by-lang", "text")
LANG_URL = ("by-lang", "url")
SCHEMA: dict[str, Any] = {
    "symbol": "text",
    "slug": "slug",
    "date": "date",
    "sources": "path",
    "original": "path",
    "languages": {"official": "lang", "translation": "lang", "codes": ("by-lang", "slug")},
    "organ": LANG_TEXT,
    "author": "text",
    "publisher": "text",
    "genre": "text",
    "edition": LANG_TEXT,
    "official_versions": ("map", LANG_URL),
    "akn": {
        "country": "slug",
        "doctype": "slug",
        "subtype": "slug",
        "actor": "slug",
        "number": "slug",
        "components": ("map", "slug"),
    },
    "exports": {"json": "path", "akn": "path", "anchors": "path"},
}


@dataclass(frozen=True)
class Identity:
    symbol: str  # "S/2003/85"
    slug: str  # "s-2003-85"
    date: datetime.date
    sources: str  # "S-2003-85.{lang}.md"
    original: str  # the official text as received
    official_lang: str
    translation_lang: str
    lang_codes: dict[str, str]  # "fr" -> "fra"
    organ: dict[str, str]
    author: str
    publisher: str
    genre: str
    edition: dict[str, str]
    official_versions: dict[str, dict[str, str]]  # "un" -> lang -> url
    akn: dict[str, Any]
    exports: dict[str, str]

    @property
    def date_iso(self) -> str:
        return self.date.isoformat()

    @property
    def date_parts(self) -> tuple[int, int, int]:
        return (self.date.year, self.date.month, self.date.day)

    def source_name(self, lang: str) -> str:
        return self.sources.format(lang=lang)

    def akn_export(self, lang: str) -> str:
        return self.exports["akn"].format(code=self.lang_codes[lang])


class Reader:
    """Checks a YAML node tree against a schema; errors name file, line and key."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, node: yaml.Node, where: str, message: str) -> SourceError:
        return SourceError(self.path, node.start_mark.line + 1, where, message)

    def value(self, node: yaml.Node, kind: Any, where: str) -> Any:
        if isinstance(kind, dict):
            return self.mapping(node, kind, where)
        if isinstance(kind, tuple):
            shape, inner = kind
            if not isinstance(node, yaml.MappingNode):
                raise self.fail(node, where, "expected a mapping")
            if shape == "by-lang":
                return self.mapping(node, dict.fromkeys(LANGS, inner), where)
            return {self.key(k, where): self.value(v, inner, f"{where}.{k.value}") for k, v in node.value}
        if not isinstance(node, yaml.ScalarNode) or not node.value:
            raise self.fail(node, where, f"expected a {kind}")
        text = str(node.value)
        if kind == "date":
            try:
                return datetime.date.fromisoformat(text)
            except ValueError:
                raise self.fail(node, where, f"{text!r} is not a date (YYYY-MM-DD)") from None
        if kind == "lang" and text not in LANGS:
            raise self.fail(node, where, f"{text!r} is not one of the languages {', '.join(LANGS)}")
        pattern = {"slug": SLUG, "url": URL, "path": PATH}.get(kind)
        if pattern and not pattern.match(text):
            raise self.fail(node, where, f"{text!r} is not a valid {kind}")
        return text

    def key(self, node: yaml.Node, where: str) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, where, "a key must be a plain word")
        return str(node.value)

    def mapping(self, node: yaml.Node, schema: dict[str, Any], where: str) -> dict[str, Any]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, where, "expected a mapping")
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node, where)
            here = f"{where}.{key}" if where != "document" else key
            if key not in schema:
                raise self.fail(key_node, here, f"unknown key (expected: {', '.join(schema)})")
            if key in out:
                raise self.fail(key_node, here, "key given twice")
            out[key] = self.value(value_node, schema[key], here)
        for key in schema:
            if key not in out:
                raise self.fail(node, where, f"missing key '{key}'")
        return out


def line_of(root: yaml.MappingNode, key: str) -> int:
    """The line of a top-level key, for messages."""
    return next((k.start_mark.line + 1 for k, _v in root.value if k.value == key), root.start_mark.line + 1)


def parse_identity(text: str, path: str) -> Identity:
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SourceError(path, mark.line + 1 if mark else 1, "document", f"not valid YAML: {error}") from None
    if root is None:
        raise SourceError(path, 1, "document", "empty file")
    data = Reader(path).mapping(root, SCHEMA, "document")
    languages = data["languages"]
    if languages["official"] == languages["translation"]:
        raise SourceError(path, line_of(root, "languages"), "languages", "official and translation must differ")
    if languages["official"] != DEFAULT_LANG:
        raise SourceError(
            path,
            line_of(root, "languages"),
            "languages.official",
            f"the site publishes its official language at the root: it must be '{DEFAULT_LANG}' (model.DEFAULT_LANG)",
        )
    return Identity(
        symbol=data["symbol"],
        slug=data["slug"],
        date=data["date"],
        sources=data["sources"],
        original=data["original"],
        official_lang=languages["official"],
        translation_lang=languages["translation"],
        lang_codes=languages["codes"],
        organ=data["organ"],
        author=data["author"],
        publisher=data["publisher"],
        genre=data["genre"],
        edition=data["edition"],
        official_versions=data["official_versions"],
        akn=data["akn"],
        exports=data["exports"],
    )


def load_identity(path: Path, shown: str | None = None) -> Identity:
    return parse_identity(path.read_text(encoding="utf-8"), shown or str(path))
