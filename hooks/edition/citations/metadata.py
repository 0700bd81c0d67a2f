"""The <head> metadata of a citable page, as data (the page's template writes it): Highwire Press
`citation_*` (Google Scholar, Zotero), Dublin Core and schema.org JSON-LD. Each says what the
CSL-JSON item says (tests/test_cite.py reads them back with extruct and compares field by field)."""

from __future__ import annotations

from edition.citations.model import Reference
from edition.core import urls
from edition.core.langs import DEFAULT_LANG, LANGS


def highwire(ref: Reference, url: str) -> list[tuple[str, str]]:
    slashed = ref.date.strftime("%Y/%m/%d")
    return [
        ("citation_title", ref.title),
        ("citation_author", ref.issuer),
        ("citation_publication_date", slashed),
        ("citation_date", slashed),
        ("citation_technical_report_number", ref.number),
        ("citation_language", ref.lang),
        ("citation_public_url", url),
    ]


def dublin_core(ref: Reference, url: str, original: str) -> list[tuple[str, str]]:
    return [
        ("DC.title", ref.title),
        ("DC.creator", ref.issuer),
        ("DC.identifier", ref.number),
        ("DC.date", ref.date.isoformat()),
        ("DC.language", ref.lang),
        ("DC.type", "Text"),
        ("DC.relation.isPartOf", ref.symbol),
        # A translation is derived from the official French page; the French is its own source.
        ("DC.source", original),
        ("DC.description", ref.note),
    ]


def json_ld(ref: Reference, site_url: str, description: str) -> dict:
    url = urls.absolute(site_url, ref.lang, ref.url)
    others = {lang: urls.absolute(site_url, lang, ref.url) for lang in LANGS}
    date = ref.date.isoformat()
    relation = "workTranslation" if ref.lang == DEFAULT_LANG else "translationOfWork"
    ld = {
        "@context": "https://schema.org",
        "@type": "Report",
        "@id": url,
        "url": url,
        "name": ref.title,
        "author": {"@type": "Organization", "name": ref.issuer},
        "publisher": {"@type": "Organization", "name": ref.publisher},
        "reportNumber": ref.number,
        "identifier": ref.number,
        "inLanguage": ref.lang,
        "description": description,
        "datePublished": date,
        "version": ref.edition.version,
        "sdPublisher": {"@type": "Organization", "name": ref.edition.publisher},
        "isPartOf": {
            "@type": "Report",
            "name": ref.symbol,
            "identifier": ref.symbol,
            "reportNumber": ref.symbol,
            "datePublished": date,
            "url": ref.official_url,
            "publisher": {"@type": "Organization", "name": ref.publisher},
        },
        relation: [
            {"@type": "CreativeWork", "@id": others[lang], "url": others[lang]} for lang in LANGS if lang != ref.lang
        ],
        "creditText": ref.note,
    }
    if ref.is_translation:
        original = others[DEFAULT_LANG]
        name = ", ".join(filter(None, (ref.original_title, ref.original_pinpoint)))
        about = {"name": name, "inLanguage": DEFAULT_LANG}
        ld[relation] = [{"@type": "CreativeWork", "@id": original, "url": original, **about}]
        ld["isBasedOn"] = original
        ld["translator"] = {"@type": "Organization", "name": ref.edition.publisher}
    return ld


def head(ref: Reference, site_url: str, description: str) -> tuple[list[tuple[str, str]], dict]:
    """(name, content) of every <meta>, and the JSON-LD object, of one page."""
    url = urls.absolute(site_url, ref.lang, ref.url)
    original = urls.absolute(site_url, DEFAULT_LANG, ref.url)
    return highwire(ref, url) + dublin_core(ref, url, original), json_ld(ref, site_url, description)
