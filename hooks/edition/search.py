"""Make Material's single search index work for this text: one index per language, with the
permalink signs removed and a map of other-language synonyms (read by the search worker)."""

from __future__ import annotations

import re

from .model import DEFAULT_LANG, LANGS

PERMALINK = re.compile(r"\s*¶")


def language_of(location: str) -> str:
    head = location.split("/", 1)[0]
    return head if head in LANGS and head != DEFAULT_LANG else DEFAULT_LANG


def split_index(index: dict, synonyms: dict[str, dict[str, list[str]]]) -> dict[str, dict]:
    """One index per language, locations relative to that language's root."""
    out = {}
    for lang in LANGS:
        prefix = "" if lang == DEFAULT_LANG else f"{lang}/"
        docs = []
        for doc in index["docs"]:
            if language_of(doc["location"]) != lang:
                continue
            doc = {**doc, "location": doc["location"].removeprefix(prefix)}
            doc["text"] = PERMALINK.sub("", doc.get("text", ""))
            docs.append(doc)
        # Material hands the worker only config and docs: the synonyms travel in config.
        config = {**index["config"], "lang": [lang], "synonyms": synonyms[lang]}
        out[lang] = {"config": config, "docs": docs}
    return out
