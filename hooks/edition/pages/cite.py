"""What citation needs: for each citable page (letter, annex, Plan, part, provision), its short
pinpoint, a ready citation in United Nations style, BibTeX, RIS, CSL-JSON and the <head>
metadata that citation managers and search engines read. Pure functions over the model."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from markupsafe import Markup

from edition.core import urls
from edition.core.langs import DEFAULT_LANG, LANGS
from edition.core.shape import Component
from edition.document.passages import Walk
from edition.pages.templates import render
from edition.sources.identity import Identity

LANGUAGE_NAMES = {"fr": "french", "en": "english"}


@dataclass(frozen=True)
class Citable:
    """A page a reader may cite, in one language."""

    key: str  # pinpoint key: "16.3.2", "letter", "preamble"
    url: str  # language-neutral page URL
    lang: str
    title: str  # what is cited: "Partnership Action Plan against Terrorism, para. 16.3.2"
    citation: str  # the whole ready citation, as the cite box shows it
    identity: Identity  # the document's (source/document.yml)
    note: str = ""  # what this text is: "Texte officiel (français)." or "English translation prepared ..."
    original_title: str = ""  # a translation only: the title of the same passage in the official French

    @property
    def slug(self) -> str:
        return f"{self.identity.slug}-" + self.key.replace(".", "-")

    @property
    def is_translation(self) -> bool:
        return bool(self.original_title)

    @property
    def annotated(self) -> str:
        """The citation with what the text is, for the downloads' note fields."""
        if not self.note or self.citation.endswith(self.note):
            return self.citation
        return f"{self.citation.removesuffix('.')}. {self.note}"


def citables(reading: Walk, identity: Identity, labels: dict) -> list[Citable]:
    """Every citable page of one language: its components, then its parts, then its provisions,
    each in document order."""
    lang, date, holder = reading.lang, identity.long_date(reading.lang), identity.holder

    def make(key: str, url: str, title: str, of: str) -> Citable:
        return Citable(key, url, lang, title, f"{title}, {of} ({date})", identity)

    def cited_as(component: Component) -> str:
        return labels[component.cite] if component.cite else identity.symbol

    components = {block: identity.component(block) for block in reading.components}
    out = [make(block, c.url, reading.components[block].title, cited_as(c)) for block, c in components.items()]
    title, of, base = reading.components[holder.block].title, cited_as(holder), holder.url
    out += [make(slug, urls.part(slug, base), f"{title}, {part.title}", of) for slug, part in reading.parts.items()]
    out += [make(n, urls.provision(n, base), f"{title}, {labels['cite_para']} {n}", of) for n in reading.provisions]
    return out


def marked(walks: dict[str, Walk], identity: Identity, labels: dict[str, dict]) -> dict[str, list[Citable]]:
    """Every citable page of every language, each saying what it is: the French is the official
    text; any other language is this edition's translation, and its citation says so."""
    out = {lang: citables(walks[lang], identity, labels[lang]) for lang in LANGS}
    originals = {item.key: item for item in out[DEFAULT_LANG]}
    for lang, items in out.items():
        note = labels[lang]["cite_language_note"]
        if lang == DEFAULT_LANG:  # a sentence, ended as the translation's is
            out[lang] = [replace(item, note=note, citation=f"{item.citation}.") for item in items]
        else:
            out[lang] = [
                replace(
                    item,
                    note=note,
                    citation=f"{item.citation}. {note}",
                    original_title=originals[item.key].title,
                )
                for item in items
            ]
    return out


def pinpointed(item: Citable, key: str, locator: str, original_locator: str = "") -> Citable:
    """The same reference narrowed to a passage of its page (an indent, a letter's paragraph):
    `locator` ("third indent", "para. 5") follows what the page cites; `original_locator`, the
    French one, follows the official title of a translation's passage (pages/pinpoints.py)."""
    title = f"{item.title}, {locator}"
    original = f"{item.original_title}, {original_locator or locator}" if item.original_title else ""
    citation = item.citation.replace(item.title, title, 1)
    return replace(item, key=key, title=title, citation=citation, original_title=original)


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
        "language": braced(LANGUAGE_NAMES[item.lang]),
        "url": braced(url),
        "note": braced(item.annotated),
    }
    if item.is_translation:  # biblatex's fields for a translated work
        fields["origlanguage"] = braced(LANGUAGE_NAMES[DEFAULT_LANG])
        fields["origtitle"] = braced(item.original_title)
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
        ("N1", item.annotated),
    ]
    if item.is_translation:
        lines.append(("OP", item.original_title))  # RIS: original publication
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\n" for tag, value in lines)


def csl(item: Citable, url: str) -> list[dict]:
    entry = {
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
        "note": item.annotated,
    }
    if item.is_translation:
        entry |= {"original-title": item.original_title, "original-publisher": item.identity.publisher}
    return [entry]


def head_metadata(item: Citable, site_url: str, description: str) -> Markup:
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
        # A translation is derived from the official French page; the French is its own source.
        ("DC.source", others[DEFAULT_LANG] if item.is_translation else url),
    ]
    if item.note:
        meta.append(("DC.description", item.note))
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
    if item.note:
        ld["creditText"] = item.note
    if item.is_translation:
        original = others[DEFAULT_LANG]
        about = {"name": item.original_title, "inLanguage": DEFAULT_LANG}
        ld[relation] = [{"@type": "CreativeWork", "@id": original, "url": original, **about}]
        ld["isBasedOn"] = original
    # JSON inside <script>: no "<" at all, so no text can close the element or open a comment.
    json_ld = Markup(json.dumps(ld, ensure_ascii=False).replace("<", "\\u003c"))
    return render("head.html", meta=meta, json_ld=json_ld)


def redirect_page(target: str, canonical: str, lang: str, title: str, script: str = "") -> str:
    """A pinpoint page: sends the reader to the provision (relative, so it works offline);
    `script`: the relative path of the script that keeps the fragment."""
    return render("redirect.html", target=target, canonical=canonical, lang=lang, title=title, script=script) + "\n"


def export(
    walks: dict[str, Walk],
    identity: Identity,
    site_url: str,
    mentions: dict[str, dict[str, list[str]]],
    notes: dict[str, str] | None = None,
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
