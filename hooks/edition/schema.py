"""Read YAML through a schema: every error names file:line:col, what is wrong and how to fix it.

The YAML is composed into nodes (which carry their position) instead of loaded into plain
values: a duplicate key is an error at the second one (PyYAML would silently keep the last),
a wrong type is reported where it is written, and text that reaches a page is checked for markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .inline import InlineError, check_inline, check_invisible
from .parse import SourceError

URL = re.compile(r"^https?://[^\s<>\"'`]+$")
# Plain text, as in a page: no markup, no character reference (the allow-list's rules, without tags).
TAGLESS = re.compile(r"<|&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def at(node: Node) -> tuple[int, int]:
    """1-based line and column of a node."""
    return node.start_mark.line + 1, node.start_mark.column + 1


class Reader:
    """Checks for one YAML file; `where` in messages names the entity or label concerned."""

    def __init__(self, path: str) -> None:
        self.path = path

    def error(self, node: Node | None, where: str, message: str) -> SourceError:
        line, column = at(node) if node is not None else (1, 0)
        return SourceError(self.path, line, where, message, column)

    def compose(self, text: str) -> Node | None:
        try:
            return yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 0)
            problem = error.problem or error.context or "invalid YAML"
            raise SourceError(self.path, line, "YAML", f"{problem}; correct the YAML syntax here", column) from None

    def mapping(self, node: Node, where: str, what: str) -> dict[str, tuple[Node, Node]]:
        """Key -> (key node, value node); a duplicate key is an error at its second occurrence."""
        if not isinstance(node, MappingNode):
            raise self.error(node, where, f"{what} must be a mapping (key: value lines); {self.found(node)}")
        out: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else str(key_node)
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
            one_line = node.style in (None, '"', "'") and line == node.end_mark.line + 1
            offset = error.column - 1 + (node.style is not None) if one_line else 0
            raise SourceError(self.path, line, where, f"{what}: {error}", column + offset) from None
        return value

    def choice(self, node: Node, where: str, what: str, choices: Iterable[str]) -> str:
        choices = tuple(choices)
        if not isinstance(node, ScalarNode) or node.value not in choices:
            shown = node.value if isinstance(node, ScalarNode) else self.found(node)
            raise self.error(node, where, f"{what} '{shown}' is not one of: {', '.join(choices)}")
        return node.value

    def url(self, node: Node, where: str, what: str) -> str:
        value = self.text(node, where, what)
        if not URL.match(value):
            raise self.error(node, where, f"{what} '{value}' is not an http(s) address; write https://...")
        return value

    @staticmethod
    def found(node: Node) -> str:
        if isinstance(node, ScalarNode):
            return "found nothing" if node.tag.endswith(":null") else f"found {node.value!r}"
        return f"found a {'mapping' if isinstance(node, MappingNode) else 'list'}"
