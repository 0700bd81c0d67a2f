"""The one walk over the tree (passages.py): what it yields, and proof that the checks, the
enrichment, the citations and the export read the tree through it, not the parsed Document."""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import pytest
from edition.checks.fidelity import check_fidelity
from edition.citations.model import marked
from edition.core.langs import LANGS
from edition.document.passages import walk
from edition.enrich.mentions import pieces
from edition.exports.document_json import export
from edition.exports.pdf import document_html
from edition.pages.templates import render
from edition.site.assemble import render_edition
from edition.site.loading import load_sources
from edition.sources.identity import parse_identity
from edition.sources.parse import SourceError

from tests.conftest import SOURCE
from tests.helpers import PROJECT, walked
from tests.test_parse import aligned, line_of

FR = (SOURCE / "S-2003-85.fr.md").read_text(encoding="utf-8")
EN = (SOURCE / "S-2003-85.en.md").read_text(encoding="utf-8")
ORIGINAL = (SOURCE / "S-2003-85.fr.original.md").read_text(encoding="utf-8")
ARTICLES = PROJECT / "tests" / "documents" / "articles" / "source"  # the second document


@pytest.fixture(scope="module")
def sources():
    return load_sources(SOURCE)


def test_the_walk_meets_every_division_in_reading_order(sources):
    french = sources.walks["fr"]
    keys = [(division.kind, division.key) for division in french.divisions]
    assert keys[:6] == [
        ("masthead", "masthead"),
        ("component", "letter"),
        ("component", "annex"),
        ("component", "plan"),
        ("part", "preamble"),
        ("provision", "1"),
    ]
    numbers = [key for kind, key in keys if kind == "provision"]
    assert numbers == list(sources.docs["fr"].provisions)  # every provision, in the source's order
    lines = [division.lineno for division in french.divisions]
    assert lines == sorted(lines)


def test_every_division_knows_its_place(sources):
    provisions = {division.key: division for division in sources.walks["en"].of_kind("provision")}
    assert (provisions["16.3.2"].part, provisions["16.3.2"].parent, provisions["16.3.2"].depth) == (
        "action-plan",
        "16.3",
        2,
    )
    assert provisions["16.3.2"].where == "provision 16.3.2" and provisions["16"].parent is None
    texts = provisions["16.4.2"].texts()
    assert [text.role for text in texts].count("item") == 9
    assert texts[-1].anchor == "p-16-4-2-i9" and texts[-1].position == "9"


def test_every_text_of_the_source_is_met_once_with_its_line(sources):
    """Each passage's line holds its text: the walk loses no line, and invents none."""
    for lang, text in (("fr", FR), ("en", EN)):
        lines = text.splitlines()
        for division, passage in sources.walks[lang].reading:
            if passage.role == "num":
                assert lines[passage.lineno - 1] == f"[{division.key}]"
            else:
                assert lines[passage.lineno - 1].endswith(passage.text), (division.where, passage)
        written = [n for n, line in enumerate(lines, 1) if re.match(r"^(?:[a-z]+: |- )", line)]
        met = [passage.lineno for _, passage in sources.walks[lang].reading if passage.role != "num"]
        assert sorted(met) == written


def test_checks_citations_and_export_read_the_tree_not_the_parsed_document(sources):
    """A change made in the tree only shows in everything they make."""
    english = copy.deepcopy(sources.trees["en"])
    heading = next(node for node in english.walk() if node.number == "16.3.2")
    text = next(node for node in heading.children if node.kind == "p")
    heading.heading, text.content = "Changed in the tree", "A sentence changed in the tree."
    reading = walk(english, "en", "source/S-2003-85.en.md")
    walks = {**sources.walks, "en": reading}
    assert sources.docs["en"].provisions["16.3.2"].title != "Changed in the tree"
    enriched = pieces(reading, sources.identity, sources.labels["en"])
    assert [p.text for p in enriched if p.anchor == "p-16-3-2"] == ["Changed in the tree"]
    assert "A sentence changed in the tree." in [p.text for p in enriched]
    data = export(walks, sources.identity, "https://example.org/", {})
    exported = next(p for p in data["provisions"] if p["number"] == "16.3.2")
    assert exported["heading"]["en"] == "Changed in the tree"
    assert exported["text"]["en"][0]["text"] == "A sentence changed in the tree."
    part = next(node for node in english.walk() if node.anchor == "part-reports")
    part.heading = "Reports, from the tree"
    citables = marked({**walks, "en": walk(english, "en")}, sources.identity, sources.edition, sources.labels)
    assert any(item.pinpoint == "Reports, from the tree" for item in citables["en"])


def test_fidelity_reads_the_french_tree(sources):
    french = copy.deepcopy(sources.trees["fr"])
    check_fidelity(ORIGINAL, "original.md", walk(french, "fr", "fr.md"))
    node = next(node for node in french.walk() if node.anchor == "p-1-p1")
    node.content = node.content.replace("Etats", "États", 1)
    with pytest.raises(SourceError, match=r"^fr.md:\d+: provision 1: French text differs .* expected 'Etats'"):
        check_fidelity(ORIGINAL, "original.md", walk(french, "fr", "fr.md"))


