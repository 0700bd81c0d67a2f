"""Bad document.yml and notes.yml stop the build at the right line and column.

Each case mutates a copy of the real file and reads it through its pure loader (parse_identity,
parse_notes); one case per file also runs a real `mkdocs build` on a copy of the project. The
expected place is written into the case as a needle: the text around the error in the mutated
file, with ‸ where the message must point (the needle without ‸ occurs once in the file).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from edition.core.langs import LANGS
from edition.sources.identity import parse_identity
from edition.sources.notes import parse_notes
from edition.sources.parse import SourceError, load_document
from edition.sources.parsed import Document

from tests.conftest import SOURCE
from tests.helpers import SHAPE, copy_project, texts_of
from tests.test_bad_input import mkdocs_build, read

DOC = "source/document.yml"
NOTES = "source/notes.yml"
MARK = "‸"


@dataclass
class Case:
    name: str
    old: str  # replaced once by new in a copy of the file; old="" replaces the whole file
    new: str
    needle: str  # the place of the error in the mutated file, ‸ marking it
    fragment: str  # a part of the message after `file:line:col: `

    def mutated(self, original: str) -> str:
        if not self.old:
            return self.new
        assert original.count(self.old) == 1, f"{self.old!r} must occur once in the file: update this case"
        return original.replace(self.old, self.new, 1)

    def place(self, text: str) -> tuple[int, int]:
        """Line and column of the ‸ of the needle in the mutated text."""
        needle = self.needle.replace(MARK, "")
        assert text.count(needle) == 1, f"the needle {needle!r} must occur once in the mutated file"
        offset = text.index(needle) + self.needle.index(MARK)
        line = text.count("\n", 0, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


DOC_CASES = [
    # ---- keys: unknown, given twice, missing
    Case("unknown key", "publisher: United Nations\n", "publisher: United Nations\npublsher: typo\n", "‸publsher:",
         "document: unknown key 'publsher' in the document; allowed: symbol, slug, date"),
    Case("unknown nested key", "  official: fr ", "  offical: fr ", "‸offical",
         "unknown key 'offical' in languages; allowed: official, translation, codes"),
    Case("unknown language", 'en: "https://undocs.org/en/S/2003/85"', 'de: "https://undocs.org/de/S/2003/85"',
         "‸de: \"https://undocs.org/de", "unknown key 'de' in official_versions.un; allowed: fr, en"),
    Case("key given twice", "genre: Security Council document\n",
         "genre: Security Council document\ngenre: Document\n", "‸genre: Document",
         "key 'genre' given twice (first at line 22); keep one"),
    Case("nested key given twice", "  actor: unsc ", "  actor: unsc\n  actor: ga ", "‸actor: ga",
         "key 'actor' given twice"),
    Case("language given twice in a flow mapping", "codes: {fr: fra, en: eng}", "codes: {fr: fra, fr: eng}",
         "fra, ‸fr: eng", "key 'fr' given twice"),
    Case("missing key", "genre: Security Council document\n", "", "‸symbol: S/2003/85",
         "document: the document has no 'genre'; add it"),
    Case("missing nested key", "  anchors: data/s-2003-85.anchors.json\n", "", "‸json: data/",
         "exports has no 'anchors'; add it"),
    Case("missing language", "edition: {fr: Édition de référence de S/2003/85, en: Reference edition of S/2003/85}",
         "edition: {fr: Édition de référence de S/2003/85}", "edition: ‸{fr: Édition", "edition has no 'en'; add it"),
    # ---- types
    Case("date in words", "date: 2003-01-24", "date: 24 January 2003", "date: ‸24 January",
         "date must be a date; found '24 January 2003'; write it as YYYY-MM-DD"),
    Case("impossible date", "date: 2003-01-24", "date: 2003-02-30", "date: ‸2003-02-30", "date must be a date"),
    Case("date as a list", "date: 2003-01-24", "date: [2003, 1, 24]", "date: ‸[2003",
         "date must be a date; found a list"),
    Case("text as a number", "slug: s-2003-85 ", "slug: 2003 ", "slug: ‸2003",
         "slug must be text; found '2003' (quote it if it is text)"),
    Case("text as a list", "symbol: S/2003/85", "symbol: [S, 2003, 85]", "symbol: ‸[S",
         "symbol must be text; found a list"),
    Case("text missing", "author: United Nations Security Council", "author:", "author:‸\n",
         "author must be text; found nothing"),
    Case("mapping as a list", "  codes: {fr: fra, en: eng}", "  codes: [fra, eng]", "codes: ‸[fra",
         "languages.codes must be a mapping (key: value lines); found a list"),
    Case("markup in text", "author: United Nations Security Council", "author: United Nations <b>Security</b> Council",
         "author: United Nations ‸<b>", "author: markup or character reference '<' in plain text; write plain text"),
    Case("address not https", '"https://undocs.org/fr/S/2003/85"', '"http://undocs.org/fr/S/2003/85"',
         "‸\"http://undocs.org/fr", "official_versions.un.fr 'http://undocs.org/fr/S/2003/85' is not an https address"),
    Case("address to javascript", '"https://undocs.org/fr/S/2003/85"', '"javascript:alert(1)"', "‸\"javascript:",
         "official_versions.un.fr 'javascript:alert(1)' is not an https address; write https://..."),
    Case("slug with capitals", "  actor: unsc ", "  actor: UNSC ", "actor: ‸UNSC",
         "akn.actor must be lowercase letters, digits, '-' and '_'; found 'UNSC', change it"),
    Case("file path with a space", "sources: S-2003-85.{lang}.md", "sources: S 2003 85.{lang}.md", "sources: ‸S 2003",
         "sources must be a file path"),
    # ---- the shape: components
    Case("unknown key in a component", "label: letter}", "label: letter, parent: annex}", "letter, ‸parent:",
         "unknown key 'parent' in components; allowed: block, akn, url, label, attached_to, cite, levels, level_"),
    Case("component without its page", "url: annex/, ", "", "‸{block: annex", "components has no 'url'; add it"),
    Case("unknown provision level", "levels: [paragraph, paragraph, paragraph]",
         "levels: [paragraph, clause, paragraph]", "paragraph, ‸clause",
         "components.levels 'clause' is not one of: article, chapter, section, paragraph"),
    Case("AKN component badly named", "akn: enclosure_1", "akn: enclosure", "akn: ‸enclosure",
         "components.akn must be 'main' or a kind and a number (annex_1); found 'enclosure'"),
    Case("component block given twice", "{block: annex, akn", "{block: letter, akn", "{block: ‸letter, akn: annex_1",
         "components: block 'letter' given twice; make it unique"),
    Case("attached to an unknown component", "attached_to: annex\n", "attached_to: appendix\n",
         "attached_to: ‸appendix",
         "components: 'plan' must be attached_to a component declared above it (letter, annex)"),
    Case("component not attached", ", attached_to: letter,", ",", "‸{block: annex",
         "components: 'annex' must be attached_to a component declared above it (letter)"),
    Case("the document attached", "label: letter}", "label: letter, attached_to: annex}", "attached_to: ‸annex}",
         "components: the first component is the document itself; remove its attached_to"),
    Case("two components hold the provisions", "label: letter}", "label: letter, levels: [article]}",
         "levels: ‸[paragraph, paragraph, paragraph]",
         "components: exactly one component holds the numbered provisions (levels: [...]); found 2"),
    Case("no component holds the provisions",
         "    levels: [paragraph, paragraph, paragraph]\n    level_labels: [paragraph, section, paragraph]\n", "",
         "‸- {block: letter", "found 0; give levels to one"),
    Case("a label for each level", "level_labels: [paragraph, section, paragraph]",
         "level_labels: [paragraph, section]",
         "level_labels: ‸[paragraph, section]", "components: 2 level_labels for 3 levels; name each level once"),
    # ---- languages
    Case("unknown official language", "  official: fr ", "  official: de ", "official: ‸de",
         "languages.official 'de' is not one of: fr, en; write one of these"),
    Case("official language not at the root", "  official: fr ", "  official: en ", "official: ‸en",
         "languages.official must be 'fr': the site publishes its official language at the root"),
    Case("translation in the official language", "  translation: en ", "  translation: fr ", "translation: ‸fr",
         "languages.translation is the official language; name the language of the translation"),
    # ---- the file as a whole
    Case("YAML syntax", "  actor: unsc ", "  actor: [unsc ", "  ‸number: s-2003-85", "correct the YAML syntax here"),
    Case("not a mapping", "", "- symbol: S/2003/85\n", "‸- symbol", "the document must be a mapping"),
    Case("empty file", "", "# nothing yet\n", "‸# nothing", "document: the file is empty"),
]  # fmt: skip

NOTE_WORDING = "    wording:\n"
PROVISION = '  - provision: "3"\n'
QUOTE_LINK = 'link: {fr: "https://undocs.org/fr/S/RES/1373(2001)", en: "https://undocs.org/en/S/RES/1373(2001)"}'
SHORT_NOTE = (  # a second note for provision 3, in flow style
    f"    quotes: [{{quote: {{fr: trouver, en: find}}, source: {{fr: a, en: b}}, {QUOTE_LINK}}}]\n"
    "    wording: {fr: a, en: b}\n"
)
FR_WORDING = '      fr: "Les passages entre guillemets sont des citations de la résolution."'
NOTE_CASES = [
    # ---- keys: unknown, given twice, missing
    Case("unknown key in a note", NOTE_WORDING, "    comment: x\n" + NOTE_WORDING, "    ‸comment: x",
         "provision 3: unknown key 'comment' in a note; allowed: provision, quotes, wording"),
    Case("unknown key in a quote", QUOTE_LINK + "\n    wording", QUOTE_LINK + "\n        page: 2\n    wording",
         "‸page: 2", "provision 3: unknown key 'page' in quotes; allowed: quote, source, link"),
    Case("unknown key at the top", "\nnotes:\n", "\nnote:\n", "\n‸note:",
         "notes: unknown key 'note' in the notes file; allowed: notes"),
    Case("key given twice in a note", NOTE_WORDING, "    wording: {fr: a, en: b}\n" + NOTE_WORDING,
         "    ‸wording:\n", "provision 3: key 'wording' given twice (first at line 20); keep one"),
    Case("language given twice", 'en: "Security Council resolution 1373 (2001), paragraph 4"',
         'fr: "Security Council resolution 1373 (2001), paragraph 4"', '‸fr: "Security Council',
         "provision 3: key 'fr' given twice"),
    Case("missing wording", re.search(r"    wording:\n(      .*\n)+", read(NOTES)).group(), "",
         '\n  - ‸provision: "3"', "provision 3: a note has no 'wording'; add it"),
    Case("missing language", 'source: {fr: "résolution 1373 (2001) du Conseil de sécurité, paragraphe 4", ',
         "source: {", 'source: ‸{en: "Security Council resolution 1373 (2001), paragraph 4"',
         "provision 3: quotes.source has no 'fr'; add it"),
    # ---- types
    Case("provision as a number", PROVISION, "  - provision: 3\n", "provision: ‸3\n",
         "provision 3: provision must be text; found '3' (quote it if it is text)"),
    Case("quotes as text", re.search(r"    quotes:\n(      .*\n)+", read(NOTES)).group(), "    quotes: none\n",
         "quotes: ‸none", "quotes must be a list ([a, b] or '- ' lines); found 'none'"),
    Case("quotes empty", re.search(r"    quotes:\n(      .*\n)+", read(NOTES)).group(), "    quotes: []\n",
         "quotes: ‸[]", "quotes is an empty list; give at least one item"),
    Case("notes as a mapping", "", "notes:\n  three: {}\n", "  ‸three", "notes must be a list"),
    Case("wording as a list", FR_WORDING, '      fr: ["Les passages", "entre guillemets"]', 'fr: ‸["Les passages',
         "wording.fr must be text; found a list"),
    Case("wording empty", FR_WORDING, '      fr: " "', '      fr: ‸" "',
         "wording.fr is empty; write it, or remove the key"),
    Case("markup in a wording", FR_WORDING, '      fr: "<script>x()</script>Les passages"', 'fr: "‸<script>',
         "wording.fr: markup or character reference '<' in plain text; write plain text"),
    Case("link to javascript", '"https://undocs.org/en/S/RES/1373(2001)"}\n    wording',
         '"javascript:alert(1)//"}\n    wording',
         '‸"javascript:', "quotes.link.en 'javascript:alert(1)//' is not an https address; write https://..."),
    Case("link over http", QUOTE_LINK + "\n      - quote", QUOTE_LINK.replace("https", "http", 1) + "\n      - quote",
         '‸"http://undocs', "quotes.link.fr 'http://undocs.org/fr/S/RES/1373(2001)' is not an https address"),
    # ---- meaning: against the document's text
    Case("no such provision", PROVISION, '  - provision: "19"\n', 'provision: ‸"19"',
         "provision 19: no such provision in the document; give its number as in the text"),
    Case("two notes for one provision", "\nnotes:\n", "\nnotes:\n" + PROVISION + SHORT_NOTE,
         'provision: ‸"3"\n    quotes:\n',
         "provision 3: a second note for this provision (first at line 12); put every quotation in one"),
    Case("quote not in the French", "trouver les moyens d'intensifier", "trouver des moyens d'intensifier",
         '‸"trouver des moyens',
         "provision 3: quote 'trouver des moyens d'intensifier et d'accélérer' is not in the fr text; copy its first"),
    # ---- the file as a whole
    Case("YAML syntax", NOTE_WORDING, "   wording:\n", "\n   ‸wording", "correct the YAML syntax here"),
    Case("not a mapping", "", "- notes\n", "‸- notes", "the notes file must be a mapping"),
]  # fmt: skip


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {lang: load_document(SOURCE / f"S-2003-85.{lang}.md", lang, SHAPE, lang) for lang in LANGS}


def assert_names_place(message: str, name: str, case: Case, text: str) -> None:
    line, column = case.place(text)
    assert re.search(rf"(^|\n|\s){re.escape(name)}:{line}:{column}: ", message), (line, column, message)
    assert case.fragment in message, message


def error_of(load: Callable[[], object]) -> str:
    with pytest.raises(SourceError) as error:
        load()
    return str(error.value)


@pytest.mark.parametrize("case", DOC_CASES, ids=[case.name for case in DOC_CASES])
def test_bad_document_yml_is_named_at_its_place(case: Case):
    text = case.mutated(read(DOC))
    assert_names_place(error_of(lambda: parse_identity(text, DOC)), DOC, case, text)


@pytest.mark.parametrize("case", NOTE_CASES, ids=[case.name for case in NOTE_CASES])
def test_bad_notes_yml_is_named_at_its_place(case: Case, docs: dict[str, Document]):
    text = case.mutated(read(NOTES))
    assert_names_place(error_of(lambda: parse_notes(text, NOTES, texts_of(docs))), NOTES, case, text)


def test_an_empty_notes_file_has_no_notes(docs: dict[str, Document]):
    assert parse_notes("# none yet\n", NOTES, texts_of(docs)) == {lang: {} for lang in LANGS}


BUILD_CASES = [(DOC, DOC_CASES[0]), (NOTES, NOTE_CASES[3])]


@pytest.mark.parametrize(("name", "case"), BUILD_CASES, ids=[f"{name} {case.name}" for name, case in BUILD_CASES])
def test_bad_yaml_stops_mkdocs_build(name: str, case: Case, tmp_path: Path):
    root = copy_project(tmp_path)
    text = case.mutated(read(name))
    (root / name).write_text(text, encoding="utf-8")
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert_names_place(result.stderr, name, case, text)
