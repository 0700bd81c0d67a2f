"""The document's identity (source/document.yml): symbol, date, organs, languages, official
addresses, Akoma Ntoso identifiers and export file names, read through a schema (SCHEMA below,
declared for schema.Reader): every key is required, an unknown or repeated key is an error, and
every error names file:line:col, what is wrong and how to fix it."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from edition.core.langs import DEFAULT_LANG, FIRST_OF_MONTH, LANGS, MONTHS
from edition.core.shape import LEVELS, Component, holder_of
from edition.sources.parse import read_text
from edition.sources.schema import Reader, by_lang, https, list_of, map_of, one_of, optional, pattern

SLUG = pattern(re.compile(r"^[a-z0-9][a-z0-9_-]*$"), "lowercase letters, digits, '-' and '_'")
PATH = pattern(re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/{}-]*$"), "a file path (letters, digits, '._/-', {placeholders})")
LANG = one_of(LANGS)
# An export's path in the built site: relative, lowercase segments (so no '..', no absolute path,
# no backslash), a file name with the export's extension (so never a page's index.html or folder).
EXPORT_PATH = pattern(
    re.compile(r"^(?:[a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9._-]*(?:\{code\}[a-z0-9._-]*)?\.(?:json|xml)$"),
    "a path inside the site: lowercase words separated by '/', ending in .json or .xml (data/s-2003-85.json)",
)
EXPORT_SUFFIXES = {"json": ".json", "anchors": ".json", "akn": ".xml"}
# Top-level folders and files of the site that MkDocs, the theme and the search write: an export
# there could overwrite one of them.
RESERVED_EXPORTS = ("assets/", "search/", "sitemap.xml", "404.html")
URL_PATH = pattern(re.compile(r"^([a-z0-9][a-z0-9-]*/)+$"), "a page path: lowercase words ending with '/' (letter/)")
# An FRBR component name (AKN Naming Convention): main, or a kind and a number (annex_1, enclosure_1).
AKN_COMPONENT = pattern(re.compile(r"^(main|[a-z]+_[1-9][0-9]*)$"), "'main' or a kind and a number (annex_1)")
COMPONENT: dict[str, Any] = {
    "block": SLUG,
    "akn": AKN_COMPONENT,
    "url": URL_PATH,
    "label": SLUG,
    "attached_to": optional(SLUG),
    "cite": optional(SLUG),
    "levels": optional(list_of(one_of(LEVELS))),
    "level_labels": optional(list_of(SLUG)),  # tree.LEVELS: AKN elements with an eId abbreviation
}
SCHEMA: dict[str, Any] = {
    "symbol": Reader.text,
    "slug": SLUG,
    "date": Reader.date,
    "sources": PATH,
    "original": PATH,
    "languages": {"official": LANG, "translation": LANG, "codes": by_lang(SLUG)},
    "organ": by_lang(Reader.text),
    "sender": optional(by_lang(Reader.text)),  # who signs the document, as its home page names them
    "addressee": optional(by_lang(Reader.text)),
    "author": Reader.text,
    "publisher": Reader.text,
    "genre": Reader.text,
    "edition": by_lang(Reader.text),
    "keywords": by_lang(list_of(Reader.text)),
    "official_versions": map_of(by_lang(https)),
    "akn": {
        "country": SLUG,
        "doctype": SLUG,
        "subtype": SLUG,
        "actor": SLUG,
        "number": SLUG,
    },
    "components": list_of(COMPONENT),
    "exports": {"json": EXPORT_PATH, "akn": EXPORT_PATH, "anchors": EXPORT_PATH},
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
    sender: dict[str, str] | None
    addressee: dict[str, str] | None
    author: str
    publisher: str
    genre: str
    edition: dict[str, str]
    keywords: dict[str, list[str]]  # lang -> subject keywords (the PDF's metadata)
    official_versions: dict[str, dict[str, str]]  # "un" -> lang -> url
    akn: dict[str, Any]
    components: tuple[Component, ...]  # the document's shape, in reading order
    exports: dict[str, str]

    @property
    def date_iso(self) -> str:
        return self.date.isoformat()

    @property
    def date_parts(self) -> tuple[int, int, int]:
        return (self.date.year, self.date.month, self.date.day)

    def long_date(self, lang: str) -> str:
        """The document's date as a citation writes it: "24 janvier 2003", "24 January 2003"."""
        day = FIRST_OF_MONTH[lang] if self.date.day == 1 else str(self.date.day)
        return f"{day} {MONTHS[lang][self.date.month - 1]} {self.date.year}"

    def source_name(self, lang: str) -> str:
        return self.sources.format(lang=lang)

    def component(self, block: str) -> Component:
        return next(component for component in self.components if component.block == block)

    @cached_property
    def holder(self) -> Component:
        """The component that holds the parts and numbered provisions (the Plan); asked for by
        every page, so found once."""
        return holder_of(self.components)

    def akn_export(self, lang: str) -> str:
        return self.exports["akn"].format(code=self.lang_codes[lang])


