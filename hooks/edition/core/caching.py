"""Work repeated within one process, done once: compiling templates, and (under `mkdocs serve`)
listing the installed theme's files, parsing for the search index the pages a save did not
change, rendering the pages of the language a save did not change.

MkDocs makes a new Jinja environment for every build, and static-i18n builds each language as
a build of its own: every theme template (Material's, the overrides, the sitemap) was compiled
twice per `mkdocs build` and twice again on every save under `mkdocs serve`, a sixth of the build.
Jinja's bytecode cache, kept here for the life of the process, compiles each template once.
Entries are keyed by template name and checked against a checksum of the template's source, so
an edited template (overrides/ under `mkdocs serve`) is compiled again.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, FileSystemLoader
from jinja2.bccache import Bucket


class TemplateCache(BytecodeCache):
    """Compiled templates in memory."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = TemplateCache()


class ParsedOnce:
    """Stands in for the class of an HTML parser that collects what it found in `data` (Material's
    search plugin parses each page's HTML into sections with one, in every build): a page whose HTML
    is the same as in an earlier build gets a copy of the sections parsed then. `mkdocs serve` only,
    where a save changes a few pages of 462 (hooks/serve.py); a third of a second of each rebuild.
    Keyed by the whole HTML, so a changed page is parsed again; the entries of the last builds are kept."""

    KEEP = 2000  # parsed pages kept (two languages of 231 pages, four times over)

    def __init__(self, parser: Callable[[], Any]) -> None:
        self.parser = parser
        self.parsed: dict[str, list] = {}

    def __call__(self) -> _Feed:
        return _Feed(self)

    def sections(self, html: str) -> list:
        found = self.parsed.pop(html, None)
        if found is None:
            parser = self.parser()
            parser.feed(html)
            parser.close()
            found = parser.data
        self.parsed[html] = found  # the most recently used last
        while len(self.parsed) > self.KEEP:
            del self.parsed[next(iter(self.parsed))]
        return copy.deepcopy(found)  # the plugin changes sections (a missing title becomes the page's)


class _Feed:
    """One parse: what is fed is parsed on close, or found parsed already."""

    def __init__(self, memo: ParsedOnce) -> None:
        self.memo, self.html, self.data = memo, [], []

    def feed(self, html: str) -> None:
        self.html.append(html)

    def close(self) -> None:
        self.data = self.memo.sections("".join(self.html))


class Reused:
    """A pure function's last result for each key, given again while it is called with arguments
    equal to the last ones (the edition's data are plain data and dataclasses, compared by value,
    and what it renders from them is not changed afterwards), and while what else the result
    depends on (`also`: the state of the templates it renders with) is the same."""

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function = function
        self.last: dict[str, tuple[tuple, Any]] = {}

    def __call__(self, key: str, *args: Any, also: tuple = ()) -> Any:
        held = self.last.get(key)
        if held is not None and held[0] == (args, also):
            return held[1]
        result = self.function(*args)
        self.last[key] = ((args, also), result)
        return result


def folder_state(folder: Path) -> tuple:
    """What tells whether a folder's files changed: each one's path, modification time and size."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


LISTED: dict[str, list[str]] = {}  # a folder of an installed package -> the templates in it


def listed_once(loader: FileSystemLoader, project: Path) -> FileSystemLoader:
    """Make the loader list each of its folders outside the project once per process: MkDocs lists
    the theme's files in every build of every language, to copy its assets, and Material's folder
    holds 14,500 files (its icons) that do not change while MkDocs runs. The project's folders
    (overrides/) are listed every time, as they may."""

    def list_templates() -> list[str]:
        found: set[str] = set()
        for folder in loader.searchpath:
            if Path(folder).is_relative_to(project):
                found.update(FileSystemLoader(folder, followlinks=loader.followlinks).list_templates())
            else:
                if folder not in LISTED:
                    LISTED[folder] = FileSystemLoader(folder, followlinks=loader.followlinks).list_templates()
                found.update(LISTED[folder])
        return sorted(found)

    loader.list_templates = list_templates  # type: ignore[method-assign]
    return loader
