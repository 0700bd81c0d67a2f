"""The document's identity (source/document.yml): read through a schema, errors with file:line."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from edition.identity import parse_identity
from edition.parse import SourceError

SOURCE = Path(__file__).resolve().parent.parent / "source"
TEXT = (SOURCE / "document.yml").read_text(encoding="utf-8")
PATH = "source/document.yml"


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def test_the_identity_is_read_and_typed():
    identity = parse_identity(TEXT, PATH)
    assert identity.symbol == "S/2003/85" and identity.slug == "s-2003-85"
    assert identity.date == datetime.date(2003, 1, 24) and identity.date_iso == "2003-01-24"
    assert identity.official_lang == "fr" and identity.translation_lang == "en"
    assert identity.source_name("en") == "S-2003-85.en.md"
    assert identity.akn_export("fr") == "data/s-2003-85.fra.akn.xml"
    assert identity.official_versions["un"]["fr"] == "https://undocs.org/fr/S/2003/85"


def test_an_unknown_key_is_named_with_its_line():
    bad = TEXT.replace("publisher: United Nations", "publisher: United Nations\npublsher: typo")
    with pytest.raises(SourceError) as error:
        parse_identity(bad, PATH)
    assert str(error.value).startswith(f"{PATH}:{line_of(bad, 'publsher')}: publsher: unknown key")


def test_a_missing_key_is_reported():
    bad = re.sub(r"^genre: .*\n", "", TEXT, flags=re.M)
    with pytest.raises(SourceError, match=r"missing key 'genre'"):
        parse_identity(bad, PATH)


def test_a_missing_language_is_reported_with_its_line():
    bad = TEXT.replace('en: "https://undocs.org/en/S/2003/85"', 'de: "https://undocs.org/de/S/2003/85"')
    with pytest.raises(SourceError) as error:
        parse_identity(bad, PATH)
    assert f"{PATH}:{line_of(bad, '  un:')}: official_versions.un.de: unknown key" in str(error.value)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("date: 2003-01-24", "date: 24 January 2003", "official_versions|date: '24 January 2003' is not a date"),
        ('"https://undocs.org/fr/S/2003/85"', '"undocs.org/fr"', "is not a valid url"),
        ("official: fr", "official: de", "'de' is not one of the languages"),
        ("official: fr", "official: en", "official and translation must differ"),
        ("translation: en", "translation: fr", "official and translation must differ"),
    ],
)
def test_values_are_typed(old: str, new: str, message: str):
    with pytest.raises(SourceError, match=message):
        parse_identity(TEXT.replace(old, new, 1), PATH)


def test_the_official_language_is_the_one_at_the_site_root():
    swapped = TEXT.replace("official: fr", "official: en").replace("translation: en", "translation: fr")
    with pytest.raises(SourceError, match=r"languages.official: the site publishes .* it must be 'fr'"):
        parse_identity(swapped, PATH)


def test_the_build_stops_on_a_bad_identity_file(tmp_path: Path):
    """A copy of the project whose document.yml has an unknown key: mkdocs build stops, naming it."""
    root = SOURCE.parent
    for name in ("source", "docs", "overrides", "hooks"):
        shutil.copytree(root / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(root / "mkdocs.yml", tmp_path / "mkdocs.yml")
    bad = TEXT.replace("genre: Security Council document", "genre: Security Council document\ngenere: typo")
    (tmp_path / "source" / "document.yml").write_text(bad, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert f"source/document.yml:{line_of(bad, 'genere')}: genere: unknown key" in result.stderr
