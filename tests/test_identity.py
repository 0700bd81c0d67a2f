"""The document's identity (source/document.yml), read through its schema; bad input: test_yaml_inputs.py."""

from __future__ import annotations

import datetime
from pathlib import Path

from edition.identity import parse_identity

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
