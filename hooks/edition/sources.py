"""Load the edition's source folder: both languages (checked and aligned) and the labels."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .align import check_aligned
from .model import LANGS, Document
from .parse import load_document
from .register import Register, load_register, load_yaml


@dataclass
class Sources:
    docs: dict[str, Document]  # lang -> document
    labels: dict[str, dict]  # lang -> label -> text
    register: Register
    register_path: str


def source_path(folder: Path, lang: str) -> Path:
    return folder / f"S-2003-85.{lang}.md"


def load_sources(folder: Path, root: Path | None = None) -> Sources:
    """Parse both languages and check their alignment; paths in messages are relative to root."""
    docs = {}
    for lang in LANGS:
        path = source_path(folder, lang)
        shown = str(path.relative_to(root)) if root else str(path)
        docs[lang] = load_document(path, lang, shown)
    check_aligned(docs["fr"], docs["en"])
    labels = load_yaml((folder / "labels.yml").read_text(encoding="utf-8"))
    register_path = folder / "register.yml"
    shown = str(register_path.relative_to(root)) if root else str(register_path)
    return Sources(docs, labels, load_register(register_path, shown), shown)
