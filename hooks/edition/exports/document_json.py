"""The JSON export: the whole document as one JSON object, every provision in both languages with
its addresses and the entities it mentions, each language saying what it is."""

from __future__ import annotations

from edition.citations.model import Reference
from edition.core import urls
from edition.core.langs import DEFAULT_LANG, LANGS
from edition.document.passages import Walk
from edition.sources.edition import EditionIdentity
from edition.sources.identity import Identity


def export(
    walks: dict[str, Walk],
    identity: Identity,
    site_url: str,
    mentions: dict[str, dict[str, list[str]]],
    notes: dict[str, str] | None = None,
    references: dict[str, list[Reference]] | None = None,
    edition: EditionIdentity | None = None,
) -> dict:
    """The whole document as one JSON object: every provision in both languages, each language
    saying what it is (`notes`: lang -> "Texte officiel (français)." ...)."""
    holder = identity.holder
    provisions = {lang: walks[lang].provisions for lang in LANGS}
    parts = {lang: list(walks[lang].parts.values()) for lang in LANGS}
    titles = {lang: walks[lang].components[holder.block].title for lang in LANGS}
    held = walks[DEFAULT_LANG].held  # a part's provisions

    def texts(number: str) -> dict[str, list[dict]]:
        return {
            lang: [
                {"anchor": text.anchor, "kind": text.role, "text": text.text}
                for text in provisions[lang][number].texts()
            ]
            for lang in LANGS
        }

    cited = {(item.key, item.anchor, lang): item for lang, items in (references or {}).items() for item in items}

    def citation(key: str, anchor: str = "") -> dict[str, str]:
        return {lang: cited[key, anchor, lang].citation for lang in LANGS if (key, anchor, lang) in cited}

    out = []
    for number, provision in provisions[DEFAULT_LANG].items():
        url = urls.provision(number, holder.url)
        out.append(
            {
                "id": number.replace(".", "-"),
                "number": number,
                "part": provision.part,
                "parent": provision.parent,
                "heading": {lang: provisions[lang][number].title for lang in LANGS},
                "text": texts(number),
                "urls": {lang: urls.absolute(site_url, lang, url) for lang in LANGS},
                "pinpoint": {lang: urls.absolute(site_url, lang, urls.pinpoint(number)) for lang in LANGS},
                "entities": mentions.get(number, {}),
                "citation": citation(number),
                "units": [
                    {"anchor": text.anchor, "citation": citation(f"{number}-i{text.position}", text.anchor)}
                    for text in provision.texts()
                    if text.role == "item"
                ],
            }
        )
    return {
        "symbol": identity.symbol,
        "date": identity.date_iso,
        "languages": {"fr": "official text", "en": "translation prepared for this edition"},
        "translation": {
            lang: {"translationOf": DEFAULT_LANG, "note": (notes or {}).get(lang, "")}
            for lang in LANGS
            if lang != DEFAULT_LANG
        },
        "notes": notes or {},
        "title": titles,
        "edition": edition
        and {
            "name": edition.name,
            "publisher": edition.publisher,
            "version": edition.version,
            "released": edition.released.isoformat(),
            "licence": {"name": edition.licence_name, "url": edition.licence_url},
        },
        "officialVersions": identity.official_versions,
        "parts": [
            {
                "slug": part.key,
                "title": {lang: parts[lang][index].title for lang in LANGS},
                "provisions": [provision.number for provision in held[part.key]],
            }
            for index, part in enumerate(parts[DEFAULT_LANG])
        ],
        "provisions": out,
    }
