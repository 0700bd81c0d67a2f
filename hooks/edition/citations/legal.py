"""The legal citation forms the cite box offers, each following its rule (documented on How to cite):

- OSCOLA (4th ed., United Nations documents): author, 'title' (date) UN Doc symbol, pinpoint; no
  full stops in abbreviations ("UNSC", "UN Doc", "para"), dates as "24 January 2003".
- The Bluebook (rule 21.7, United Nations sources): title, U.N. Doc. symbol, pinpoint (date):
  "U.N. Doc. S/2003/85, annex, encl., para. 16.3.2 (Jan. 24, 2003)".
- Guide McGill, French edition (documents des Nations Unies): organ, title, Doc NU symbol (date),
  pinpoint introduced by "au" ("au para 16.3.2"), no full stops in abbreviations.

OSCOLA and the Bluebook are English rules, so they give the locator in English whatever the page's
language; McGill's French form gives it in French. The title is always the page's own (an English
title carries the translation mark)."""

from __future__ import annotations

import re

from edition.citations.model import Reference
from edition.sources.identity import MONTHS

ORGAN_ABBREVIATIONS = {"United Nations Security Council": "UNSC"}  # OSCOLA's abbreviations of UN organs
BLUEBOOK_WORDS = {"enclosure": "encl."}  # Bluebook abbreviations (table T16) of the locator's words
PARA = re.compile(r"^(par|para)\. ")


def locator(ref: Reference, lang: str) -> tuple[str, ...]:
    return dict(ref.locators).get(lang, ref.locator)


def oscola(ref: Reference) -> str:
    en = "en"
    name = dict(ref.issuers).get(en, ref.issuer)
    issuer = ORGAN_ABBREVIATIONS.get(name, name)
    parts = [PARA.sub("para ", part) for part in locator(ref, en)]
    date = f"{ref.date.day} {MONTHS[en][ref.date.month - 1]} {ref.date.year}"
    where = ", ".join([f"UN Doc {ref.symbol}", *parts])
    return f"{issuer}, \u2018{ref.title}\u2019 ({date}) {where}"


def bluebook(ref: Reference) -> str:
    parts = [BLUEBOOK_WORDS.get(part, PARA.sub("para. ", part)) for part in locator(ref, "en")]
    month = MONTHS["en"][ref.date.month - 1]
    month = month if len(month) <= 4 else month[:3] + "."  # Bluebook T12: May, June, July in full
    where = ", ".join([f"U.N. Doc. {ref.symbol}", *parts])
    return f"{ref.title}, {where} ({month} {ref.date.day}, {ref.date.year})"


def mcgill_fr(ref: Reference) -> str:
    parts = [PARA.sub("au para ", part) for part in locator(ref, "fr")]
    day = "1er" if ref.date.day == 1 else str(ref.date.day)
    date = f"{day} {MONTHS['fr'][ref.date.month - 1]} {ref.date.year}"
    issuer = dict(ref.issuers).get("fr", ref.issuer)
    tail = ", ".join(parts)
    return f"{issuer}, {ref.title}, Doc NU {ref.symbol} ({date})" + (f", {tail}" if tail else "")


FORMS = (("oscola", "OSCOLA", oscola), ("bluebook", "Bluebook", bluebook), ("mcgill", "Guide McGill", mcgill_fr))


def forms(ref: Reference) -> list[tuple[str, str, str]]:
    """(id, rule's name, citation) of each legal form, in the cite box's order."""
    return [(ident, name, make(ref)) for ident, name, make in FORMS]
