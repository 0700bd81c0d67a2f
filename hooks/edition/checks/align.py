"""Check that the French and English documents are aligned one to one, anchors included.

The French is checked against the original first (fidelity.py), so where the two languages
differ the second language (the translation) is the one at fault: messages name its file and
the line where the difference is, and the French line for reference.
"""

from __future__ import annotations

from edition.core.shape import MASTHEAD_ROLES
from edition.document.passages import Walk
from edition.sources.parse import SourceError

# A text's key as the source writes it ("title:"), where the tree names its role otherwise.
KEY_NAMES = {"heading": "title"}

Row = tuple[str, int, list[str], dict[str, int]]  # where, line, keys in order, key -> line

# The texts of a component or provision that are keys of their own (a paragraph or indent is its anchor).
NAMED = {"component": ("label", "original", "signature"), "provision": ("heading",), "masthead": MASTHEAD_ROLES}


def outline(reading: Walk) -> list[Row]:
    """Every division of the document: (where, line, anchors and keys it holds, their lines), in order."""
    rows: list[Row] = []
    for division in reading.divisions:
        keys = [passage.anchor for passage in division.texts()]
        lines = {passage.anchor: passage.lineno for passage in division.texts()}
        named = {
            passage.role: passage.lineno
            for passage in division.passages
            if passage.role in NAMED.get(division.kind, ())
        }
        if division.kind == "masthead":
            keys = sorted(named)
        elif division.kind == "part":  # a part holds its provisions
            provisions = reading.held[division.key]
            keys, lines = [other.key for other in provisions], {other.key: other.lineno for other in provisions}
        keys += [KEY_NAMES.get(role, role) for role in named if division.kind != "masthead"]
        lines |= {KEY_NAMES.get(role, role): line for role, line in named.items()}
        rows.append((division.where, division.lineno, keys, lines))
    return rows


def shown(key: str) -> str:
    """A key as a reader of the source knows it: 'p-16-4-2-i9' -> 'indent 9'."""
    tail = key.rsplit("-", 1)[-1]
    if tail[:1] in ("p", "i") and tail[1:].isdigit() and "-" in key:
        return f"{'paragraph' if tail[0] == 'p' else 'indent'} {tail[1:]} ({key})"
    return f"'{key}:'"


def counts(keys: list[str]) -> str:
    paragraphs = sum(shown(k).startswith("paragraph") for k in keys)
    indents = sum(shown(k).startswith("indent") for k in keys)
    return f"{paragraphs} paragraph(s), {indents} indent(s)"


def misplaced(first: Walk, second: Walk, keys: list[str], other_keys: list[str]) -> SourceError:
    """A part whose provisions differ in the two languages, when each provision exists in both
    (`keys`, `other_keys`: the part's provisions in each): the first one out of place, named at
    its block in the second language."""
    both = zip(keys, other_keys, strict=False)
    index = next((i for i, (number, other) in enumerate(both) if number != other), min(len(keys), len(other_keys)))
    number = keys[index] if index < len(keys) else other_keys[index]  # one part holds it, not the other
    wanted, found = first.provisions[number], second.provisions[number]
    if found.part != wanted.part:
        return SourceError(
            second.path,
            found.lineno,
            found.where,
            f"in [part {found.part}] here, in [part {wanted.part}] in {first.lang} ({first.path}:{wanted.lineno}); "
            f"put its block in [part {wanted.part}], as there",
        )
    instead = second.provisions[other_keys[index]]
    return SourceError(
        second.path,
        instead.lineno,
        instead.where,
        f"{first.lang} has {wanted.where} here ({first.path}:{wanted.lineno}); correct the number, or put the "
        "blocks in its order",
    )


def check_aligned(first: Walk, second: Walk) -> None:
    """Raise SourceError naming the second language's file, line and provision where it differs."""
    left = {where: (line, keys, lines) for where, line, keys, lines in outline(first)}
    right = {where: (line, keys, lines) for where, line, keys, lines in outline(second)}
    order, their_order = list(left), list(right)
    for index, where in enumerate(order):
        if where not in right:
            previous = next((w for w in reversed(order[:index]) if w in right), None)
            instead = their_order[their_order.index(previous) + 1 if previous else 0 :][:1]
            if instead and instead[0] not in left:  # the same place holds another number: a typo
                raise SourceError(
                    second.path,
                    right[instead[0]][0],
                    instead[0],
                    f"{first.lang} has {where} here ({first.path}:{left[where][0]}); correct the number",
                )
            previous = next((w for w in reversed(order[:index]) if w in right), None)
            at = right[previous][0] if previous else 1
            after = f"add it after the block of {previous} (which starts at line {at})" if previous else "add it first"
            raise SourceError(
                second.path,
                at,
                where,
                f"missing in {second.lang}: it exists in {first.lang} ({first.path}:{left[where][0]}); {after}",
            )
    for where, (line, _keys, _lines) in right.items():
        if where not in left:
            raise SourceError(
                second.path,
                line,
                where,
                f"exists in {second.lang} only, not in {first.path}; remove it or correct its number",
            )
    for where, (line, keys, lines) in left.items():
        other_line, other_keys, _ = right[where]
        if keys == other_keys:
            continue
        if where.startswith("[part "):  # every provision is in both languages: one is out of its place
            raise misplaced(first, second, keys, other_keys)
        only_here = [k for k in keys if k not in other_keys]
        only_there = [k for k in other_keys if k not in keys]
        # Which paragraph or indent is extra cannot be told from the anchors (they are numbered):
        # the message is at the block, with what each language has.
        if only_there:
            raise SourceError(
                second.path,
                other_line,
                where,
                f"{', '.join(map(shown, only_there))}: no counterpart in {first.lang} ({first.path}:{line}; "
                f"{counts(keys)} there, {counts(other_keys)} here); remove the extra one",
            )
        if only_here:
            key = only_here[0]
            raise SourceError(
                second.path,
                other_line,
                where,
                f"{', '.join(map(shown, only_here))} missing in {second.lang} ({first.path}:{lines.get(key) or line}; "
                f"{counts(keys)} there, {counts(other_keys)} here); add the missing translation",
            )
        raise SourceError(
            second.path, other_line, where, f"same keys as {first.path}:{line} in another order; put them in its order"
        )
    if list(left) != list(right):
        moved = next(a for a, b in zip(left, right, strict=True) if a != b)
        raise SourceError(
            second.path,
            right[moved][0],
            moved,
            f"divisions in another order than {first.path}; put {moved} where it is there (line {left[moved][0]})",
        )