# (what is wrong; the English block renumbered and what the alignment says, at that block's line;
# the French block renumbered and what the check against the original says)
WRONG_NUMBERS = [
    (
        "a number of its own part",
        ("[16.5.1]", "[16.6.1]", r"provision 16\.6\.1: fr has provision 16\.5\.1 here .*correct"),
        ("[16.5.1]", "[16.6.1]", r"provision 16\.6\.1: .*expected '5', found '6'"),
    ),
    (
        "a number of the part before (7 written 6.1, 17 written 16.6)",
        ("[7]", "[6.1]", r"provision 6\.1: fr has provision 7 here .*correct the number"),
        ("[17]", "[16.6]", r"provision 16\.6: .* terrorisme \. Rapports': expected '17 \.'"),
    ),
]


@pytest.mark.parametrize(("case", "english", "french"), WRONG_NUMBERS, ids=[case[0] for case in WRONG_NUMBERS])
def test_a_wrong_number_is_named_at_its_place_in_both_languages(case, english, french):
    """The tree places a provision under the last one before it, in its part, of a lower level: a
    wrong number keeps its place in the source's order, and is named where it stands."""
    before, after, message = english
    text = EN.replace(f"{before}\n", f"{after}\n", 1)
    with pytest.raises(SourceError, match=rf"^source/S-2003-85\.en\.md:{line_of(text, after)}: {message}"):
        aligned(FR, text)
    before, after, message = french
    text = FR.replace(f"{before}\n", f"{after}\n", 1)
    with pytest.raises(SourceError, match=rf"^fr\.md:\d+: {message}"):
        check_fidelity(ORIGINAL, "original.md", walked(text, "fr.md", numbering=False))


def test_a_block_missing_in_english_is_placed_in_the_source_order():
    without_part = EN.replace("[part objectives]\n", "", 1)
    with pytest.raises(SourceError, match=r"\[part objectives\]: missing in en: .*after the block of provision 6 "):
        aligned(FR, without_part)


@pytest.mark.parametrize("lang", LANGS)
def test_the_walk_of_a_tree_is_its_own_for_each_language(sources, lang):
    """Each language's walk is of its own tree: its language, its file, its own words; and the
    divisions are the same in both (compared with the other language, never with itself)."""
    walk, other = sources.walks[lang], sources.walks[next(code for code in LANGS if code != lang)]
    assert walk.lang == lang and walk.path.endswith(f".{lang}.md")
    assert [d.key for d in walk.divisions] == [d.key for d in other.divisions]
    texts = [passage.text for _, passage in walk.reading if passage.role != "num"]  # numbers are printed
    assert texts != [passage.text for _, passage in other.reading]
    source = (SOURCE / Path(walk.path).name).read_text(encoding="utf-8")
    assert [text for text in texts if text not in source] == []


def test_a_number_of_the_part_before_keeps_its_place_in_its_part():
    """7 written 6.1 stays in its part, in reading order, not a sub-provision of the part before."""
    reading = walked(EN.replace("[7]\n", "[6.1]\n", 1), "en.md", "en", numbering=False)
    assert reading.provisions["6.1"].part == "objectives" and reading.provisions["6.1"].parent is None
    lines = [division.lineno for division in reading.divisions]
    assert lines == sorted(lines)


def test_a_heading_renumbered_keeps_its_sub_provisions_and_is_named():
    """16.5 written 16.6 (a section without text) still heads 16.5.1 ...: the wrong number is named."""
    english = EN.replace("[16.5]\n", "[16.6]\n", 1)
    line = line_of(english, "[16.6]")
    with pytest.raises(SourceError, match=rf"en\.md:{line}: provision 16\.6: fr has provision 16\.5 here "):
        aligned(FR, english)


def test_a_block_in_another_order_or_part_is_named_at_its_block():
    swapped = EN.replace("[16.3.1]\n", "[X]\n", 1).replace("[16.3.2]\n", "[16.3.1]\n", 1).replace("[X]\n", "[16.3.2]\n")
    line = line_of(swapped, "[16.3.2]")
    with pytest.raises(SourceError, match=rf"en\.md:{line}: provision 16\.3\.2: fr has provision 16\.3\.1 here "):
        aligned(FR, swapped)
    # 6 in the part after its own; 7 in the part before its own
    for block, before, number, here, there in (
        ("[6]", "[7]", "6", "objectives", "preamble"),
        ("[part objectives]", "[8]", "7", "preamble", "objectives"),
    ):
        text = moved(EN, block, before)
        line = line_of(text, f"[{number}]")
        with pytest.raises(
            SourceError,
            match=rf"en\.md:{line}: provision {number}: in \[part {here}\] here, in \[part {there}\] in fr ",
        ):
            aligned(FR, text)


def moved(text: str, block: str, before: str) -> str:
    """The text with the block that opens with the line `block` put just before the line `before`."""
    found = re.search(rf"^{re.escape(block)}\n(?:[^[\n].*\n|\n)*", text, re.M).group()
    return text.replace(found, "", 1).replace(f"{before}\n", f"{found}{before}\n", 1)


