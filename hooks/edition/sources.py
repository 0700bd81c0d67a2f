"""Load the edition's source folder: both languages (checked and aligned) and the labels."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .align import check_aligned
from .identity import Identity, load_identity
from .model import LANGS, Document
from .parse import load_document
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
    """Parse both languages and check their alignment; paths in messages are relative to root."""
    identity = load_identity(folder / IDENTITY, shown_path(folder / IDENTITY, root))
    docs = {}
    for lang in LANGS:
        path = folder / identity.source_name(lang)
        docs[lang] = load_document(path, lang, shown_path(path, root))
        docs[lang].identity = identity
    check_aligned(docs["fr"], docs["en"])
    labels = yaml.safe_load((folder / "labels.yml").read_text(encoding="utf-8"))
    register_path = folder / "register.yml"
    shown = shown_path(register_path, root)
    return Sources(docs, labels, load_register(register_path, shown), shown, identity)
