"""MkDocs hook: after static-i18n has merged both languages' search entries, write one index
per language (site/search/ for French, site/en/search/ for English)."""

from __future__ import annotations

import json
from pathlib import Path

from edition.search import split_index
from edition.synonyms import synonyms_by_language
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


@event_priority(-200)  # after static-i18n (-100) has built every language and merged the index
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner, one-language build: the merged index does not exist yet
    site = Path(config.site_dir)
    merged = site / "search" / "search_index.json"
    index = json.loads(merged.read_text(encoding="utf-8"))
    root = Path(config.config_file_path).parent
    for lang, part in split_index(index, synonyms_by_language(root / "source")).items():
        target = site / ("" if lang == "fr" else lang) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
