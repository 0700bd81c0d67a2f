"""Pinpoints below the page: what the cite box's scripts read (docs/assets/javascripts/
language-switch.js: the cite box and select to cite) to cite an indent of a provision ("para. 16.4.2, third
indent"), a paragraph of a letter ("para. 5") or a Prague decision, and those units' downloads.
Every citation is the citation model's (edition.citations: the units below a page, whose
`anchor` is set). The data is a JSON element, not a script that runs; without JavaScript, the cite
box shows the page's citation, which stays correct."""

from __future__ import annotations

import json

from markupsafe import Markup

from edition.citations import bibtex, csl, legal, ris
from edition.citations.model import Reference
from edition.core import urls

REDIRECT_SCRIPT = "assets/javascripts/pinpoint-redirect.js"  # keeps a short address's fragment
FORMATS = ("bib", "ris", "json")  # a unit's downloads, as the page's (pages/cite.DOWNLOADS)
LABELS = ("cite_box", "cite_text", "cite_url", "cite_selection_link", "cite_selection_key", "copy", "close")


def passage_files(citables: dict[str, list[Reference]], site_url: str) -> dict[str, bytes]:
    """The downloads of every unit below a page, beside its page's ("s-2003-85-16-4-2-i3.bib"),
    each naming the unit's own address (the page's, with the unit's anchor)."""
    files = {}
    for lang, items in citables.items():
        root = urls.lang_root(lang)
        for item in items:
            if not item.anchor:
                continue
            address, folder = item.absolute_url(site_url), f"{root}{item.url}"
            files[f"{folder}{item.slug}.bib"] = bibtex.bibtex(item, address).encode()
            files[f"{folder}{item.slug}.ris"] = ris.ris(item, address).encode()
            data = json.dumps(csl.csl_json(item, address), ensure_ascii=False, indent=2)
            files[f"{folder}{item.slug}.json"] = data.encode()
    return files


def entry(item: Reference, site_url: str) -> dict:
    """What the cite box shows of one reference: its address, its citation, its legal forms (by
    the id of their element in the box) and its downloads (file names beside the page)."""
    return {
        "url": item.absolute_url(site_url),
        "citation": item.citation,
        "forms": {ident: text for ident, _name, text in legal.forms(item)},
        "files": {ext: f"{item.slug}.{ext}" for ext in FORMATS},
    }


def page_data(item: Reference, units: list[Reference], site_url: str, labels: dict) -> Markup:
    """The text of the page's <script type="application/json" id="cite-pinpoints">: the page's
    citation, each unit's below it (by anchor), and the words of the controls."""
    data = {
        "lang": item.lang,
        "page": entry(item, site_url),
        "units": {unit.anchor: entry(unit, site_url) for unit in units},
        "labels": {key: str(labels[key]) for key in LABELS},
    }
    # No "<" at all: no text can close the element or open a comment (as pages/cite.head_metadata).
    return Markup(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))
