"""Parse an edition source file (see source/README.md) into a Document.

Every error names the file, the line and the provision, so that bad input stops the build
with a message a person can act on.
"""

from __future__ import annotations

import re
from pathlib import Path

from edition.core.inline import InlineError, check_inline, first_refused
from edition.core.lines import source_lines
from edition.core.shape import MASTHEAD_ROLES, Component, holder_of
from edition.sources.parsed import Block, Document, Line, Part, Provision, Section, Unit

BLOCK = re.compile(r"^\[(?P<ident>[^\]]+)\]\s*$")
KEYED = re.compile(r"^(?P<key>[a-z]+): (?P<text>\S.*)$")
NUMBER = re.compile(r"^\d+(\.\d+)*$")
PART = re.compile(r"^part (?P<slug>[a-z][a-z0-9-]*)$")

# A component's block (a letter, an annex...: document.yml's `components`) may hold these keys.
COMPONENT_KEYS = {"label", "title", "original", "p", "-", "signature"}
PART_KEYS = {"title"}
PROVISION_KEYS = {"title", "p", "-"}


class SourceError(ValueError):
    """Bad input: the message names file, line (and column where it helps) and provision."""

    def __init__(self, path: str, lineno: int, where: str, message: str, column: int = 0) -> None:
        self.path, self.lineno, self.where, self.column = path, lineno, where, column
        at = f"{path}:{lineno}:{column}" if column else f"{path}:{lineno}"
        super().__init__(f"{at}: {where}: {message}")


def decode(data: bytes, path: str) -> str:
    """A source file's text: UTF-8, with or without a byte order mark; else an error at its line."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start
        lineno = data.count(b"\n", 0, offset) + 1
        column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        raise SourceError(
            path,
            lineno,
            "encoding",
            f"byte {data[offset]:#04x} is not UTF-8; save the file as UTF-8",
            column,
        ) from None


def check_characters(text: str, path: str, every: bool = False) -> None:
    """Raise SourceError, at its real line and column, at a character a reader of the whole file
    must not meet: one that YAML counts as a line end (U+2028, U+0085) or refuses itself, or a
    control; `every`: any character outside the allow-list (core/inline.py). The readers check the
    other characters in each value, where they can name the provision or the entry."""
    for lineno, line in enumerate(source_lines(text), start=1):
        if (found := first_refused(line.replace("\t", " "), unreadable_only=not every)) is not None:
            raise SourceError(path, lineno, "character", found[1], found[0] + 1)


def read_text(path: Path, shown: str, characters: bool = False) -> str:
    """A source file's text, decoded; `characters`: every character checked against the allow-list
    (the readers of the sources and of the YAML files check theirs, value by value)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(shown, 1, "file", "missing; restore it (see source/README.md)") from None
    except (IsADirectoryError, PermissionError) as error:
        raise SourceError(shown, 1, "file", f"cannot be read ({error.strerror}); make it a readable file") from None
    text = decode(data, shown)
    if characters:
        check_characters(text, shown, every=True)
    return text


def comment_end(line: str, lineno: int, path: str, where: str) -> bool:
    """True if this line of a comment closes it; a comment takes whole lines."""
    if "-->" not in line:
        return False
    if not line.endswith("-->") or line.count("-->") > 1:
        column = line.index("-->") + 4
        raise SourceError(
            path, lineno, where, "text after the end of a comment; a comment takes whole lines: <!-- ... -->", column
        )
    return True


def read_blocks(text: str, path: str) -> list[Block]:
    """Split the text into bracketed blocks of key/value lines."""
    check_characters(text, path)
    blocks: list[Block] = []
    comment_start = 0  # line where the open comment started, 0 outside a comment
    for lineno, raw in enumerate(source_lines(text), start=1):
        line = raw.strip()
        where = where_of(blocks[-1]) if blocks else "before any block"
        if comment_start or line.startswith("<!--"):
            comment_start = comment_start or lineno
            if comment_end(line[4:] if comment_start == lineno else line, lineno, path, "comment"):
                comment_start = 0
            continue
        if not line:
            continue
        indent = len(raw) - len(raw.lstrip())
        if match := BLOCK.match(line):
            blocks.append(Block(match["ident"].strip(), lineno))
            continue
        if line.startswith("- ") and line[2:].strip():
            key, value = "-", line[2:].strip()
            start = indent + line.index(value, 2)
        elif match := KEYED.match(line):
            key, value = match["key"], match["text"].strip()
            start = indent + match.start("text")
        else:
            raise SourceError(
                path,
                lineno,
                where,
                f"cannot read this line: {line[:60]!r}; start it with 'p: ', '- ', 'title: ' (a key) or [a block]",
            )
        if not blocks:
            raise SourceError(path, lineno, "before any block", "text outside a [block]")
        try:
            check_inline(value)
        except InlineError as error:
            raise SourceError(path, lineno, where, str(error), start + error.column) from None
        blocks[-1].lines.append(Line(key, value, lineno))
    if comment_start:
        raise SourceError(
            path,
            comment_start,
            "comment",
            "comment never closed: everything after this line would be dropped; end it with -->",
            source_lines(text)[comment_start - 1].index("<!--") + 1,
        )
    return blocks


