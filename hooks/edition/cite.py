"""What citation needs: for each citable page (letter, annex, Plan, part, provision), its short
pinpoint, a ready citation in United Nations style, BibTeX, RIS, CSL-JSON and the <head>
metadata that citation managers and search engines read. Pure functions over the model."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from . import urls
from .identity import Identity
from .model import DEFAULT_LANG, LANGS, Document


@dataclass(frozen=True)
class Citable:
    """A page a reader may cite, in one language."""

    key: str  # pinpoint key: "16.3.2", "letter", "preamble"
    url: str  # language-neutral page URL
    lang: str
    title: str  # what is cited: "Partnership Action Plan against Terrorism, para. 16.3.2"
    citation: str  # the whole ready citation
    identity: Identity  # the document's (source/document.yml)

    @property
    def slug(self) -> str:
        return f"{self.identity.slug}-" + self.key.replace(".", "-")


def citables(doc: Document, labels: dict) -> list[Citable]:
    """Every citable page of one language, in document order."""
    lang, plan, identity = doc.lang, doc.plan.title, doc.identity
    date = labels["cite_date"]

    def make(key: str, url: str, title: str, of: str) -> Citable:
        return Citable(key, url, lang, title, f"{title}, {of} ({date})", identity)

    out = [
        Citable(
            "letter", urls.LETTER, lang, doc.letter.title, f"{doc.letter.title}, {identity.symbol} ({date})", identity
        ),
        make("annex", urls.ANNEX, doc.annex.title, labels["cite_annex"]),
        make("plan", urls.PLAN, plan, labels["cite_enclosure"]),
    ]
    out += [make(p.slug, urls.part(p.slug), f"{plan}, {p.title}", labels["cite_enclosure"]) for p in doc.parts]
    out += [
        make(n, urls.provision(n), f"{plan}, {labels['cite_para']} {n}", labels["cite_enclosure"])
        for n in doc.provisions
    ]
    return out


def bibtex(item: Citable, url: str) -> str:
    def braced(text: str) -> str:
        return "{" + text.replace("{", "").replace("}", "") + "}"

    identity = item.identity
    fields = {
        "title": braced(item.title),
        "institution": braced(identity.author),
        "type": braced(identity.genre),
        "number": braced(identity.symbol),
        "year": braced(str(identity.date.year)),
        "month": identity.date.strftime("%b").lower(),
        "date": braced(identity.date_iso),
        "language": braced({"fr": "french", "en": "english"}[item.lang]),
        "url": braced(url),
        "note": braced(item.citation),
    }
    body = ",\n".join(f"  {key} = {value}" for key, value in fields.items())
    return f"@techreport{{{item.slug}-{item.lang},\n{body}\n}}\n"


def ris(item: Citable, url: str) -> str:
    identity = item.identity
    lines = [
        ("TY", "RPRT"),
        ("TI", item.title),
        ("AU", identity.author),
        ("PB", identity.publisher),
        ("PY", str(identity.date.year)),
        ("DA", "/".join(f"{n:02d}" for n in identity.date_parts)),
        ("M1", identity.symbol),
        ("LA", item.lang),
        ("UR", url),
        ("N1", item.citation),
        ("ER", ""),
    ]
    return "".join(f"{tag}  - {value}\n" for tag, value in lines)


def csl(item: Citable, url: str) -> list[dict]:
    return [
        {
            "id": f"{item.slug}-{item.lang}",
            "type": "report",
            "title": item.title,
            "author": [{"literal": item.identity.author}],
            "publisher": item.identity.publisher,
            "genre": item.identity.genre,
            "number": item.identity.symbol,
            "issued": {"date-parts": [list(item.identity.date_parts)]},
            "language": item.lang,
            "URL": url,
            "note": item.citation,
        }
    ]


def head_metadata(item: Citable, site_url: str, description: str) -> str:
    """Highwire Press, Dublin Core and schema.org JSON-LD for one page."""
    url = urls.absolute(site_url, item.lang, item.url)
    others = {lang: urls.absolute(site_url, lang, item.url) for lang in LANGS}
    identity = item.identity
    symbol, date_iso = identity.symbol, identity.date_iso
    slashed = identity.date.strftime("%Y/%m/%d")
    meta = [
        ("citation_title", item.title),
        ("citation_publication_date", slashed),
        ("citation_date", slashed),
        ("citation_technical_report_institution", identity.author),
        ("citation_technical_report_number", symbol),
        ("citation_language", item.lang),
        ("citation_public_url", url),
        ("DC.title", item.title),
        ("DC.identifier", f"{symbol} {item.key}" if item.key[0].isdigit() else symbol),
        ("DC.date", date_iso),
        ("DC.language", item.lang),
        ("DC.publisher", identity.author),
        ("DC.type", "Text"),
        ("DC.relation.isPartOf", symbol),
        ("DC.source", url),
    ]
    tags = ['<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">']
    tags += [f'<meta name="{name}" content="{html.escape(value)}">' for name, value in meta]
    # No <link rel="alternate" hreflang> here: Material's script fetches a sitemap.xml beside
    # each one, a request to another host. sitemap.xml declares every page's languages.
    relation = "workTranslation" if item.lang == DEFAULT_LANG else "translationOfWork"
    translated = [others[lang] for lang in LANGS if lang != item.lang]
    ld = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": url,
        "url": url,
        "name": item.title,
        "identifier": f"{symbol}, {item.key}",
        "inLanguage": item.lang,
        "description": description,
        "datePublished": date_iso,
        "isPartOf": {
            "@type": "Report",
            "name": symbol,
            "identifier": symbol,
            "datePublished": date_iso,
            "publisher": {"@type": "Organization", "name": identity.author},
        },
        relation: [{"@type": "CreativeWork", "@id": other, "url": other} for other in translated],
    }
    script = json.dumps(ld, ensure_ascii=False).replace("</", "<\\/")
    tags.append(f'<script type="application/ld+json">{script}</script>')
    return "\n".join(tags)


def redirect_page(target: str, canonical: str, lang: str, title: str) -> str:
    """A pinpoint page: sends the reader to the provision (relative, so it works offline)."""
    target = html.escape(target)
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        f'<link rel="icon" href="data:,">'  # no request for /favicon.ico
        f'<link rel="canonical" href="{html.escape(canonical)}">'
        f'<meta http-equiv="refresh" content="0; url={target}">'
        f'<meta name="robots" content="noindex"></head>'
        f'<body><p><a href="{target}">{html.escape(title)}</a></p></body></html>\n'
    )


def export(docs: dict[str, Document], site_url: str, mentions: dict[str, dict[str, list[str]]]) -> dict:
    """The whole document as one JSON object: every provision in both languages."""
    first = docs[DEFAULT_LANG]
    identity = first.identity

    def texts(number: str) -> dict[str, list[dict]]:
        return {
            lang: [{"anchor": u.anchor, "kind": u.kind, "text": u.text} for u in docs[lang].provisions[number].units]
            for lang in LANGS
        }

    provisions = []
    for number, provision in first.provisions.items():
        url = urls.provision(number)
        provisions.append(
            {
                "id": provision.slug,
                "number": number,
                "part": provision.part,
                "parent": provision.parent,
                "heading": {lang: docs[lang].provisions[number].title for lang in LANGS},
                "text": texts(number),
                "urls": {lang: urls.absolute(site_url, lang, url) for lang in LANGS},
                "pinpoint": {lang: urls.absolute(site_url, lang, urls.pinpoint(number)) for lang in LANGS},
                "entities": mentions.get(number, {}),
            }
        )
    return {
        "symbol": identity.symbol,
        "date": identity.date_iso,
        "languages": {"fr": "official text", "en": "translation prepared for this edition"},
        "title": {lang: docs[lang].plan.title for lang in LANGS},
        "parts": [
            {"slug": p.slug, "title": {lang: docs[lang].parts[i].title for lang in LANGS}, "provisions": p.provisions}
            for i, p in enumerate(first.parts)
        ],
        "provisions": provisions,
    }
