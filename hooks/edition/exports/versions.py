"""Which versions of the document are official, for the exports' metadata (the JSON export):
the official language's text, which the edition reproduces word for word, and the translation
language's version published by the document's own publisher (the first of document.yml's
official_versions: the document itself), which the edition does not reproduce; the edition's own
text in that language is its translation. The statement is the one the pages show before the text
(labels.yml `versions_note`), as plain text."""

from __future__ import annotations

from markupsafe import Markup

from edition.core.langs import LANGS
from edition.sources.identity import Identity


def official_versions(identity: Identity, labels: dict[str, dict]) -> dict:
    document = next(iter(identity.official_versions.values()))
    official, translated = identity.official_lang, identity.translation_lang
    return {
        "official": [
            {"language": official, "url": document[official], "reproducedHere": True},
            {"language": translated, "url": document[translated], "reproducedHere": False},
        ],
        "thisEditionsText": {translated: {"official": False, "translationOf": official}},
        "statement": {lang: Markup(labels[lang]["versions_note"]).striptags() for lang in LANGS},
    }
