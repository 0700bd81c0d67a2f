"""Pinpoints below the page: the citation of each indent of a provision ("para. 16.4.2, third
indent") and of each paragraph and decision of a letter ("para. 5"), made from the page's own
citation (cite.pinpointed), with their downloads; and the data the cite box's script reads
(docs/assets/javascripts/cite-pinpoint.js and select-to-cite.js): a JSON element, not a script
that runs. Without JavaScript, the cite box shows the page's citation, which stays correct.
Pure functions over the walk and the citations."""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from edition.core import urls
from edition.core.langs import DEFAULT_LANG, LANGS
from edition.document.passages import Division, Passage, Walk
from edition.pages import cite
from edition.sources.identity import Identity

REDIRECT_SCRIPT = "assets/javascripts/pinpoint-redirect.js"  # keeps a short address's fragment
FORMATS = ("bib", "ris", "json")  # the downloads of a passage, as the page's (render.DOWNLOADS)
LABELS = ("cite_box", "cite_text", "cite_url", "cite_selection_link", "cite_selection_key", "copy", "close")


@dataclass(frozen=True)
class Pinpoint:
    anchor: str  # the passage's anchor on its page ("p-16-4-2-i3", "annex-p5")
    item: cite.Citable  # its citation, narrowed to the passage


def ordinal(position: int, labels: dict) -> str:
    """ "third", "troisième"; past the labelled ones, the number ("16th" is not needed yet)."""
    words = [word.strip() for word in labels["cite_ordinals"].split(",")]
    return words[position - 1] if 0 < position <= len(words) else str(position)


def locator(division: Division, passage: Passage, labels: dict) -> str:
    """Where the passage is within what its page cites; "" when the page's citation says it all
    (a provision's paragraph)."""
    position = int(passage.position)
    if division.kind == "provision":
        return f"{ordinal(position, labels)} {labels['indent']}" if passage.role == "item" else ""
    if passage.role == "item":  # a letter's list: the Prague decisions
        return f"{labels['decision']} {position}"
    return f"{labels['cite_para']} {position}"


def cited_divisions(reading: Walk, identity: Identity) -> dict[str, Division]:
    """Page URL -> the division whose text the page shows: the letters and every provision."""
    out = {identity.component(block).url: division for block, division in reading.components.items()}
    holder = identity.holder.url
    return out | {urls.provision(number, holder): division for number, division in reading.provisions.items()}


def pinpoints(
    citables: dict[str, list[cite.Citable]], walks: dict[str, Walk], identity: Identity, labels: dict[str, dict]
) -> dict[str, dict[str, list[Pinpoint]]]:
    """Language -> page URL -> the pinpoints of its passages that have a locator, in reading order."""
    out: dict[str, dict[str, list[Pinpoint]]] = {}
    french = cited_divisions(walks[DEFAULT_LANG], identity)
    for lang in LANGS:
        pages = out.setdefault(lang, {})
        for url, division in cited_divisions(walks[lang], identity).items():
            item = next((i for i in citables[lang] if i.url == url), None)
            if item is None:
                continue
            official = dict(zip((p.anchor for p in french[url].texts()), french[url].texts(), strict=True))
            for passage in division.texts():
                where = locator(division, passage, labels[lang])
                if not where:
                    continue
                key = f"{item.key}-{passage.anchor.rpartition('-')[2]}"  # "16.4.2-i3", "annex-p5"
                original = locator(french[url], official[passage.anchor], labels[DEFAULT_LANG])
                pages.setdefault(url, []).append(Pinpoint(passage.anchor, cite.pinpointed(item, key, where, original)))
    return out


def pinpoint_files(found: dict[str, dict[str, list[Pinpoint]]], site_url: str) -> dict[str, bytes]:
    """The downloads of every passage, beside its page's ("s-2003-85-16-4-2-i3.bib")."""
    files = {}
    for lang, pages in found.items():
        root = urls.lang_root(lang)
        for url, points in pages.items():
            for point in points:
                item, address = point.item, urls.absolute(site_url, lang, url) + "#" + point.anchor
                files[f"{root}{url}{item.slug}.bib"] = cite.bibtex(item, address).encode()
                files[f"{root}{url}{item.slug}.ris"] = cite.ris(item, address).encode()
                csl = json.dumps(cite.csl(item, address), ensure_ascii=False, indent=2)
                files[f"{root}{url}{item.slug}.json"] = csl.encode()
    return files


def page_data(item: cite.Citable, points: list[Pinpoint], site_url: str, labels: dict) -> Markup:
    """What the cite box's scripts read, as the text of a <script type="application/json">:
    the page's citation, each passage's, and the words of the controls."""
    page_url = urls.absolute(site_url, item.lang, item.url)

    def entry(cited: cite.Citable, address: str) -> dict:
        return {"url": address, "citation": cited.citation, "files": {ext: f"{cited.slug}.{ext}" for ext in FORMATS}}

    data = {
        "lang": item.lang,
        "page": entry(item, page_url),
        "units": {point.anchor: entry(point.item, f"{page_url}#{point.anchor}") for point in points},
        "labels": {key: str(labels[key]) for key in LABELS},
    }
    # No "<" at all: no text can close the element or open a comment (as cite.head_metadata).
    return Markup(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))
