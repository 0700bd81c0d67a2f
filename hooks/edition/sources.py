"""Load the edition's source folder: both languages (checked against the original and aligned),
the labels and the register, each read through its checks. Order matters for the messages: the
French is checked against the original first, so a difference between the languages is then
the translation's."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .align import check_aligned
from .fidelity import check_fidelity
from .identity import Identity, load_identity
from .labels import load_labels
from .model import LANGS, Document
from .parse import check_sequence, load_document, read_text
from .register import Register, load_register


@dataclass
class Sources:
    docs: dict[str, Document]  # lang -> document
    labels: dict[str, dict]  # lang -> label -> text
    register: Register
    register_path: str
    identity: Identity | None = None  # source/document.yml


IDENTITY = "document.yml"


def shown_path(path: Path, root: Path | None) -> str:
    return str(path.relative_to(root)) if root else str(path)


def load_sources(folder: Path, root: Path | None = None) -> Sources:
    """Parse both languages and check them; paths in messages are relative to root."""
    identity = load_identity(folder / IDENTITY, shown_path(folder / IDENTITY, root))
    docs = {}
    for lang in LANGS:
        path = folder / identity.source_name(lang)
        docs[lang] = load_document(path, lang, shown_path(path, root), False)
        docs[lang].identity = identity
    original = folder / identity.original
    check_fidelity(read_text(original, shown_path(original, root)), shown_path(original, root), docs["fr"])
    check_aligned(docs["fr"], docs["en"])
    for doc in docs.values():
        check_sequence(doc.ordered(), doc.path)
    labels = load_labels(folder / "labels.yml", shown_path(folder / "labels.yml", root))
    register_path = shown_path(folder / "register.yml", root)
    return Sources(docs, labels, load_register(folder / "register.yml", register_path), register_path, identity)
