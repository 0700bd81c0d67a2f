"""CSL-JSON (CSL 1.0.2): the reference as a `report` (Zotero's report; BibTeX @techreport; RIS RPRT),
whose `number` carries the symbol and the locator (model.Reference.number) and whose title is the
component's. The three files say the same thing: tests/test_citation_styles.py formats them.
No publisher: the issuing body is the author, and styles printed the United Nations twice
("Conseil de sécurité des Nations Unies, Nations Unies"); the same holds for RIS, BibTeX, Highwire
and Dublin Core. Only the JSON-LD, which describes the work rather than a reference, names it."""

from __future__ import annotations

from edition.citations.model import Reference


def item(ref: Reference, url: str) -> dict:
    entry = {
        "id": f"{ref.slug}-{ref.lang}",
        "type": "report",
        "title": ref.title,
        "author": [{"literal": ref.issuer}],
        "genre": ref.genre,
        "number": ref.number,
        "issued": {"date-parts": [[ref.date.year, ref.date.month, ref.date.day]]},
        "language": ref.lang,
        "URL": url,
        "note": ref.annotated,
    }
    # No original-title: styles print it title-cased ("Originally published as Plan d'action Du ...")
    # and RIS has no tag that Zotero or citation-js read back as it; the title's bracket says it.
    return entry


def csl_json(ref: Reference, url: str) -> list[dict]:
    return [item(ref, url)]
