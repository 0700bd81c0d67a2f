"""BibTeX (biblatex fields, which Zotero and citation-js read): @techreport, the issuing body as a
corporate author (double braces: one name, never split), the title braced whole so that no style
changes its case, the symbol and locator in `number` (model.Reference.number), the day in `date`."""

from __future__ import annotations

from edition.citations.model import LANGUAGE_NAMES, Reference
from edition.core.langs import DEFAULT_LANG


def braced(text: str) -> str:
    return "{" + text.replace("{", "").replace("}", "") + "}"


def bibtex(ref: Reference, url: str) -> str:
    fields = {
        "author": "{" + braced(ref.issuer) + "}",
        "title": "{" + braced(ref.title) + "}",
        "type": braced(ref.genre),
        "number": braced(ref.number),
        "date": braced(ref.date.isoformat()),
        "year": braced(str(ref.date.year)),
        "language": braced(LANGUAGE_NAMES[ref.lang]),
        "url": braced(url),
        "note": braced(ref.annotated),
    }
    if ref.is_translation:  # biblatex: translated from; read by no style, so no origtitle (see csl.py)
        fields["origlanguage"] = braced(LANGUAGE_NAMES[DEFAULT_LANG])
    body = ",\n".join(f"  {key} = {value}" for key, value in fields.items())
    return f"@techreport{{{ref.slug}-{ref.lang},\n{body}\n}}\n"
