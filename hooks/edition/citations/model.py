"""The citation model: what every citable unit of the document is, as plain data, from which every
output is made (the cite box, BibTeX, RIS, CSL-JSON, the <head> metadata, the legal forms, the JSON
export). Pure functions over the walk, the document's identity, the edition's and the labels.

A reference is a passage of a document: S/2003/85, issued by the United Nations Security Council
on 24 January 2003, whose symbol is its number and whose official text is on undocs.org. The
passage is found by a locator: the components from the document down (the Plan is an enclosure to
the annex), then the pinpoint ("para. 16.3.2", "para. 16.4.2, third indent"). The locator is never
part of the title: the title is the cited component's own (the Plan's, the letter's).

The citable units, in document order: each component (the letter is the document itself), each part,
each provision; below them (for the cite box of an indent, a letter's paragraph, a Prague
decision, which have no page of their own) each indent of a provision, each paragraph and each
indent of a component's own text."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from edition.core import urls
from edition.core.langs import DEFAULT_LANG, LANGS
from edition.core.shape import Component
from edition.document.passages import Division, Walk
from edition.sources.edition import EditionIdentity
from edition.sources.identity import Identity

# Ordinals as a pinpoint below a paragraph writes them: "third indent", "troisième alinéa".
ORDINALS = {
    "en": ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
    + ("eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth")
    + ("eighteenth", "nineteenth", "twentieth"),
    "fr": ("premier", "deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième", "huitième")
    + ("neuvième", "dixième", "onzième", "douzième", "treizième", "quatorzième", "quinzième", "seizième")
    + ("dix-septième", "dix-huitième", "dix-neuvième", "vingtième"),
}
LANGUAGE_NAMES = {"fr": "french", "en": "english"}  # as BibTeX (biblatex) names languages


class CitationError(ValueError):
    """A citation field that would come out empty: names the unit and the field."""


@dataclass(frozen=True)
class Edition:
    """What a reference says of the edition it was read in."""

    name: str
    publisher: str
    version: str
    released: datetime.date


@dataclass(frozen=True)
class Reference:
    """One citable unit in one language: plain data, every output's single source."""

    key: str  # pinpoint key: "16.3.2", "letter", "preamble", "16.4.2-i3", "annex-p5"
    kind: str  # "component", "part", "provision", "indent", "paragraph"
    lang: str
    url: str  # its page, language-neutral ("plan/16-3-2/")
    anchor: str  # "" for a page; "p-16-4-2-i3" for a unit below one
    issuer: str  # the issuing body, in the page's language
    publisher: str  # "United Nations"
    genre: str  # "UN Doc." / "Doc. NU": what the symbol is
    symbol: str  # "S/2003/85": the document's number
    date: datetime.date  # of the document
    long_date: str  # "24 January 2003"
    official_url: str  # the official text (undocs.org), in this language
    component_title: str  # the cited component's title (the Plan's)
    title: str  # the title a reference gives: the component's, with the translation mark on a translation
    path: tuple[str, ...]  # the components from the document down: ("annex", "enclosure")
    pinpoint: str  # "para. 16.3.2", "Preamble", "para. 16.4.2, third indent"; "" for a whole component
    note: str  # what this text is ("Texte officiel (français)." / "English translation ...")
    edition: Edition
    original_title: str = ""  # a translation only: the component's title in the official French
    original_pinpoint: str = ""  # a translation only: the pinpoint as the French writes it
    slug: str = ""  # file names: "s-2003-85-16-3-2"
    # The same unit's locator in every language (the legal forms follow their rule's language).
    locators: tuple[tuple[str, tuple[str, ...]], ...] = ()
    issuers: tuple[tuple[str, str], ...] = ()  # the issuing body's name in every language

    @property
    def is_translation(self) -> bool:
        return self.lang != DEFAULT_LANG

    @property
    def locator(self) -> tuple[str, ...]:
        """Where the passage is in the document: its components, then its pinpoint."""
        return (*self.path, *([self.pinpoint] if self.pinpoint else ()))

    @property
    def number(self) -> str:
        """The symbol followed by the locator, as United Nations documents are cited: the one
        place the pinpoint travels in BibTeX, RIS and CSL-JSON (none of them has a locator for an
        item), outside the title, where no style changes its case."""
        return ", ".join((self.symbol, *self.locator))

    @property
    def citation(self) -> str:
        """The ready citation the cite box shows (United Nations style: issuer, title, symbol and
        locator, date), ended, with what the text is."""
        text = f"{self.issuer}, {self.component_title}, {self.number} ({self.long_date})."
        return f"{text} {self.note}" if self.note and self.is_translation else text

    @property
    def annotated(self) -> str:
        """What the downloads' note fields say: what the text is, and the edition it was read in."""
        return f"{self.note} {self.edition.name}, version {self.edition.version} ({self.edition.released.isoformat()})."

    def absolute_url(self, site_url: str) -> str:
        return urls.absolute(site_url, self.lang, self.url) + (f"#{self.anchor}" if self.anchor else "")


def edition_of(edition: EditionIdentity, lang: str) -> Edition:
    return Edition(edition.name[lang], edition.publisher[lang], edition.version, edition.released)


def component_path(identity: Identity, component: Component, labels: dict) -> tuple[str, ...]:
    """How a citation names where a component is: () for the document itself, ("annex",) for its
    annex, ("annex", "enclosure") for the annex's enclosure (each component's `cite` label)."""
    chain: list[str] = []
    while component.attached_to:
        chain.insert(0, labels[component.cite] if component.cite else component.block)
        component = identity.component(component.attached_to)
    return tuple(chain)


