"""Read YAML through a schema: every error names file:line:col, what is wrong and how to fix it.

The YAML is composed into nodes (which carry their position) instead of loaded into plain
values: a duplicate key is an error at the second one (PyYAML would silently keep the last),
a wrong type is reported where it is written, and text that reaches a page is checked for markup.

A schema can also be declared (`Reader.read`): a dict is a mapping with exactly those keys
(each required unless wrapped in `optional`), any other value is a kind, a function
`(reader, node, where, what) -> value` such as `Reader.text`, `Reader.date`, `https`,
`pattern(...)`, `one_of(...)`, `by_lang(...)`, `map_of(...)`, `list_of(...)`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Union

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from edition.core.inline import InlineError, check_inline, check_invisible
from edition.core.langs import LANGS
from edition.sources.parse import SourceError, check_characters

URL = re.compile(r"^https?://[^\s<>\"'`]+$")
# Plain text, as in a page: no markup, no character reference (the allow-list's rules, without tags).
TAGLESS = re.compile(r"<|&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def at(node: Node) -> tuple[int, int]:
    """1-based line and column of a node."""
    return node.start_mark.line + 1, node.start_mark.column + 1


# libyaml's parser (in PyYAML's wheels) reads ten times faster than PyYAML's own, with the same marks.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Bounds on every YAML input, checked on the parser's events before anything is built from them
# (a file of the edition is a few kB; the register, the largest, 40 kB): so no input makes the
# build hang or take gigabytes. Aliases (*name) are refused: an alias bomb (a billion laughs) is a
# few lines whose values expand to millions of nodes; the edition's files need none.
MAX_YAML_BYTES = 1_000_000
MAX_YAML_EVENTS = 50_000
MAX_YAML_DEPTH = 40


def bounded_size(text: str, path: str) -> None:
    """Raise SourceError when a YAML text is larger than any file of the edition could be."""
    if len(text) > MAX_YAML_BYTES:
        raise SourceError(
            path,
            1,
            "YAML",
            f"the file holds {len(text):,} characters, more than {MAX_YAML_BYTES:,}; "
            "a file of the edition is a few kilobytes: check that this is the right file",
            1,
        )


def bounded(text: str, path: str) -> None:
    """Raise SourceError, at its line, where a YAML text goes beyond the bounds; YAML's own
    errors are left to the composer, which names them."""
    bounded_size(text, path)
    depth = 0
    for count, event in enumerate(yaml.parse(text, Loader=LOADER), start=1):
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        if isinstance(event, yaml.AliasEvent):
            raise SourceError(
                path,
                line,
                "YAML",
                f"alias '*{event.anchor}': aliases are not allowed in the edition's files; "
                "write the value out where it is used",
                column,
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise SourceError(
                    path,
                    line,
                    "YAML",
                    f"nested more than {MAX_YAML_DEPTH} levels deep; "
                    "the edition's files need a few levels: correct the structure",
                    column,
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        if count > MAX_YAML_EVENTS:
            raise SourceError(
                path,
                line,
                "YAML",
                f"more than {MAX_YAML_EVENTS:,} values; a file of the edition holds a few "
                "thousand: check that this is the right file",
                column,
            )


class Reader:
    """Checks for one YAML file; `where` in messages names the entity or label concerned."""

    def __init__(self, path: str) -> None:
        self.path = path

    def error(self, node: Node | None, where: str, message: str) -> SourceError:
        line, column = at(node) if node is not None else (1, 0)
        return SourceError(self.path, line, where, message, column)

    def compose(self, text: str) -> Node | None:
        """The file's node tree, read within bounds (bounded): no file can make the reader hang
        or fill the memory."""
        bounded_size(text, self.path)  # before anything reads it whole
        check_characters(text, self.path)
        try:
            bounded(text, self.path)
            return yaml.compose(text, Loader=LOADER)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 0)
            problem = error.problem or error.context or "invalid YAML"
            raise SourceError(self.path, line, "YAML", f"{problem}; correct the YAML syntax here", column) from None
        except yaml.YAMLError as error:  # a reader error (a character YAML refuses) carries no mark
            raise SourceError(self.path, 1, "YAML", f"{error}; correct the YAML here", 0) from None

    def compose_required(self, text: str, where: str, needs: str) -> Node:
        """The file's node tree (compose); an empty file stops at its first line, saying what it needs."""
        root = self.compose(text)
        if root is None:
            raise SourceError(self.path, 1, where, f"the file is empty; {needs}", 1)
        return root

    def mapping(self, node: Node, where: str, what: str) -> dict[str, tuple[Node, Node]]:
        """Key -> (key node, value node); a duplicate key is an error at its second occurrence."""
        if not isinstance(node, MappingNode):
            raise self.error(node, where, f"{what} must be a mapping (key: value lines); {self.found(node)}")
        out: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):  # never str(node): an alias bomb's repr expands it
                shown = self.found(key_node).removeprefix("found a ")
                raise self.error(key_node, where, f"a key of {what} is a {shown}; write the key as text")
            key = key_node.value
            if key in out:
                first = at(out[key][0])[0]
                raise self.error(key_node, where, f"key '{key}' given twice (first at line {first}); keep one")
            out[key] = (key_node, value_node)
        return out

    def keys(
        self, node: Node, where: str, what: str, allowed: Iterable[str], required: Iterable[str] = ()
    ) -> dict[str, Node]:
        """A mapping with known keys only, the required ones present: key -> value node."""
        items = self.mapping(node, where, what)
        allowed = tuple(allowed)
        for key, (key_node, _) in items.items():
            if key not in allowed:
                raise self.error(key_node, where, f"unknown key '{key}' in {what}; allowed: {', '.join(allowed)}")
        for key in required:
            if key not in items:
                raise self.error(node, where, f"{what} has no '{key}'; add it")
        return {key: value for key, (_, value) in items.items()}

    def sequence(self, node: Node, where: str, what: str) -> list[Node]:
        if not isinstance(node, SequenceNode):
            raise self.error(node, where, f"{what} must be a list ([a, b] or '- ' lines); {self.found(node)}")
        return list(node.value)

    def text(self, node: Node, where: str, what: str, markup: str = "none") -> str:
        """A non-empty string. markup: 'none' (plain text), 'links' (inline allow-list and links)."""
        if not isinstance(node, ScalarNode) or node.tag != "tag:yaml.org,2002:str":
            raise self.error(node, where, f"{what} must be text; {self.found(node)} (quote it if it is text)")
        value = node.value
        if not value.strip():
            raise self.error(node, where, f"{what} is empty; write it, or remove the key")
        try:
            if markup == "links":
                check_inline(value, links=True)
            else:
                check_invisible(value)
            if markup != "links" and (match := TAGLESS.search(value)):
                raise InlineError(
                    match.start() + 1,
                    f"markup or character reference {match.group()!r} in plain text; write plain text",
                )
        except InlineError as error:
            line, column = at(node)
            # The column is exact for plain scalars on one line; for others it points at the value.
            style = node.style or ""  # plain: None from PyYAML's parser, "" from libyaml's
            one_line = style in ("", '"', "'") and line == node.end_mark.line + 1
            offset = error.column - 1 + bool(style) if one_line else 0
            raise SourceError(self.path, line, where, f"{what}: {error}", column + offset) from None
        return value

    def choice(self, node: Node, where: str, what: str, choices: Iterable[str]) -> str:
        choices = tuple(choices)
        if not isinstance(node, ScalarNode) or node.value not in choices:
            shown = node.value if isinstance(node, ScalarNode) else self.found(node)
            raise self.error(node, where, f"{what} '{shown}' is not one of: {', '.join(choices)}; write one of these")
        return node.value

    def url(self, node: Node, where: str, what: str, schemes: tuple[str, ...] = ("http", "https")) -> str:
        value = self.text(node, where, what)
        if not URL.match(value) or not value.startswith(tuple(f"{scheme}://" for scheme in schemes)):
            shown = "an https" if schemes == ("https",) else "an http(s)"
            raise self.error(node, where, f"{what} '{value}' is not {shown} address; write https://...")
        return value

    def date(self, node: Node, where: str, what: str) -> datetime.date:
        """A calendar date written YYYY-MM-DD (YAML reads it as a timestamp, or as text if quoted)."""
        if isinstance(node, ScalarNode) and node.tag in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:str"):
            try:
                return datetime.date.fromisoformat(node.value)
            except ValueError:
                pass
        raise self.error(node, where, f"{what} must be a date; {self.found(node)}; write it as YYYY-MM-DD")

    def read(self, node: Node, spec: Spec, where: str, what: str) -> Any:
        """The value of a node checked against a declared schema (see the module's docstring)."""
        if not isinstance(spec, dict):
            return spec(self, node, where, what)
        kinds = {key: kind.kind if isinstance(kind, optional) else kind for key, kind in spec.items()}
        required = [key for key, kind in spec.items() if not isinstance(kind, optional)]
        values = self.keys(node, where, what, spec, required)
        return {key: self.read(value, kinds[key], where, child(what, key)) for key, value in values.items()}

    @staticmethod
    def find(node: Node, *path: str | int) -> Node:
        """The node at a path of keys and list indexes below `node`, for the position of a message;
        where the path stops, the last node found."""
        for step in path:
            if isinstance(node, MappingNode):
                below = next((value for key, value in node.value if key.value == step), None)
            elif isinstance(node, SequenceNode) and isinstance(step, int) and step < len(node.value):
                below = node.value[step]
            else:
                below = None
            if below is None:
                break
            node = below
        return node

    @classmethod
    def peek(cls, node: Node, key: str) -> str | None:
        """A key's text before the mapping is checked: names the item in every message about it."""
        value = cls.find(node, key)
        return value.value if value is not node and isinstance(value, ScalarNode) else None

    @staticmethod
    def found(node: Node) -> str:
        if isinstance(node, ScalarNode):
            return "found nothing" if node.tag.endswith(":null") else f"found {node.value!r}"
        return f"found a {'mapping' if isinstance(node, MappingNode) else 'list'}"


