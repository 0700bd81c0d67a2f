"""MkDocs hook: assemble the pages of both languages before MkDocs collects files.

The hand-written pages (docs/) and the pages rendered from the document's source are written
into one folder (build/docs) that becomes docs_dir. A file is only rewritten when its content
changed, so `mkdocs serve` does not rebuild in a loop. static-i18n then sees real files
(`page.fr.md` / `page.en.md`) and localises them like hand-written ones.
"""

from __future__ import annotations

import logging
from pathlib import Path

from edition import assemble
from edition.enrich import EnrichError
from edition.parse import SourceError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.pages")


@event_priority(100)  # before static-i18n reads docs_dir
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    source = root / "source"
    target = root / "build" / "docs"
    try:
        written = assemble.assemble_docs(root / "docs", source, target, root)
    except (SourceError, EnrichError) as error:
        raise PluginError(f"Bad source:\n{error}") from error
    if written:
        log.info("edition: %d page files written to %s", written, target.relative_to(root))
    config.docs_dir = str(target)
    return config
