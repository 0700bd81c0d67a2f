"""The edition's own identity (source/edition.yml): its name and publisher, the version a citation
names and its release date, the licence of its own material, where corrections go, and the
history of its versions. Read through the schema reader, like every YAML file."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edition.sources.parse import read_text
from edition.sources.schema import Reader, by_lang, https, list_of, pattern

VERSION = pattern(re.compile(r"^[0-9]+\.[0-9]+(\.[0-9]+)?$"), "a version number: two or three numbers (1.0, 1.2.1)")
PAGE = pattern(re.compile(r"^([a-z0-9][a-z0-9-]*/)*$"), "a page of this site: lowercase words ending with '/'")
ANCHOR = pattern(re.compile(r"^[a-z][a-z0-9-]*$"), "an anchor: lowercase letters, digits and '-'")
SCHEMA: dict[str, Any] = {
    "name": by_lang(Reader.text),
    "publisher": by_lang(Reader.text),
    "version": VERSION,
    "released": Reader.date,
    "licence": {"name": Reader.text, "url": https},
    "contact": {"page": PAGE, "anchor": ANCHOR},
    "versions": list_of({"version": VERSION, "released": Reader.date, "changes": by_lang(list_of(Reader.text))}),
}


@dataclass(frozen=True)
class Version:
    version: str
    released: datetime.date
    changes: dict[str, list[str]]  # lang -> what changed, plain text


@dataclass(frozen=True)
class EditionIdentity:
    name: dict[str, str]  # lang -> the edition's name
    publisher: dict[str, str]
    version: str  # "1.0": what a citation names
    released: datetime.date
    licence_name: str
    licence_url: str
    contact_page: str  # a page of the site ("about/"), where corrections go
    contact_anchor: str
    versions: tuple[Version, ...]  # newest first


def parse_edition(text: str, path: str) -> EditionIdentity:
    reader = Reader(path)
    root = reader.compose_required(text, "edition", "give the edition's name, version and licence")
    data = reader.read(root, SCHEMA, "edition", "the edition")
    versions = tuple(Version(v["version"], v["released"], v["changes"]) for v in data["versions"])
    newest = versions[0]
    if (newest.version, newest.released) != (data["version"], data["released"]):
        raise reader.error(
            Reader.find(root, "versions", 0),
            "edition",
            f"the newest entry of versions is {newest.version} of {newest.released}, but version is "
            f"{data['version']} of {data['released']}; put the current version first in versions",
        )
    return EditionIdentity(
        data["name"],
        data["publisher"],
        data["version"],
        data["released"],
        data["licence"]["name"],
        data["licence"]["url"],
        data["contact"]["page"],
        data["contact"]["anchor"],
        versions,
    )


def load_edition(path: Path, shown: str) -> EditionIdentity:
    return parse_edition(read_text(path, shown), shown)
