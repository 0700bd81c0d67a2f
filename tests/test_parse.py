"""Unit tests of the parser and the alignment check: pure, no MkDocs."""

from __future__ import annotations

import re

import pytest
from edition.checks.align import check_aligned
from edition.sources.parse import SourceError, parse_document

from tests.conftest import SOURCE
from tests.helpers import SHAPE, walked

FR = (SOURCE / "S-2003-85.fr.md").read_text(encoding="utf-8")
EN = (SOURCE / "S-2003-85.en.md").read_text(encoding="utf-8")


def parse(text: str, lang: str = "fr"):
    return parse_document(text, f"source/S-2003-85.{lang}.md", lang, SHAPE)


def aligned(fr: str, en: str) -> None:
    """The two languages' trees, walked, checked against each other."""
    check_aligned(
        walked(fr, "source/S-2003-85.fr.md", numbering=False), walked(en, "source/S-2003-85.en.md", "en", False)
    )


def line_of(text: str, needle: str) -> int:
    return text.splitlines().index(needle) + 1


def test_the_real_source_parses_into_every_provision():
    doc = parse(FR)
    numbers = list(doc.provisions)
    assert numbers[:18] == [str(n) for n in range(1, 17)] + ["16.1", "16.1.1"]
    assert numbers[-2:] == ["17", "18"]
    assert len([n for n in numbers if n.count(".") == 2]) == 5 + 7 + 4 + 5 + 3
    assert [p.slug for p in doc.parts] == ["preamble", "objectives", "mechanisms", "action-plan", "reports"]
    assert doc.provisions["16.3.2"].part == "action-plan"


def test_indents_get_language_neutral_anchors():
    doc = parse(FR)
    assert [u.anchor for u in doc.provisions["9"].units] == ["p-9-p1"] + [f"p-9-i{n}" for n in range(1, 6)]
    assert len([u for u in doc.provisions["16.4.2"].units if u.kind == "item"]) == 9
    assert [u.anchor for u in doc.sections["annex"].units if u.kind == "item"] == [f"annex-i{n}" for n in range(1, 9)]


def test_page_break_cuts_are_repaired():
    doc = parse(FR)
    decision = doc.sections["annex"].units[6].text  # third Prague decision, cut by a page break in the original
    assert "Les capacités nécessaires pour les missions de l'OTAN" in decision


def test_both_languages_are_aligned():
    aligned(FR, EN)


def test_duplicate_number_names_file_line_and_provision():
    bad = FR.replace("[8]\n", "[7]\n", 1)
    with pytest.raises(SourceError) as error:
        parse(bad)
    message = str(error.value)
    assert message.startswith(f"source/S-2003-85.fr.md:{line_of(bad, '[7]') + 3}: provision 7:")
    assert "duplicate number (first at line" in message


def test_missing_number_is_reported():
    bad = re.sub(r"\[16\.2\.4\]\n.*?\n.*?\n", "", FR, count=1)
    with pytest.raises(
        SourceError,
        match=r"S-2003-85.fr.md:\d+: provision 16\.2\.5: number out of sequence after 16\.2\.3: "
        r"expected 16\.2\.3\.1 or 16\.2\.4",
    ):
        parse(bad)


def test_provision_in_one_language_only():
    en_without = re.sub(r"\[16\.5\.3\]\n.*?\n.*?\n", "", EN, count=1)
    with pytest.raises(SourceError, match=r"S-2003-85.en.md:\d+: provision 16\.5\.3: missing in en: it exists in fr"):
        aligned(FR, en_without)


def test_indent_in_one_language_only():
    lines = EN.splitlines()
    start = lines.index("[16.4.2]")
    first_indent = next(i for i in range(start, len(lines)) if lines[i].startswith("- "))
    del lines[first_indent]
    with pytest.raises(
        SourceError, match=r"S-2003-85.en.md:\d+: provision 16\.4\.2: indent 9 \(p-16-4-2-i9\) missing in en"
    ):
        aligned(FR, "\n".join(lines))


def test_block_that_cannot_be_placed():
    bad = FR.replace("[part preamble]\ntitle: Préambule\n\n", "", 1)
    with pytest.raises(SourceError, match=r"provision 1: cannot be placed: a provision must follow a \[part"):
        parse(bad)


def test_indent_without_paragraph_cannot_be_placed():
    bad = FR.replace("[16.4.2]\ntitle:", "[16.4.2]\n- orphan indent\ntitle:", 1)
    with pytest.raises(SourceError, match=r"S-2003-85.fr.md:\d+: provision 16\.4\.2: an indent cannot be placed"):
        parse(bad)


def test_unreadable_line_is_reported_with_its_number():
    bad = FR.replace("[8]\np: ", "[8]\nGrâce ", 1)
    with pytest.raises(
        SourceError, match=rf"S-2003-85.fr.md:{line_of(bad, '[8]') + 1}: provision 8: cannot read this line"
    ):
        parse(bad)


def test_unknown_block():
    with pytest.raises(SourceError, match=r"\[appendix\]: unknown block"):
        parse(FR + "\n[appendix]\np: text\n")


def test_a_second_masthead_does_not_replace_the_first():
    """Its text would be lost without a word (the alignment compares keys, not words)."""
    masthead = FR[FR.index("[masthead]\n") : FR.index("[letter]\n")]
    twice = FR.replace("[letter]\n", masthead + "[letter]\n", 1)
    line = twice.splitlines().index("[masthead]", line_of(twice, "[masthead]")) + 1
    with pytest.raises(
        SourceError, match=rf"fr\.md:{line}: \[masthead\]: block given twice \(first at line \d+\); keep one"
    ):
        walked(twice, "source/S-2003-85.fr.md")


@pytest.mark.parametrize(
    ("block", "key"),
    [("[16.3]\n", "title: Another title"), ("[annex]\n", "label: Annexe"), ("[masthead]\n", "date: 1er mai")],
)
def test_a_key_given_twice_in_a_block_stops_the_build(block: str, key: str):
    """The second would be read nowhere (a block has one title, one label, one signature ...)."""
    twice = FR.replace(block, f"{block}{key}\n", 1)
    line = line_of(twice, key)
    name = key.split(":")[0]
    with pytest.raises(SourceError, match=rf"fr\.md:\d+: .*: '{name}:' given twice \(first at line {line}\); keep one"):
        walked(twice, "source/S-2003-85.fr.md")
