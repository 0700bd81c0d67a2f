"""The words the edition adds around the text (source/labels.yml), in both languages, read
through a schema: language -> key -> text (or, for `kinds`, kind -> text); both languages have
the same keys; the keys the code uses are all there; text is plain, except MARKUP_LABELS."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from edition.core.inline import to_html
from edition.core.langs import LANGS
from edition.core.shape import Component
from edition.sources.identity import Identity
from edition.sources.parse import SourceError, read_text
from edition.sources.register import KINDS
from edition.sources.schema import Reader, at

# Where a related provision stands, when that is its reason (enrich/similarity.place): a label each.
PLACES = ("parent", "ancestor", "child", "descendant", "sibling", "part")
# Labels that hold links (the inline allow-list plus <a href="https://...">), and those whose key
# starts with MARKUP_PREFIX (a note after a component's "[Original: ...]" line, original_note_<block>).
# Every other label is plain text, escaped wherever it is used.
MARKUP_LABELS = ("translation_note", "versions_note")
MARKUP_PREFIX = "original_note_"


def holds_markup(key: str) -> bool:
    return key in MARKUP_LABELS or key.startswith(MARKUP_PREFIX)


# Labels MkDocs' configuration takes (site_config.py), which Material writes unescaped, some into
# attributes between double quotes: plain text (no '<' or '&': Reader.text) without '"'.
THEME_LABELS = ("site_name", "site_description", "copyright")
# Labels holding a mapping rather than a text, and the keys it must have.
NESTED_LABELS = {"kinds": KINDS}
# Every label the code reads: a file without one of them stops the build before any page is made.
# The document's own (its components', their levels', its official versions') are those its
# identity names (document_labels).
REQUIRED_LABELS = (
    "site_name", "site_description", "copyright", "document", "home", "full_text", "cite", "about", "contents",
    "paragraph", "indent", "decision", "section", "in_this_part", "prev", "next", "breadcrumbs", "provisions",
    "symbol", "organ", "distributed", "sender", "addressee", "original_languages",
    "official_text", "official_versions",
    "translation_note", "versions_note", "permalink", "permalink_to",
    "cite_box", "cite_url", "cite_text", "copy", "download",
    "entities", "entities_short", "glossary", "mentioned_in", "names", "acronym", "expansion", "counterpart",
    "used_in", "official_link", "edition_name", "quotations", "cite_language_note", "cited_in", "kinds",
    "cite_para", "cite_export", "cite_genre", "cite_publisher_name", "cite_translation_mark",
    "related_on", "related_via", *(f"related_place_{place}" for place in PLACES),
    # the edition's identity and pinpoints below the page (pages/pinpoints.py, pages/edition_pages.py)
    "versions", "versions_intro", "edition_version", "edition_released", "edition_licence", "edition_publisher",
    "edition_corrections", "cite_selection_link", "cite_selection_key", "close",
)  # fmt: skip


def shape_labels(components: tuple[Component, ...]) -> tuple[str, ...]:
    """The labels document.yml's components name: each component's name, where a text is used in
    it (used_<block>), how a citation names it, what its levels are called."""
    keys: list[str] = []
    for component in components:
        keys += [component.label, f"used_{component.block}", *([component.cite] if component.cite else [])]
        keys += [component.level_label(depth) for depth in range(len(component.levels))]
    return tuple(dict.fromkeys(keys))


def document_labels(identity: Identity) -> tuple[str, ...]:
    """The labels document.yml names: its components' (shape_labels) and official_<key> for each
    of its official versions."""
    return shape_labels(identity.components) + tuple(f"official_{key}" for key in identity.official_versions)


def parse_labels(text: str, path: str, required: tuple[str, ...] = ()) -> dict[str, dict]:
    """Language -> key -> text (Markup for MARKUP_LABELS), checked; `required`: the labels the
    document's identity names (document_labels), required with REQUIRED_LABELS."""
    reader = Reader(path)
    root = reader.compose_required(text, "labels", f"it needs {' and '.join(LANGS)}")
    by_lang = reader.keys(root, "labels", "the labels file", LANGS, LANGS)
    lang_line = {lang: at(key_node) for lang, (key_node, _) in reader.mapping(root, "labels", "the labels").items()}
    out: dict[str, dict] = {}
    lines: dict[str, dict[str, int]] = {}
    for lang, node in by_lang.items():
        items = reader.mapping(node, f"labels {lang}", f"the labels of '{lang}'")
        out[lang], lines[lang] = {}, {}
        for key, (key_node, value) in items.items():
            where = f"label {lang}.{key}"
            lines[lang][key] = at(key_node)[0]
            if key in NESTED_LABELS:
                values = reader.keys(value, where, key, NESTED_LABELS[key], NESTED_LABELS[key])
                out[lang][key] = {k: reader.text(v, where, f"{key}.{k}") for k, v in values.items()}
            elif holds_markup(key):
                out[lang][key] = to_html(reader.text(value, where, key, markup="links"), links=True)
            else:
                out[lang][key] = reader.text(value, where, key)
                if key in THEME_LABELS and '"' in out[lang][key]:
                    raise reader.error(
                        value,
                        where,
                        f"{key} holds '\"', which MkDocs' theme writes unescaped into an HTML "
                        "attribute; write typographic quotes (« », “ ”) instead",
                    )
        for key in REQUIRED_LABELS + required:
            if key not in items:
                raise reader.error(
                    root.value[list(by_lang).index(lang)][0],
                    f"labels {lang}",
                    f"label '{key}' is missing; the pages need it, add it",
                )
    first, *others = LANGS
    for other in others:
        for here, there in ((first, other), (other, first)):
            for key in out[here]:
                if key not in out[there]:
                    raise SourceError(
                        path,
                        lang_line[there][0],
                        f"labels {there}",
                        f"label '{key}' is missing in '{there}' (it is in '{here}', line {lines[here][key]}); "
                        "both languages need the same labels",
                        lang_line[there][1],
                    )
    return out


def load_labels(path: Path, shown: str | None = None, required: tuple[str, ...] = ()) -> dict[str, dict]:
    shown = shown or str(path)
    return parse_labels(read_text(path, shown), shown, required)


__all__ = ["MARKUP_LABELS", "REQUIRED_LABELS", "Markup", "load_labels", "parse_labels"]
