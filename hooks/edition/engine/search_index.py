"""Make Material's single search index work for this text: one index per language, with the
permalink signs removed, a map of other-language synonyms, and the documents in a file of
their own that the search worker loads only when the reader searches."""

from __future__ import annotations

import re

from edition.core.langs import DEFAULT_LANG, LANGS
from edition.core.urls import lang_root

PERMALINK = re.compile(r"\s*¶")
TAGS = re.compile(r"<[^>]+>")
TITLE_BOOST = 2.0
PREFACE_WORDS = 8  # what may stand before a page's heading: a label ("Annexe"), nothing else
WORKER_TO_ROOT = "../../../"  # from assets/javascripts/workers/, where the worker lives


def language_of(location: str) -> str:
    head = location.split("/", 1)[0]
    return head if head in LANGS and head != DEFAULT_LANG else DEFAULT_LANG


def first_word(title: str) -> str:
    words = TAGS.sub(" ", title).split()
    return words[0].casefold() if words else ""


def text_first(docs: list[dict]) -> list[dict]:
    """Each page's first search document holds its text, not the page chrome before its heading.

    The breadcrumbs, which stand before a page's <h1>, are kept out of the index
    (data-search-exclude), which leaves an empty first document, or one holding only a label
    ("Annexe"): the "article", which Material ranks above the sections and shows first. The
    section of the <h1> joins it, so a result shows the provision's own words under its title."""
    out: list[dict] = []
    pages: set[str] = set()
    for doc in docs:
        path = doc["location"].split("#", 1)[0]
        if path not in pages:
            # static-i18n drops an English document equal to its French one (an empty preface
            # titled with a name both languages share): the first section becomes the article.
            pages.add(path)
            if doc["location"] != path:
                out.append({**doc, "location": path})
                continue
        previous = out[-1] if out else None
        if (
            previous is not None
            and "#" not in previous["location"]
            and doc["location"].startswith(previous["location"] + "#")
            and len(TAGS.sub(" ", previous.get("text", "")).split()) <= PREFACE_WORDS
            and first_word(previous["title"]) == first_word(doc["title"])  # the page's heading, not a section
            and not previous.get("merged")
        ):
            text = " ".join(t for t in (previous.get("text", "").strip(), doc.get("text", "")) if t)
            previous.update(title=doc["title"], text=text, merged=True)
            continue
        out.append(dict(doc))
    for doc in out:
        doc.pop("merged", None)
    return out


def split_index(index: dict, extra: dict[str, dict]) -> dict[str, tuple[dict, list[dict]]]:
    """Per language: the index Material fetches with every page (configuration only, with `extra`,
    what the edition's worker reads: other-language synonyms, what comes first) and the
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
        docs = text_first(docs)
        # Material hands the worker only config and docs: what the worker needs travels in config.
        config = {
            **index["config"],
            "lang": [lang],
            # Material weighs a word of the title 1000 times one of the text: a section whose
            # title has one of the words came before the provision whose text has them all.
            "fields": {**index["config"]["fields"], "title": {"boost": TITLE_BOOST}},
            **extra[lang],
            "documents": f"{WORKER_TO_ROOT}{prefix}search/documents.json",
        }
        out[lang] = ({"config": config, "docs": []}, docs)
    return out
