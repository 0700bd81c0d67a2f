"""Check that the French and English documents are aligned one to one, anchors included."""

from __future__ import annotations

from .model import Document
from .parse import SourceError


def outline(doc: Document) -> list[tuple[str, int, list[str]]]:
    """Every division of the document: (where, line, anchors and keys it holds), in order."""
    rows: list[tuple[str, int, list[str]]] = [("[masthead]", 1, sorted(doc.masthead))]
    for section in (doc.letter, doc.annex, doc.plan):
        keys = [u.anchor for u in section.units]
        keys += [k for k in ("label", "original", "signature") if getattr(section, k)]
        rows.append((f"[{section.key}]", section.lineno, keys))
    for part in doc.parts:
        rows.append((f"[part {part.slug}]", part.lineno, list(part.provisions)))
    for provision in doc.ordered():
        keys = [u.anchor for u in provision.units] + (["title"] if provision.title else [])
        rows.append((f"provision {provision.number}", provision.lineno, keys))
    return rows


def check_aligned(first: Document, second: Document) -> None:
    """Raise SourceError naming file, line and provision where the two languages differ."""
    left = {where: (line, keys) for where, line, keys in outline(first)}
    right = {where: (line, keys) for where, line, keys in outline(second)}
    for here, there in ((first, second), (second, first)):
        mine = left if here is first else right
        theirs = right if here is first else left
        for where, (line, _keys) in mine.items():
            if where not in theirs:
                raise SourceError(here.path, line, where, f"exists in {here.lang} only (missing from {there.path})")
    for where, (line, keys) in left.items():
        other_line, other_keys = right[where]
        if keys != other_keys:
            only_here = [k for k in keys if k not in other_keys]
            only_there = [k for k in other_keys if k not in keys]
            detail = (
                f"{first.lang} only: {', '.join(only_here) or '-'}; {second.lang} only: {', '.join(only_there) or '-'}"
            )
            if not only_here and not only_there:
                detail = "same content in a different order"
            raise SourceError(second.path, other_line, where, f"not aligned with {first.path}:{line} ({detail})")
    if list(left) != list(right):
        raise SourceError(second.path, 1, "document", f"divisions in another order than {first.path}")
