"""Make Material's single search index work for this text: one index per language, with the
permalink signs removed, a map of other-language synonyms, and the documents in a file of
their own that the search worker loads only when the reader searches."""

from __future__ import annotations

import re

from .model import DEFAULT_LANG, LANGS
from .urls import lang_root

PERMALINK = re.compile(r"\s*¶")
WORKER_TO_ROOT = "../../../"  # from assets/javascripts/workers/, where the worker lives


def language_of(location: str) -> str:
    head = location.split("/", 1)[0]
    return head if head in LANGS and head != DEFAULT_LANG else DEFAULT_LANG


def split_index(index: dict, synonyms: dict[str, dict[str, list[str]]]) -> dict[str, tuple[dict, list[dict]]]:
    """Per language: the index Material fetches with every page (configuration only) and the
    documents, with locations relative to that language's root."""
    out = {}
    for lang in LANGS:
        prefix = lang_root(lang)
        docs = []
        for doc in index["docs"]:
            if language_of(doc["location"]) != lang:
                continue
            doc = {**doc, "location": doc["location"].removeprefix(prefix)}
            doc["text"] = PERMALINK.sub("", doc.get("text", ""))
            docs.append(doc)
        # Material hands the worker only config and docs: what the worker needs travels in config.
        config = {
            **index["config"],
            "lang": [lang],
            "synonyms": synonyms[lang],
            "documents": f"{WORKER_TO_ROOT}{prefix}search/documents.json",
        }
        out[lang] = ({"config": config, "docs": []}, docs)
    return out