Kind = Callable[[Reader, Node, str, str], Any]  # reader, node, where, what -> the checked value
Spec = Union[Kind, dict[str, Union["Spec", "optional"]]]  # noqa: UP007 (evaluated at run time)


@dataclass(frozen=True)
class optional:  # lower case: it reads as a word of the schema, optional(kind)
    """A key of a declared mapping that may be left out."""

    kind: Spec


def child(what: str, key: str) -> str:
    """The name of a value inside `what`: a dotted path ('akn.components'), unless `what` is a
    description of the whole ('the document', 'a note'), whose keys are named alone."""
    return key if " " in what else f"{what}.{key}"


def https(reader: Reader, node: Node, where: str, what: str) -> str:
    return reader.url(node, where, what, ("https",))


def pattern(regex: re.Pattern[str], rule: str) -> Kind:
    """Text matching `regex`; `rule` says in words what it must be."""

    def kind(reader: Reader, node: Node, where: str, what: str) -> str:
        value = reader.text(node, where, what)
        if not regex.match(value):
            raise reader.error(node, where, f"{what} must be {rule}; found {value!r}, change it")
        return value

    return kind


def one_of(choices: Iterable[str]) -> Kind:
    choices = tuple(choices)
    return lambda reader, node, where, what: reader.choice(node, where, what, choices)


def by_lang(kind: Spec, required: bool = True) -> Kind:
    """A mapping language -> value; `required`: every language must be there."""
    spec = {lang: kind if required else optional(kind) for lang in LANGS}
    return lambda reader, node, where, what: reader.read(node, spec, where, what)


def map_of(kind: Spec) -> Kind:
    """A mapping with keys of the file's choosing (each given once) -> values of one kind."""

    def read(reader: Reader, node: Node, where: str, what: str) -> dict[str, Any]:
        items = reader.mapping(node, where, what)
        return {key: reader.read(value, kind, where, child(what, key)) for key, (_, value) in items.items()}

    return read


def list_of(kind: Spec, empty: bool = False) -> Kind:
    """A list of values of one kind; `empty`: it may have none."""

    def read(reader: Reader, node: Node, where: str, what: str) -> list[Any]:
        items = reader.sequence(node, where, what)
        if not items and not empty:
            raise reader.error(node, where, f"{what} is an empty list; give at least one item, or remove the key")
        return [reader.read(item, kind, where, what) for item in items]

    return read
