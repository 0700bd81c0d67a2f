"""The pages the edition renders skip Python-Markdown (hooks/pages.py, on_page_markdown): that is
only right while Markdown, configured as in mkdocs.yml, would hand each of them back unchanged."""

from __future__ import annotations

import markdown
from edition.site.assemble import build_edition
from mkdocs.config import load_config

from tests.conftest import ROOT, SOURCE


def test_markdown_hands_every_rendered_page_back_unchanged():
    config = load_config(str(ROOT / "mkdocs.yml"))
    edition = build_edition(SOURCE, "https://s-2003-85.test/", ROOT)
    changed = []
    for lang, pages in edition.pages.items():
        for page in pages:
            converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
            if converter.convert(page.body).strip() != page.body.strip():
                changed.append(f"{lang} {page.url}")
    assert len(edition.pages["fr"]) > 100
    assert changed == [], f"Markdown would change these pages: write them as HTML only ({changed[:5]})"