def ordinal(lang: str, position: str) -> str:
    index = int(position) - 1
    return ORDINALS[lang][index] if 0 <= index < len(ORDINALS[lang]) else f"{position}."


def references(
    reading: Walk, identity: Identity, edition: EditionIdentity, labels: dict, deep: bool = True
) -> list[Reference]:
    """Every citable unit of one language, in document order (see the module's docstring); with
    `deep`, the units below a page (indents, a component's paragraphs) after the pages'."""
    lang = reading.lang
    para, holder = labels["cite_para"], identity.holder
    common = {
        "lang": lang,
        "issuer": identity.organ[lang],
        "issuers": tuple(identity.organ.items()),
        "publisher": labels["cite_publisher_name"],
        "genre": labels["cite_genre"],
        "symbol": identity.symbol,
        "date": identity.date,
        "long_date": identity.long_date(lang),
        "official_url": identity.official_versions.get("un", {}).get(lang, ""),
        "note": labels["cite_language_note"],
        "edition": edition_of(edition, lang),
    }

    def make(key: str, kind: str, url: str, anchor: str, block: str, pinpoint: str) -> Reference:
        component = identity.component(block)
        title = reading.components[block].title
        return Reference(
            key=key,
            kind=kind,
            url=url,
            anchor=anchor,
            component_title=title,
            title=title,
            path=component_path(identity, component, labels),
            pinpoint=pinpoint,
            slug=f"{identity.slug}-" + key.replace(".", "-"),
            **common,
        )

    pages: list[Reference] = []
    below: list[Reference] = []
    for block, division in reading.components.items():
        component = identity.component(block)
        pages.append(make(block, "component", component.url, "", block, ""))
        below += own_units(division, component, lang, labels, make)
    base = holder.url
    for slug, part in reading.parts.items():
        pages.append(make(slug, "part", urls.part(slug, base), "", holder.block, part.title))
    for number, provision in reading.provisions.items():
        url = urls.provision(number, base)
        pages.append(make(number, "provision", url, "", holder.block, f"{para} {number}"))
        for passage in provision.passages:
            if passage.role == "item":
                pinpoint = f"{para} {number}, {ordinal(lang, passage.position)} {labels['indent']}"
                below.append(
                    make(f"{number}-i{passage.position}", "indent", url, passage.anchor, holder.block, pinpoint)
                )
    return pages + below if deep else pages


def own_units(division: Division, component: Component, lang: str, labels: dict, make) -> list[Reference]:
    """A component's own paragraphs and indents (a letter's paragraphs, the Prague decisions),
    each cited below its component: "para. 5", "third decision"."""
    out = []
    for passage in division.passages:
        if passage.role == "p":
            pinpoint = f"{labels['cite_para']} {passage.position}"
            out.append(make(passage.anchor, "paragraph", component.url, passage.anchor, component.block, pinpoint))
        elif passage.role == "item":
            pinpoint = f"{ordinal(lang, passage.position)} {labels['decision']}"
            out.append(make(passage.anchor, "indent", component.url, passage.anchor, component.block, pinpoint))
    return out


def marked(
    walks: dict[str, Walk], identity: Identity, edition: EditionIdentity, labels: dict[str, dict], deep: bool = True
) -> dict[str, list[Reference]]:
    """Every citable unit of every language, each saying what it is: the French is the official
    text; any other language is this edition's translation, and its title says so in brackets, so
    that every style keeps it (a note or a translator is dropped by some)."""
    out = {lang: references(walks[lang], identity, edition, labels[lang], deep) for lang in LANGS}
    originals = {(item.key, item.anchor): item for item in out[DEFAULT_LANG]}
    for lang, items in out.items():
        if lang == DEFAULT_LANG:
            continue
        mark = labels[lang]["cite_translation_mark"].format(edition=edition.publisher[lang], version=edition.version)
        out[lang] = [
            replace(
                item,
                title=f"{item.component_title} [{mark}]",
                original_title=originals[item.key, item.anchor].component_title,
                original_pinpoint=originals[item.key, item.anchor].pinpoint,
            )
            for item in items
        ]
    by_unit: dict[tuple[str, str], list[tuple[str, tuple[str, ...]]]] = {}
    for lang, items in out.items():
        for item in items:
            by_unit.setdefault((item.key, item.anchor), []).append((lang, item.locator))
    for lang, items in out.items():
        out[lang] = [replace(item, locators=tuple(by_unit[item.key, item.anchor])) for item in items]
        for item in out[lang]:
            check(item)
    return out


REQUIRED = ("key", "url", "issuer", "publisher", "genre", "symbol", "long_date", "component_title", "title", "note")


def check(item: Reference) -> None:
    """A field that would come out empty stops the build, naming the unit and the field."""
    for name in REQUIRED:
        if not str(getattr(item, name)).strip():
            raise CitationError(
                f"citation of {item.lang}/{item.url}{'#' + item.anchor if item.anchor else ''}: "
                f"field '{name}' is empty; fill it in the sources (document.yml, labels.yml)"
            )
    if item.kind != "component" and not item.pinpoint.strip():
        raise CitationError(f"citation of {item.lang}/{item.url}: its pinpoint is empty; give the part a heading")
