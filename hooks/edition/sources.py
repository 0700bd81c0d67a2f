"""Load the edition's source folder: both languages (checked against the original and aligned),
the labels and the register, each read through its checks. Order matters for the messages: the
French is checked against the original first, so a difference between the languages is then
the translation's."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .align import check_aligned
from .fidelity import check_fidelity
from .labels import load_labels
from .model import LANGS, Document
from .parse import check_sequence, load_document, read_text
from .register import Register, load_register

ORIGINAL = "S-2003-85.fr.original.md"


@dataclass
class Sources:
    docs: dict[str, Document]  # lang -> document
    labels: dict[str, dict]  # lang -> label -> text
    register: Register
    register_path: str


def source_path(folder: Path, lang: str) -> Path:
    return folder / f"S-2003-85.{lang}.md"


def load_sources(folder: Path, root: Path | None = None) -> Sources:
    """Parse both languages and check them; paths in messages are relative to root."""

    def shown(path: Path) -> str:
        return str(path.relative_to(root)) if root else str(path)

    docs = {
        lang: load_document(source_path(folder, lang), lang, shown(source_path(folder, lang)), False) for lang in LANGS
    }
    original = folder / ORIGINAL
    check_fidelity(read_text(original, shown(original)), shown(original), docs["fr"])
    check_aligned(docs["fr"], docs["en"])
    for doc in docs.values():
        check_sequence(doc.ordered(), doc.path)
    labels = load_labels(folder / "labels.yml", shown(folder / "labels.yml"))
    register_path = shown(folder / "register.yml")
    return Sources(docs, labels, load_register(folder / "register.yml", register_path), register_path)