def parse_identity(text: str, path: str) -> Identity:
    reader = Reader(path)
    root = reader.compose_required(text, "document", "it needs the keys of the identity")
    data = reader.read(root, SCHEMA, "document", "the document")
    languages = data["languages"]
    if languages["official"] != DEFAULT_LANG:
        raise reader.error(
            reader.find(root, "languages", "official"),
            "document",
            f"languages.official must be '{DEFAULT_LANG}': the site publishes its official language at the root "
            "(model.DEFAULT_LANG); write it there",
        )
    if languages["translation"] == languages["official"]:
        raise reader.error(
            reader.find(root, "languages", "translation"),
            "document",
            "languages.translation is the official language; name the language of the translation",
        )
    check_exports(reader, root, data["exports"], list(languages["codes"]))
    return Identity(
        official_lang=languages["official"],
        translation_lang=languages["translation"],
        lang_codes=languages["codes"],
        components=shape(reader, Reader.find(root, "components"), data["components"]),
        sender=data.pop("sender", None),  # optional: a document that is not a letter has neither
        addressee=data.pop("addressee", None),
        **{key: value for key, value in data.items() if key not in ("languages", "components")},
    )


def check_exports(reader: Reader, root, exports: dict[str, str], langs: list[str]) -> None:
    """Each export a file of its kind inside the site, none where MkDocs, the theme or another
    export writes (the path pattern keeps it inside: EXPORT_PATH)."""
    seen: dict[str, str] = {}
    for key, path in exports.items():
        node = reader.find(root, "exports", key)
        if not path.endswith(EXPORT_SUFFIXES[key]):
            raise reader.error(
                node, "document", f"exports.{key} '{path}' must end in {EXPORT_SUFFIXES[key]}; rename it"
            )
        has_code = "{code}" in path
        if has_code != (key == "akn"):
            rule = "must hold {code} (one file per language)" if key == "akn" else "cannot hold {code}"
            raise reader.error(node, "document", f"exports.{key} '{path}' {rule}; correct it")
        if path.startswith(RESERVED_EXPORTS) or path.split("/")[0] in langs[1:] + ["en"]:
            raise reader.error(
                node,
                "document",
                f"exports.{key} '{path}' is where the site writes its own files "
                f"({', '.join(RESERVED_EXPORTS)}, a language's folder); put it under data/",
            )
        for made in {path.replace("{code}", code) for code in ("fra", "eng", "xxx")}:
            if made in seen:
                raise reader.error(
                    node,
                    "document",
                    f"exports.{key} '{path}' is the path of exports.{seen[made]}; give each export its own file",
                )
            seen[made] = key


def shape(reader: Reader, node, declared: list[dict[str, Any]]) -> tuple[Component, ...]:
    """The components, checked as a whole: names unique, the first is the document and each other
    is attached to one declared before it, in reading order (the order of the tree, passages.walk:
    a component, then its attachments, each with its own), exactly one holds the numbered provisions."""
    components: list[Component] = []
    for index, item in enumerate(declared):
        at = Reader.find(node, index)
        seen = {component.block: component for component in components}
        for key in ("block", "akn", "url"):
            if any(getattr(component, key) == item[key] for component in components):
                raise reader.error(
                    Reader.find(at, key), "document", f"components: {key} '{item[key]}' given twice; make it unique"
                )
        attached_to = item.get("attached_to", "")
        if index == 0 and attached_to:
            raise reader.error(
                Reader.find(at, "attached_to"),
                "document",
                "components: the first component is the document itself; remove its attached_to",
            )
        if index and attached_to not in seen:
            raise reader.error(
                Reader.find(at, "attached_to") if attached_to else at,
                "document",
                f"components: '{item['block']}' must be attached_to a component declared above it "
                f"({', '.join(seen)}); write attached_to: <its block>",
            )
        above = components[-1] if components else None
        holding = []  # the component above and those it is attached to: where the reading is
        while above is not None:
            holding.append(above.block)
            above = seen.get(above.attached_to)
        if index and attached_to not in holding:
            raise reader.error(
                Reader.find(at, "attached_to"),
                "document",
                f"components: '{item['block']}' is attached_to '{attached_to}', but '{components[-1].block}' declared "
                f"just above it is not within '{attached_to}': the document reads a component's attachments right "
                f"after it, in order; declare '{item['block']}' before '{components[-1].block}'",
            )
        levels, level_labels = tuple(item.get("levels", ())), tuple(item.get("level_labels", ()))
        if level_labels and len(level_labels) != len(levels):
            raise reader.error(
                Reader.find(at, "level_labels"),
                "document",
                f"components: {len(level_labels)} level_labels for {len(levels)} levels; name each level once",
            )
        components.append(Component(**{**item, "levels": levels, "level_labels": level_labels}))
    holders = [index for index, component in enumerate(components) if component.holds_provisions]
    if len(holders) != 1:
        where = Reader.find(node, holders[1], "levels") if len(holders) > 1 else node
        raise reader.error(
            where,
            "document",
            "components: exactly one component holds the numbered provisions (levels: [...]); "
            f"found {len(holders)}; give levels to one",
        )
    return tuple(components)


def load_identity(path: Path, shown: str | None = None) -> Identity:
    shown = shown or str(path)
    return parse_identity(read_text(path, shown), shown)
