"""What a citable page shows of its citation, rendered by the templates of overrides/edition/: the
cite box's data (the ready citation, the legal forms, the downloads), the <head> metadata and the
pinpoint redirect. The reference itself, and every format, is edition.citations'."""

from __future__ import annotations

import json

from markupsafe import Markup

from edition.citations import legal, metadata
from edition.citations.model import Reference
from edition.pages.templates import render

DOWNLOADS = (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))


def cite_box(ref: Reference, url: str) -> dict:
    """What the cite box shows: permanent URL, ready citation, legal forms, downloads."""
    return {"item": ref, "url": url, "forms": legal.forms(ref), "downloads": DOWNLOADS}


def head_metadata(ref: Reference, site_url: str, description: str) -> Markup:
    """Highwire Press, Dublin Core and schema.org JSON-LD for one page."""
    meta, ld = metadata.head(ref, site_url, description)
    # JSON inside <script>: no "<" at all, so no text can close the element or open a comment.
    json_ld = Markup(json.dumps(ld, ensure_ascii=False).replace("<", "\\u003c"))
    return render("head.html", meta=meta, json_ld=json_ld)


def redirect_page(target: str, canonical: str, lang: str, title: str) -> str:
    """A pinpoint page: sends the reader to the provision (relative, so it works offline)."""
    return render("redirect.html", target=target, canonical=canonical, lang=lang, title=title) + "\n"
