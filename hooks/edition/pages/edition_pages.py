"""The edition's own identity (source/edition.yml, sources.edition) where readers see it: the
footer of every page (the theme's copyright partial reads `footer_data`), the block the About
page shows in place of its marker, and the Versions page, which lists what changed in the
translation and apparatus in each version, so that a citation of "version 1.1" can be checked.
Everything here is plain text for autoescaped templates."""

from __future__ import annotations

import datetime

from markupsafe import Markup

from edition.core import urls
from edition.core.langs import FIRST_OF_MONTH, LANGS, MONTHS
from edition.pages.render import Context, Page
from edition.pages.templates import macros
from edition.sources.edition import EditionIdentity


def long_date(date: datetime.date, lang: str) -> str:
    """ "4 décembre 2026", "4 December 2026" (as a citation writes the document's date)."""
    day = FIRST_OF_MONTH[lang] if date.day == 1 else str(date.day)
    return f"{day} {MONTHS[lang][date.month - 1]} {date.year}"


def contact_url(edition: EditionIdentity) -> str:
    """The language-neutral page and anchor where corrections go ("about/#corrections")."""
    return f"{edition.contact_page}#{edition.contact_anchor}"


def footer_data(edition: EditionIdentity, labels: dict[str, dict]) -> dict[str, dict[str, str]]:
    """Language -> what the footer shows, as plain text (the theme's partial escapes each value)
    and URLs relative to the language's root (`root`, which the partial puts after base_url)."""
    return {
        lang: {
            "root": urls.lang_root(lang),
            "name": edition.name[lang],
            "version_label": labels[lang]["edition_version"],
            "version": edition.version,
            "released_label": labels[lang]["edition_released"],
            "released": long_date(edition.released, lang),
            "licence_label": labels[lang]["edition_licence"],
            "licence": edition.licence_name,
            "licence_url": edition.licence_url,
            "versions_label": labels[lang]["versions"],
            "versions_url": urls.VERSIONS,
            "corrections_label": labels[lang]["edition_corrections"],
            "corrections_url": contact_url(edition),
        }
        for lang in LANGS
    }


def edition_line(edition: EditionIdentity, labels: dict, lang: str) -> str:
    """ "S/2003/85: a bilingual reference edition, version 1.0 (released 4 December 2026)": what
    the PDF's title page and metadata say of the edition."""
    released = f"{labels['edition_released']} {long_date(edition.released, lang)}"
    return f"{edition.name[lang]}, {labels['edition_version']} {edition.version} ({released})"


def about_block(edition: EditionIdentity, labels: dict, lang: str, page_url: str = urls.ABOUT) -> Markup:
    """The edition's identity for the About page (`<!-- output: edition -->`, site/outputs.py):
    publisher, version and date, licence, the Versions page."""
    versions = urls.relative(page_url, urls.VERSIONS)
    return macros("identity.html").identity(labels, lang, edition, long_date(edition.released, lang), versions)


def versions_page(ctx: Context, edition: EditionIdentity) -> Page:
    """The Versions page of one language: every version, newest first, and what changed in it."""
    lang = ctx.lang
    versions = [
        (version.version, long_date(version.released, lang), version.released.isoformat(), version.changes[lang])
        for version in edition.versions
    ]
    meta = {"description": ctx.labels["versions_intro"]}
    return ctx.page(
        urls.VERSIONS,
        ctx.labels["versions"],
        "versions.html",
        meta,
        edition=edition,
        released=long_date(edition.released, lang),
        versions=versions,
        about=urls.relative(urls.VERSIONS, urls.ABOUT),
        corrections=urls.relative(urls.VERSIONS, edition.contact_page) + "#" + edition.contact_anchor,
    )
