"""Load the edition's source folder: both languages (checked against the original and aligned),
the labels and the register, each read through its checks. Order matters for the messages: the
French is checked against the original first, so a difference between the languages is then
the translation's."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from edition.checks.align import check_aligned
from edition.checks.fidelity import check_fidelity, original_tokens, published_pieces, tokens
from edition.core.langs import LANGS
from edition.core.lines import source_lines
from edition.document.passages import Walk, walk
from edition.document.tree import Node, build_tree
from edition.sources.edition import EditionIdentity, load_edition
from edition.sources.identity import Identity, load_identity
from edition.sources.labels import document_labels, load_labels
from edition.sources.notes import QuotationNote, load_notes
from edition.sources.parse import SourceError, check_sequence, load_document, read_text
from edition.sources.parsed import Document
from edition.sources.register import Register, load_register
from edition.sources.translation_notes import load_translation_notes


@dataclass
class Sources:
    docs: dict[str, Document]  # lang -> document, as parsed
    trees: dict[str, Node]  # lang -> the document as an Akoma Ntoso tree (tree.py), without mentions
    walks: dict[str, Walk]  # lang -> the tree walked once (passages.py): what the checks and exports read
    labels: dict[str, dict]  # lang -> label -> text
    register: Register
    register_path: str
    identity: Identity
    original: str  # the French text as received (identity.original)
    notes: dict[str, dict[str, QuotationNote]]  # lang -> provision number -> its quotation note
    edition: EditionIdentity  # the edition's own name, version, licence and versions (edition.yml)


IDENTITY = "document.yml"
NOTES = "notes.yml"
EDITION = "edition.yml"
TRANSLATION_NOTES = "translation-notes.md"  # optional: checked for sources (translation_notes.py)


def shown_path(path: Path, root: Path | None) -> str:
    return str(path.relative_to(root)) if root else str(path)


def trees_of(docs: dict[str, Document]) -> tuple[dict[str, Node], dict[str, Walk]]:
    """Each language's tree, and the tree walked once."""
    trees = {lang: build_tree(doc) for lang, doc in docs.items()}
    return trees, {lang: walk(trees[lang], lang, doc.path) for lang, doc in docs.items()}


def checked_original(folder: Path, root: Path | None, identity: Identity, path: Path, french: Walk) -> str:
    """The original's text; a missing file, a source named as the original or a file that shares
    few of the French words is document.yml's `original:` to correct, and named there (not a
    difference in the French file)."""
    shown_identity = shown_path(folder / IDENTITY, root)
    identity_text = read_text(folder / IDENTITY, shown_identity)
    line = next((n for n, text in enumerate(source_lines(identity_text), 1) if text.startswith("original:")), 1)
    fix = "name the official text as received, a file beside document.yml"
    if path.name in {identity.source_name(lang) for lang in LANGS}:
        raise SourceError(shown_identity, line, "document", f"original: '{identity.original}' is a source; {fix}")
    if not path.is_file():
        raise SourceError(shown_identity, line, "document", f"original: '{identity.original}' does not exist; {fix}")
    original = read_text(path, shown_path(path, root), characters=True)
    published = {token for text, _, _ in published_pieces(french) for token in tokens(text)}
    if len(published & set(original_tokens(original))) < len(published) / 2:
        raise SourceError(
            shown_identity,
            line,
            "document",
            f"original: '{identity.original}' holds less than half of the French text's words; {fix}",
        )
    return original


def provision_texts(walks: dict[str, Walk]) -> dict[str, dict[str, str]]:
    """lang -> provision number -> its paragraphs and indents, joined: what a quotation note quotes."""
    return {
        lang: {
            number: " ".join(text.text for text in provision.texts()) for number, provision in walk.provisions.items()
        }
        for lang, walk in walks.items()
    }


def load_sources(folder: Path, root: Path | None = None) -> Sources:
    """Parse both languages and check them; paths in messages are relative to root."""
    identity = load_identity(folder / IDENTITY, shown_path(folder / IDENTITY, root))
    docs = {}
    for lang in LANGS:
        path = folder / identity.source_name(lang)
        docs[lang] = load_document(path, lang, identity.components, shown_path(path, root), False)
    original_path = folder / identity.original
    trees, walks = trees_of(docs)
    official, translation = walks[identity.official_lang], walks[identity.translation_lang]
    original = checked_original(folder, root, identity, original_path, official)
    check_fidelity(original, shown_path(original_path, root), official)
    check_aligned(official, translation)
    for doc in docs.values():
        check_sequence(doc.ordered(), doc.path)
    labels = load_labels(folder / "labels.yml", shown_path(folder / "labels.yml", root), document_labels(identity))
    register_path = shown_path(folder / "register.yml", root)
    register = load_register(folder / "register.yml", register_path)
    notes = load_notes(folder / NOTES, provision_texts(walks), shown_path(folder / NOTES, root))
    edition = load_edition(folder / EDITION, shown_path(folder / EDITION, root))
    load_translation_notes(folder / TRANSLATION_NOTES, shown_path(folder / TRANSLATION_NOTES, root))
    return Sources(docs, trees, walks, labels, register, register_path, identity, original, notes, edition)
