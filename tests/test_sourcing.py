"""Every register entry and every translation note names a source a reader can open
(hooks/edition/sources/sourcing.py): the readers refuse a working note alone ("facts.md", "NATO
usage", "as in the document"), at file:line, with how to fix it, and so does the loader the
build calls; a name with no official English says so in the register and on its page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from edition.site.loading import load_sources
from edition.sources.parse import SourceError
from edition.sources.register import load_register, parse_register
from edition.sources.sourcing import EDITION_MARK, source_problem
from edition.sources.translation_notes import load_translation_notes, parse_translation_notes

from tests.conftest import SOURCE
from tests.helpers import soup

REGISTER = (SOURCE / "register.yml").read_text(encoding="utf-8")
NOTES = (SOURCE / "translation-notes.md").read_text(encoding="utf-8")
UN_SOURCE = '    source: "S/RES/1373 (2001), preamble (\\"Charter of the United Nations\\"): https://undocs.org/en/S/RES/1373(2001)"\n'
VAGUE = ["facts.md (checked)", "NATO usage", "as in the document", "as in the document; NATO usage"]


def with_un_source(source: str) -> str:
    assert UN_SOURCE in REGISTER
    return REGISTER.replace(UN_SOURCE, f'    source: "{source}"\n', 1)


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def test_every_real_entry_and_note_names_an_openable_source():
    register = load_register(SOURCE / "register.yml", "source/register.yml")
    assert all(source_problem(entity.source) is None for entity in register.entities.values())
    notes = load_translation_notes(SOURCE / "translation-notes.md", "source/translation-notes.md")
    assert len(notes) >= 30 and all(source_problem(note["Source"]) is None for note in notes)
    for note in notes:  # a working note may accompany a source, never stand for one
        assert note["Source"].strip() not in VAGUE, note.place


@pytest.mark.parametrize("vague", VAGUE)
def test_register_refuses_a_working_note_alone(vague: str):
    text = with_un_source(vague)
    line = line_of(text, f'    source: "{vague}"')
    with pytest.raises(SourceError) as error:
        parse_register(text, "source/register.yml")
    message = str(error.value)
    assert message.startswith(f"source/register.yml:{line}:13: entity un: source: '{vague}' names only ")
    assert "no source a reader can open; give the https address of the official page" in message
    assert EDITION_MARK in message  # how to fix it, when there is no official English


@pytest.mark.parametrize(
    "source",
    ["https://www.nato.int/docu/pr/2002/p02-127e.htm", "S/RES/1441 (2002), para. 13", "facts.md; S/2003/85, annex"],
)
def test_register_accepts_an_address_or_a_document_reference(source: str):
    register = parse_register(with_un_source(source), "source/register.yml")
    assert register.entities["un"].source == source


def test_register_status_edition_and_the_words_go_together():
    marked = with_un_source(f"{EDITION_MARK}: a test")
    with pytest.raises(SourceError, match=r"register.yml:\d+:13: entity un: source: status 'edition' and the words"):
        parse_register(marked, "source/register.yml")  # the words, but status: checked
    block = REGISTER[REGISTER.index("  - id: nbc-defence-initiatives\n") :]
    block = block[: block.index("    status: edition\n") + len("    status: edition\n")]
    unmarked = REGISTER.replace(block, block.replace("status: edition", "status: checked"))
    with pytest.raises(SourceError, match="entity nbc-defence-initiatives: source: status 'edition' and the words"):
        parse_register(unmarked, "source/register.yml")


def test_register_without_a_source_is_refused():
    text = REGISTER.replace(UN_SOURCE, "", 1)
    with pytest.raises(SourceError, match=r"entity un: .*'source'"):
        parse_register(text, "source/register.yml")


@pytest.mark.parametrize("vague", ["NATO usage", "facts.md (resolution 1373 (2001), checked)", "the French text"])
def test_translation_notes_refuse_a_working_note_alone(vague: str):
    old = "- Source: S/RES/1441 (2002), para. 13: https://undocs.org/en/S/RES/1441(2002)"
    assert old in NOTES
    text = NOTES.replace(old, f"- Source: {vague}")
    line = line_of(text, f"- Source: {vague}\n")
    with pytest.raises(SourceError) as error:
        parse_translation_notes(text, "source/translation-notes.md")
    message = str(error.value)
    assert message.startswith(f"source/translation-notes.md:{line}: note annex, paragraph 10: Source: '{vague}' names ")
    assert message.endswith(f'write "{EDITION_MARK}"')


def test_translation_notes_refuse_a_malformed_entry():
    base = "## 16.3.2\n- French: a\n- English: b\n- Why: c\n- Source: https://x.example\n"
    parse_translation_notes(base, "n.md")
    with pytest.raises(SourceError, match=r"n.md:5: note 16.3.2: 'Why' given twice \(first at line 4\)"):
        parse_translation_notes(base.replace("- Source", "- Why"), "n.md")
    with pytest.raises(SourceError, match=r"n.md:1: note 16.3.2: Source missing"):
        parse_translation_notes(base.replace("- Source: https://x.example\n", ""), "n.md")
    with pytest.raises(SourceError, match=r"n.md:7: note 'sixteen': the place is not"):
        parse_translation_notes(base + "\n## sixteen\n", "n.md")


def test_the_loader_the_build_calls_refuses_a_vague_source(tmp_path: Path):
    """The same refusal through load_sources (what the hook runs before any page is made), for
    each file; the test document of another shape, which has no notes, still loads."""
    folder = tmp_path / "source"
    shutil.copytree(SOURCE, folder)
    (folder / "register.yml").write_text(with_un_source("as in the document"), encoding="utf-8")
    with pytest.raises(SourceError, match=r"^source/register.yml:\d+:13: entity un: source: 'as in the document'"):
        load_sources(folder, tmp_path)
    (folder / "register.yml").write_text(REGISTER, encoding="utf-8")
    notes = NOTES.replace("- Source: https://www.nato.int/cps/en/natolive/news_55262.htm", "- Source: NATO usage (")
    (folder / "translation-notes.md").write_text(notes, encoding="utf-8")
    with pytest.raises(SourceError, match=r"^source/translation-notes.md:\d+: note 16.4.2: Source: 'NATO usage \("):
        load_sources(folder, tmp_path)
    articles = Path(__file__).parent / "documents" / "articles" / "source"
    assert not (articles / "translation-notes.md").exists()
    assert load_sources(articles).register.entities


def test_entity_pages_show_the_editions_own_rendering_sentence(site: Path):
    for prefix, words in (("", "aucun nom anglais officiel trouvé"), ("/en", EDITION_MARK)):
        for ident in ("nbc-defence-initiatives", "salw-ad-hoc-group", "model-agreement-cross-border-transport"):
            line = soup(site, f"{prefix}/entities/{ident}/").select("p.edition-name")
            assert len(line) == 1 and words in line[0].get_text(), (prefix, ident)
        assert not soup(site, f"{prefix}/entities/scepc/").select("p.edition-name"), prefix