def where_of(block: Block) -> str:
    return f"provision {block.ident}" if NUMBER.match(block.ident) else f"[{block.ident}]"


def check_keys(block: Block, allowed: set[str], path: str) -> None:
    """Only the keys allowed here; each once, but paragraphs and indents (a second 'title:' would
    be read nowhere: its text would be lost without a word)."""
    first_at: dict[str, int] = {}
    for line in block.lines:
        if line.key not in allowed:
            raise SourceError(
                path,
                line.lineno,
                where_of(block),
                f"unexpected '{line.key}:' here (allowed: {', '.join(sorted(allowed))})",
            )
        if line.key in first_at and line.key not in ("p", "-"):
            raise SourceError(
                path,
                line.lineno,
                where_of(block),
                f"'{line.key}:' given twice (first at line {first_at[line.key]}); keep one",
            )
        first_at.setdefault(line.key, line.lineno)
    if block.lines and block.lines[0].key == "-":
        raise SourceError(
            path,
            block.lines[0].lineno,
            where_of(block),
            "an indent cannot be placed: no paragraph above it introduces the list",
        )


def units_of(block: Block, base: str) -> list[Unit]:
    """Paragraphs and indents of a block, each with its anchor (base-p1, base-i1 ...)."""
    units: list[Unit] = []
    counts = {"p": 0, "item": 0}
    for line in block.lines:
        kind = {"p": "p", "-": "item"}.get(line.key)
        if kind is None:
            continue
        counts[kind] += 1
        n = counts[kind]
        anchor = f"{base}-{'p' if kind == 'p' else 'i'}{n}"
        units.append(Unit(anchor, kind, line.text, line.lineno, str(n)))
    return units


def require(block: Block, key: str, path: str) -> str:
    value = block.first(key)
    if not value:
        raise SourceError(path, block.lineno, where_of(block), f"missing '{key}:' line; add it")
    return value


def section_of(block: Block, path: str) -> Section:
    check_keys(block, COMPONENT_KEYS, path)
    return Section(
        key=block.ident,
        label=block.first("label"),
        title=require(block, "title", path),
        original=block.first("original"),
        units=units_of(block, block.ident),
        signature=block.first("signature"),
        lineno=block.lineno,
        linenos=block.linenos(),
    )


def provision_of(block: Block, part: Part, path: str) -> Provision:
    check_keys(block, PROVISION_KEYS, path)
    number = block.ident
    title = block.first("title")
    provision = Provision(number, part.slug, title, [], block.lineno, block.linenos())
    provision.units = units_of(block, provision.anchor)
    if not provision.units and not title:  # a provision without text is the heading of its sub-provisions
        raise SourceError(path, block.lineno, f"provision {number}", "missing 'title:' line; add it")
    return provision


def check_texts(provisions: list[Provision], path: str) -> None:
    """A provision without text ('p:') heads the sub-provisions after it (16.3 over 16.3.1 ...);
    otherwise it says nothing. A wrong number below it (16.6.1 under 16.5), or a part that starts
    inside it, is left to the checks that compare it with the other language and the original, and
    to the numbering's (check_sequence), which name that number or that part."""
    for provision, following in zip(provisions, [*provisions[1:], None], strict=True):
        if not provision.units and not (following and following.depth > provision.depth):
            raise SourceError(
                path,
                provision.lineno,
                f"provision {provision.number}",
                "no text ('p:' line) and no sub-provision; add its text, or the sub-provisions it heads after it",
            )


def expected_next(previous: Provision | None, number: str) -> list[str]:
    """The numbers that may follow `previous` in document order."""
    if previous is None:
        return ["1"]
    parts = [int(n) for n in previous.number.split(".")]
    options = [".".join(map(str, parts + [1]))]  # first child
    for depth in range(len(parts), 0, -1):  # next sibling at this depth or above
        options.append(".".join(map(str, parts[: depth - 1] + [parts[depth - 1] + 1])))
    return options


def check_unique(provisions: list[Provision], path: str) -> None:
    seen: dict[str, Provision] = {}
    for provision in provisions:
        number = provision.number
        if number in seen:
            raise SourceError(
                path,
                provision.lineno,
                f"provision {number}",
                f"duplicate number (first at line {seen[number].lineno}); renumber or remove one of them",
            )
        seen[number] = provision