def test_a_part_cannot_start_inside_a_provision():
    """With numbers that are right, a part between a provision and its sub-provisions would move them
    to another part: the numbering check names the sub-provision and the part."""
    split = FR.replace("[16.1]\n", "[part extra]\ntitle: Extra\n\n[16.1]\n", 1)
    line = line_of(split, "[16.1]")
    with pytest.raises(
        SourceError,
        match=rf"fr\.md:{line}: provision 16\.1: in \[part extra\], but .* 16 \(line \d+\), is in \[part act",
    ):
        walked(split, "fr.md")


def test_the_signature_of_the_component_holding_the_parts_follows_them_everywhere(tmp_path, monkeypatch):
    """The walk, and so the check against the original, reads a signature after the parts of the
    component it signs (a declaration signed after its articles): the whole text, its parallel
    view and the PDF print it there too, not before the parts."""
    monkeypatch.setenv("EDITION_PUBLISH", "0")
    folder = shutil.copytree(ARTICLES, tmp_path / "source")
    for lang, signature in (("fr", "Le Président : Jean Exemple"), ("en", "The President: Jean Exemple")):
        path = folder / f"X-2024-1.{lang}.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("[part general]\n", f"signature: {signature}\n\n[part general]\n", 1), "utf-8")
    original = folder / "X-2024-1.fr.original.md"
    original.write_text(original.read_text(encoding="utf-8").rstrip() + "\n\nLe Président : Jean Exemple\n", "utf-8")
    sources = load_sources(folder)
    assert [passage.role for _, passage in sources.walks["fr"].reading][-1] == "signature"
    edition = render_edition(sources, "https://example.org/")
    for lang in LANGS:
        full_text = next(page for page in edition.pages[lang] if page.url == "full-text/")
        html = render(full_text.template, **full_text.data)
        assert html.index('id="declaration-signature"') > html.index('id="p-4-1"')
        assert html.count('id="declaration-signature"') == 1
        parallel = next(page for page in edition.pages[lang] if page.url == "parallel/full-text/")
        assert [row.anchor for row in parallel.data["rows"]][-1] == "declaration-signature"
        pdf = document_html(sources.walks[lang], sources.identity, sources.labels[lang], "https://example.org/")
        assert pdf.index('id="declaration-signature"') > pdf.index('id="p-4-1"')


def test_the_components_are_declared_in_the_order_the_walk_reads_them():
    """The tree reads a component's attachments right after it (the annex, then the Plan it
    encloses): a component declared after another's attachment, yet attached above, would be read
    elsewhere than its block stands; document.yml says where."""
    text = (SOURCE / "document.yml").read_text(encoding="utf-8")
    appendix = "  - {block: appendix, akn: annex_2, url: appendix/, label: appendix, attached_to: letter}\n"
    last = "    level_labels: [paragraph, section, paragraph]\n"
    after = text.replace(last, last + appendix, 1)  # after the Plan: read after the annex and its enclosure
    assert [c.block for c in parse_identity(after, "document.yml").components][-1] == "appendix"
    inside = text.replace("  - block: plan\n", appendix + "  - block: plan\n", 1)
    with pytest.raises(
        SourceError, match=r"^document\.yml:\d+:\d+: document: components: 'plan' is attached_to 'annex', but"
    ):
        parse_identity(inside, "document.yml")


@pytest.mark.parametrize(
    "wrong",
    [
        ("[7]\n", "[6.1]\n"),  # a number of the part before
        ("[17]\n", "[16.6]\n"),  # a number of the part before, at a lower level
        ("[16.3]\n", "[16.2.8]\n"),  # a section one level too deep (the parse refuses it: no text, nothing below)
        ("[16.5]\n", "[16.6]\n"),  # a section renumbered
        ("[16.4.2]\n", "[16.4.1]\n"),  # a duplicate (the parse refuses it)
        ("[1]\n", "[1.1]\n"),  # the first provision one level too deep
        ("[16.1]\n", "[16.1.1.1]\n"),  # a level document.yml does not declare (the parse refuses it)
    ],
)
def test_a_wrong_number_loses_no_text_and_keeps_the_source_order(wrong):
    """Whatever the numbers, the tree holds every provision once, in the part its block stands in,
    and the walk meets every line of the source once, in the source's order (or the parse refuses)."""
    english = EN.replace(*wrong, 1)
    try:
        reading = walked(english, "en.md", "en", numbering=False)
    except SourceError as error:  # the parse's refusal names the wrong number at its line
        line = EN[: EN.index(wrong[0])].count("\n") + 1  # the changed block's
        assert (error.lineno, error.where) == (line, f"provision {wrong[1][1:-2]}")
        return
    lines = english.splitlines()
    met = [passage.lineno for _, passage in reading.reading if passage.role != "num"]
    assert met == sorted(met) == [n for n, line in enumerate(lines, 1) if re.match(r"^(?:[a-z]+: |- )", line)]
    blocks = [n for n, line in enumerate(lines, 1) if re.match(r"^\[(?:part |\d)", line)]
    assert [d.lineno for d in reading.divisions if d.kind in ("part", "provision")] == blocks
