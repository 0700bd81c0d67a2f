"""The document's identity (source/document.yml), read through its schema; bad input: test_yaml_inputs.py."""

from __future__ import annotations

import datetime
from pathlib import Path

from edition.sources.identity import parse_identity

SOURCE = Path(__file__).resolve().parent.parent / "source"
TEXT = (SOURCE / "document.yml").read_text(encoding="utf-8")
PATH = "source/document.yml"


def test_the_identity_is_read_and_typed():
    identity = parse_identity(TEXT, PATH)
    assert identity.symbol == "S/2003/85" and identity.slug == "s-2003-85"
    assert identity.date == datetime.date(2003, 1, 24) and identity.date_iso == "2003-01-24"
    assert identity.official_lang == "fr" and identity.translation_lang == "en"
    assert identity.source_name("en") == "S-2003-85.en.md"
    assert identity.akn_export("fr") == "data/s-2003-85.fra.akn.xml"
    assert identity.official_versions["un"]["fr"] == "https://undocs.org/fr/S/2003/85"
    assert [component.block for component in identity.components] == ["letter", "annex", "plan"]
    plan = identity.component("plan")
    assert (plan.akn, plan.attached_to, plan.url, plan.levels) == ("enclosure_1", "annex", "plan/", ("paragraph",) * 3)
    assert [component.holds_provisions for component in identity.components] == [False, False, True]


def test_the_date_a_citation_writes_is_made_from_the_identity_in_each_language():
    identity = parse_identity(TEXT, PATH)
    assert identity.long_date("fr") == "24 janvier 2003" and identity.long_date("en") == "24 January 2003"
    first = parse_identity(TEXT.replace("date: 2003-01-24", "date: 2003-08-01"), PATH)
    assert first.long_date("fr") == "1er août 2003" and first.long_date("en") == "1 August 2003"


def test_sender_and_addressee_are_optional():
    identity = parse_identity(TEXT, PATH)
    assert identity.sender["en"].startswith("Kofi A. Annan") and identity.addressee["fr"].startswith("Président")
    lines = [
        line
        for line in TEXT.splitlines(keepends=True)
        if not line.startswith(("sender", "addressee", '  fr: "Kofi', '  en: "Kofi'))
    ]
    bare = parse_identity("".join(lines), PATH)
    assert bare.sender is None and bare.addressee is None