def check_sequence(provisions: list[Provision], path: str) -> None:
    check_unique(provisions, path)
    seen: dict[str, Provision] = {}
    previous = None
    for provision in provisions:
        number = provision.number
        options = expected_next(previous, number)
        if number not in options:
            after = f"after {previous.number}" if previous else "at the start"
            raise SourceError(
                path,
                provision.lineno,
                f"provision {number}",
                f"number out of sequence {after}: expected {' or '.join(options)}; check the numbering",
            )
        parent = seen.get(provision.parent or "")
        if parent and parent.part != provision.part:
            raise SourceError(
                path,
                provision.lineno,
                f"provision {number}",
                f"in [part {provision.part}], but the provision it belongs to, {parent.number} (line {parent.lineno}), "
                f"is in [part {parent.part}]; a part cannot start inside a provision: move [part {provision.part}] "
                f"before [{parent.number}] or after its last sub-provision",
            )
        seen[number] = provision
        previous = provision


def parse_document(text: str, path: str, lang: str, shape: tuple[Component, ...], numbering: bool = True) -> Document:
    """Parse one language's source into a Document of the declared shape (document.yml's
    components), checking structure and numbering.

    numbering=False leaves the sequence check (not duplicates) to the caller, which compares
    both languages first: a provision missing in one language is reported as such."""
    blocks = read_blocks(text, path)
    declared = [component.block for component in shape]
    holding = holder_of(shape)
    holder, depth = holding.block, len(holding.levels)
    sections: dict[str, Section] = {}
    masthead: dict[str, str] = {}
    masthead_lines: dict[str, int] = {}
    parts: list[Part] = []
    provisions: list[Provision] = []
    for block in blocks:
        ident = block.ident
        if ident == "masthead":
            if masthead_lines:  # a second one would replace the first, whose text would be lost
                first = min(masthead_lines.values())
                raise SourceError(
                    path, block.lineno, "[masthead]", f"block given twice (first at line {first}); keep one"
                )
            check_keys(block, set(MASTHEAD_ROLES), path)
            masthead = {line.key: line.text for line in block.lines}
            masthead_lines = block.linenos()
        elif ident in declared:
            if ident in sections:
                raise SourceError(path, block.lineno, f"[{ident}]", "block given twice")
            if later := [name for name in declared[declared.index(ident) + 1 :] if name in sections]:
                raise SourceError(
                    path,
                    block.lineno,
                    f"[{ident}]",
                    f"block after [{later[0]}]; put the blocks in the order of document.yml's components "
                    f"({', '.join(f'[{name}]' for name in declared)})",
                )
            sections[ident] = section_of(block, path)
        elif match := PART.match(ident):
            if holder not in sections:
                raise SourceError(path, block.lineno, f"[{ident}]", f"a part must follow [{holder}]")
            if any(part.slug == match["slug"] for part in parts):
                raise SourceError(path, block.lineno, f"[{ident}]", "part given twice")
            check_keys(block, PART_KEYS, path)
            title = require(block, "title", path)
            parts.append(Part(match["slug"], title, block.lineno, linenos=block.linenos()))
        elif NUMBER.match(ident):
            if ident.count(".") >= depth:
                raise SourceError(
                    path,
                    block.lineno,
                    f"provision {ident}",
                    f"{ident.count('.') + 1} levels of numbering, document.yml declares {depth} for [{holder}]; "
                    "renumber it, or declare the level in its components' levels",
                )
            if not parts:
                raise SourceError(
                    path,
                    block.lineno,
                    f"provision {ident}",
                    "cannot be placed: a provision must follow a [part ...] block",
                )
            provision = provision_of(block, parts[-1], path)
            provisions.append(provision)
            parts[-1].provisions.append(provision.number)
        else:
            raise SourceError(
                path,
                block.lineno,
                f"[{ident}]",
                f"unknown block; the blocks are [masthead], {', '.join(f'[{name}]' for name in declared)}, "
                "[part <slug>] and [<number>]",
            )
    for key in declared:
        if key not in sections:
            raise SourceError(path, 1, f"[{key}]", "block missing; add it (see source/README.md)")
    if not masthead:
        raise SourceError(path, 1, "[masthead]", "block missing; add it (see source/README.md)")
    for part in parts:
        if not part.provisions:
            raise SourceError(path, part.lineno, f"[part {part.slug}]", "part has no provision")
    if numbering:
        check_sequence(provisions, path)
    else:
        check_unique(provisions, path)
    check_texts(provisions, path)
    return Document(
        lang=lang,
        path=path,
        masthead=masthead,
        shape=shape,
        sections={key: sections[key] for key in declared},
        parts=parts,
        provisions={p.number: p for p in provisions},
        linenos=masthead_lines,
    )


def load_document(
    path: Path, lang: str, shape: tuple[Component, ...], display: str | None = None, numbering: bool = True
) -> Document:
    shown = display or str(path)
    return parse_document(read_text(path, shown), shown, lang, shape, numbering)
