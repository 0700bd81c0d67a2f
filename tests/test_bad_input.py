"""Bad input stops the build with `file:line[:col]: where: what; how to fix`.

Each case mutates a COPY of the real sources. Every case runs through the loaders the hook
calls (load_sources, then the acronym and register checks: the same code path as
`mkdocs build`, without MkDocs); the cases marked `build` also run a real
`python -m mkdocs build --strict` on a full copy of the project, and assert its exit status.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from edition.enrich.mentions import EnrichError
from edition.site.assemble import checked_text
from edition.site.loading import load_sources
from edition.sources.labels import parse_labels
from edition.sources.parse import SourceError

from tests.conftest import ROOT
from tests.helpers import copy_project

FR = "source/S-2003-85.fr.md"
EN = "source/S-2003-85.en.md"
REG = "source/register.yml"
LAB = "source/labels.yml"
URLS = "source/urls.txt"

Files = dict[str, str]
Edit = Callable[[Files], Files | None]


def read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def replace(name: str, old: str, new: str, count: int = 1) -> Edit:
    def edit(files: Files) -> None:
        assert old in files[name], f"{old!r} is not in {name} any more: update this case"
        files[name] = files[name].replace(old, new, count)

    return edit


def both(old_new: Callable[[str], tuple[str, str]]) -> Edit:
    """The same kind of change in both languages (old and new computed from each text)."""

    def edit(files: Files) -> None:
        for name in (FR, EN):
            old, new = old_new(files[name])
            replace(name, old, new)(files)

    return edit


def block(text: str, ident: str) -> str:
    """The lines of a [block] of a source text, through the blank line that follows it."""
    match = re.search(rf"^\[{re.escape(ident)}\]\n(?:.+\n)*\n", text, re.M)
    assert match, ident
    return match.group()


def nth_indent(text: str, ident: str, n: int) -> str:
    return [line for line in block(text, ident).splitlines(keepends=True) if line.startswith("- ")][n]


def english_labels_line(files: Files) -> int:
    """The line of the English labels, matched whole (label names such as parallel_en: hold "en:")."""
    return files[LAB].splitlines().index("en:") + 1


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


@dataclass
class Case:
    name: str
    edit: Edit
    file: str
    line: int | str | Callable[[Files], int]  # a number, a needle (its line in the mutated file), or computed
    fragment: str
    build: bool = False  # also through a real `mkdocs build`
    env: dict | None = None  # environment for the real build (SITE_URL ...)

    def expected_line(self, files: Files) -> int:
        if callable(self.line):
            return self.line(files)
        if isinstance(self.line, str):
            return line_of(files[self.file], self.line)
        return self.line


def latin1(name: str) -> Edit:
    def edit(files: Files) -> None:
        files[f"{name}:encoding"] = "latin-1"  # the text is written in Latin-1 (write_files)

    return edit


def first_non_ascii_line(name: str) -> Callable[[Files], int]:
    """The first line that Latin-1 writes with a byte UTF-8 cannot read."""

    def line(files: Files) -> int:
        lines = files[name].splitlines()
        return next(n for n, text in enumerate(lines, 1) if not text.encode("latin-1", errors="replace").isascii())

    return line


def nth_line_of(name: str, needle: str, n: int, offset: int = 0) -> Callable[[Files], int]:
    """The line of the n-th (0-based) line holding `needle`, plus offset."""
    return lambda files: [i for i, line in enumerate(files[name].splitlines(), 1) if needle in line][n] + offset


def remove_line(name: str, line: str) -> Edit:
    return replace(name, line + "\n", "")


def remove_lines(name: str, *lines: str) -> Edit:
    def edit(files: Files) -> None:
        for line in lines:
            remove_line(name, line)(files)

    return edit


EN_TITLE_16_3_2 = next(line for line in block(read(EN), "16.3.2").splitlines() if line.startswith("title: "))
FIRST_ENTITY_KIND = "    kind: un-body\n"


def fr_16_4_2_second_indent(files: Files) -> str:
    return nth_indent(files[FR], "16.4.2", 1)


CASES = [
    # ---- French fidelity: the words, in order, of the original
    Case("fr word changed", replace(FR, "condamné sans réserve", "condamné avec réserve"), FR, "condamné avec réserve",
         "expected 'sans', found 'avec'", build=True),
    Case("fr word deleted", replace(FR, "condamné sans réserve", "condamné réserve"), FR, "condamné réserve",
         "expected 'sans', found '(nothing)'"),
    Case("fr word added", replace(FR, "ont condamné sans", "ont fermement condamné sans"), FR, "fermement",
         "found 'fermement'"),
    Case("fr words swapped", replace(FR, "les Etats membres du Conseil", "les membres Etats du Conseil"), FR,
         "les membres Etats du Conseil", "French text differs from the original"),
    Case("fr comma lost", replace(FR, "Le 12 septembre 2001, les", "Le 12 septembre 2001 les"), FR,
         "Le 12 septembre 2001 les", "expected ','"),
    Case("fr letter case changed", replace(FR, "Le 12 septembre 2001, les", "le 12 septembre 2001, les"), FR,
         "le 12 septembre 2001, les", "expected 'Le', found 'le'"),
    Case("fr title word changed", replace(FR, "title: Dimension économique", "title: Dimension financière"), FR,
         "title: Dimension financière", "provision 16.3.2: French text differs"),
    Case("fr indent removed in both languages",
         both(lambda text: (block(text, "16.4.2"), block(text, "16.4.2").replace(nth_indent(text, "16.4.2", 6), ""))),
         FR, lambda files: line_of(files[FR], nth_indent(read(FR), "16.4.2", 5).strip()), "provision 16.4.2: French"),
    Case("fr provision removed in both languages", both(lambda text: (block(text, "16.3.2"), "")), FR, "[16.3.3]",
         "expected '2 Dimension économique"),
    Case("fr extra indent (reported in the French file)",
         lambda files: replace(FR, fr_16_4_2_second_indent(files), fr_16_4_2_second_indent(files) + "- en plus\n")(
             files), FR, "- en plus", "found 'en plus'", build=True),
    Case("fr masthead changed", replace(FR, "distribution: Distr. générale", "distribution: Distr. limitée"), FR,
         "Distr. limitée", "[masthead]: French text differs"),
    # ---- markup: the allow-list, at line and column
    Case("fr words hidden in a span", replace(FR, "condamné sans réserve", 'condamné <span hidden>sans</span> réserve'),
         FR, "<span hidden>", "markup '<span hidden>' is not allowed", build=True),
    Case("fr script in text", replace(FR, "condamné sans réserve", "condamné sans réserve<script>alert(1)</script>"),
         FR, "<script>", "markup '<script>' is not allowed"),
    Case("fr image with onerror", replace(FR, "condamné sans", "condamné <img src=x onerror=alert(1)> sans"), FR,
         "onerror", "markup '<img src=x onerror=alert(1)>' is not allowed"),
    Case("fr link in text", replace(FR, "condamné sans", 'condamné <a href="javascript:alert(1)">sans</a>'), FR,
         "javascript:", "is not allowed"),
    Case("fr comment inside a line", replace(FR, "condamné sans réserve", "condamné <!-- sans --> réserve"), FR,
         "<!-- sans -->", "markup '<!-- sans -->' is not allowed"),
    Case("fr text after a comment", replace(FR, "[part reports]\n", "<!-- note --> p: caché\n[part reports]\n"), FR,
         "<!-- note -->", "text after the end of a comment"),
    Case("comment never closed, both languages", both(lambda text: ("[part reports]\n", "<!--\n[part reports]\n")), FR,
         lambda files: line_of(files[FR], "[part reports]") - 1, "comment never closed", build=True),
    Case("en comment never closed", replace(EN, "[part reports]\n", "<!-- draft\n[part reports]\n"), EN,
         "<!-- draft", "comment never closed"),
    Case("fr superscript not closed", replace(FR, "XXI<sup>e</sup>", "XXI<sup>e"), FR, "XXI<sup>e",
         "<sup> is not closed on this line; add </sup>"),
    Case("fr stray closing tag", replace(FR, "XXI<sup>e</sup>", "XXIe</sup>"), FR, "XXIe</sup>",
         "</sup> closes nothing open here"),
    Case("fr character reference", replace(FR, "condamné sans réserve", "condamné&nbsp;sans réserve"), FR,
         "&nbsp;", "character reference '&nbsp;' is not allowed; write the character itself"),
    Case("en script in provision text", replace(EN, EN_TITLE_16_3_2, EN_TITLE_16_3_2 + "<script>x()</script>"), EN,
         "<script>x()", "markup '<script>' is not allowed"),
    Case("en script in a part title",
         replace(EN, "[part reports]\ntitle: ", "[part reports]\ntitle: <script>x()</script>"), EN, "<script>x()",
         "markup '<script>' is not allowed", build=True),
    Case("en style attribute", replace(EN, EN_TITLE_16_3_2, EN_TITLE_16_3_2 + ' <em style="display:none">x</em>'), EN,
         "style=", "markup '<em style=\"display:none\">' is not allowed"),
    # ---- invisible characters (a reader cannot see them; in the French they would also change a word)
    Case("fr zero-width space", replace(FR, "condamné sans réserve", "condamné sans\u200b réserve"), FR,
         "condamné sans\u200b", "invisible character U+200B (ZERO WIDTH SPACE); remove it"),
    Case("en right-to-left override", replace(EN, EN_TITLE_16_3_2, EN_TITLE_16_3_2 + " \u202eevil"), EN, "\u202e",
         "invisible character U+202E"),
    Case("register soft hyphen", replace(REG, "en: United Nations}", "en: United Na\u00adtions}"), REG, "\u00ad",
         "name.en: invisible character U+00AD (SOFT HYPHEN)"),
    # ---- encoding
    Case("fr file in Latin-1", latin1(FR), FR, first_non_ascii_line(FR), "is not UTF-8; save the file as UTF-8",
         build=True),
    Case("register in Latin-1", latin1(REG), REG, first_non_ascii_line(REG), "is not UTF-8"),
    Case("labels in Latin-1", latin1(LAB), LAB, first_non_ascii_line(LAB), "is not UTF-8"),
    # ---- structure and numbering
    Case("duplicate provision number", both(lambda text: ("[8]\n", "[7]\n")), FR,
         lambda files: line_of(files[FR], "[7]") + 3, "duplicate number (first at line"),
    Case("en number out of sequence", replace(EN, "[16.2.4]\n", "[16.2.9]\n"), EN, "[16.2.9]",
         "provision 16.2.9: fr has provision 16.2.4 here (source/S-2003-85.fr.md:"),
    Case("unreadable line", replace(FR, "[8]\np: ", "[8]\nGrâce "), FR, "Grâce ", "provision 8: cannot read this line"),
    Case("unknown block", lambda files: files.update({EN: files[EN] + "\n[appendix]\np: text\n"}), EN, "[appendix]",
         "[appendix]: unknown block"),
    Case("indent before any paragraph", replace(FR, "[16.4.2]\ntitle:", "[16.4.2]\n- orphelin\ntitle:"), FR,
         "- orphelin", "an indent cannot be placed"),
    Case("provision before any part", both(lambda text: (block(text, "part preamble"), "")), FR, "[1]",
         "provision 1: cannot be placed"),
    Case("unknown key in a provision", replace(EN, "[16.3.2]\n", "[16.3.2]\nq: text\n"), EN, "q: text",
         "unexpected 'q:' here"),
    Case("section without title", both(lambda text: (block(text, "16.3").splitlines(True)[1], "")), FR, "[16.3]",
         "provision 16.3: missing 'title:' line"),
    Case("masthead missing", both(lambda text: (block(text, "masthead"), "")), FR, 1, "[masthead]: block missing"),
    # ---- the shape declared in document.yml (its components and their levels)
    Case("component blocks out of order",
         both(lambda t: (block(t, "letter") + block(t, "annex"), block(t, "annex") + block(t, "letter"))),
         FR, "[letter]", "[letter]: block after [annex]; put the blocks in the order of document.yml's components"),
    Case("provision deeper than the declared levels", both(lambda text: ("[16.3.2]\n", "[16.3.2.1]\n")), FR,
         "[16.3.2.1]", "provision 16.3.2.1: 4 levels of numbering, document.yml declares 3 for [plan]"),
    Case("title-only provision without sub-provisions",
         both(lambda text: (block(text, "16.5.2"), "[16.5.2]\ntitle: T\n\n")),
         FR, "[16.5.2]", "provision 16.5.2: no text ('p:' line) and no sub-provision"),
    # ---- alignment: at the translation's file and line
    Case("provision missing in English only", lambda files: replace(EN, block(files[EN], "16.5.3"), "")(files), EN,
         "[16.5.2]", "provision 16.5.3: missing in en", build=True),
    Case("indent missing in English only",
         lambda files: replace(EN, nth_indent(files[EN], "16.4.2", 8), "")(files), EN, "[16.4.2]",
         "indent 9 (p-16-4-2-i9) missing in en"),
    Case("extra indent in English only",
         lambda files: replace(EN, nth_indent(files[EN], "16.4.2", 1),
                               nth_indent(files[EN], "16.4.2", 1) + "- extra\n")(files), EN, "[16.4.2]",
         "indent 10 (p-16-4-2-i10): no counterpart in fr"),
    Case("extra paragraph in English only", replace(EN, EN_TITLE_16_3_2 + "\n", EN_TITLE_16_3_2 + "\np: More.\n"), EN,
         "[16.3.2]", "paragraph 2 (p-16-3-2-p2): no counterpart in fr"),
    Case("part in English only",
         lambda files: files.update({EN: files[EN] + "\n[part annex-b]\ntitle: B\n\n[19]\np: x\n"}), EN,
         "[part annex-b]", "exists in en only"),
    # ---- register.yml: schema, positions
    Case("register YAML syntax", replace(REG, FIRST_ENTITY_KIND, "    kind: [un-body\n"), REG,
         nth_line_of(REG, "kind: [un-body", 0, 1),
         "correct the YAML syntax", build=True),
    Case("register duplicate key", replace(REG, FIRST_ENTITY_KIND, FIRST_ENTITY_KIND * 2), REG,
         lambda files: line_of(files[REG], "kind: un-body") + 1, "entity un: key 'kind' given twice (first at line",
         build=True),
    Case("register duplicate id (at the second)", replace(REG, "  - id: security-council\n", "  - id: un\n"), REG,
         lambda files: files[REG].splitlines().index("  - id: un", line_of(files[REG], "  - id: un")) + 1,
         "entity un: id given twice (first at line", build=True),
    Case("register entities as a mapping", lambda files: files.update({REG: "entities:\n  un:\n    id: un\n"}), REG, 2,
         "'entities' must be a list", build=True),
    Case("register unknown key", replace(REG, "    kind: un-body\n", "    kind: un-body\n    nmae: x\n"), REG, "nmae:",
         "unknown key 'nmae' in an entity; allowed: id, kind, name"),
    Case("register entity without description",
         lambda files: files.update(
             {REG: re.sub(r"    description:\n      fr: .*\n      en: .*\n", "", files[REG], count=1)}),
         REG, "  - id: un", "entity un: an entity has no 'description'; add it"),
    Case("register name missing in English",
         replace(REG, "name: {fr: Organisation des Nations Unies, en: United Nations}",
                 "name: {fr: Organisation des Nations Unies}"), REG, "name: {fr: Organisation",
         "entity un: name has no 'en'; add it"),
    Case("register unknown kind", replace(REG, FIRST_ENTITY_KIND, "    kind: un-bodies\n"), REG, "un-bodies",
         "kind 'un-bodies' is not one of"),
    Case("register unknown status", replace(REG, "    status: checked\n", "    status: ok\n"), REG, "status: ok",
         "status 'ok' is not one of"),
    Case("register name not text", replace(REG, "{fr: Organisation des Nations Unies, en: United Nations}",
                                           "{fr: Organisation des Nations Unies, en: [United, Nations]}"), REG,
         "en: [United", "name.en must be text"),
    Case("register script in a name", replace(REG, "en: United Nations}", "en: United Nations<script>x()</script>}"),
         REG, "<script>", "name.en: markup or character reference '<' in plain text", build=True),
    Case("register image in a description",
         replace(REG, 'en: "International organization', 'en: "<img src=x onerror=alert(1)>International organization'),
         REG, "onerror", "description.en: markup"),
    Case("register javascript link", replace(REG, 'en: "https://undocs.org/en/S/RES/1373(2001)"',
                                             'en: "javascript:alert(1)"'), REG, "javascript:",
         "link.en 'javascript:alert(1)' is not an http(s) address"),
    Case("register id not a slug", replace(REG, "  - id: un\n", "  - id: UN\n"), REG, "  - id: UN",
         "id must be lowercase letters, digits and hyphens"),
    Case("register stale form",
         replace(REG, "fr: [Conseil OTAN-Russie]", "fr: [Conseil OTAN-Russie, Conseil Russie-OTAN]"), REG,
         "Conseil Russie-OTAN", "entity nrc: form 'Conseil Russie-OTAN' matches nowhere"),
    Case("register not_acronyms as a list", replace(REG, "not_acronyms: {fr: [XXI], en: []}", "not_acronyms: [XXI]"),
         REG, "not_acronyms:", "not_acronyms must be a mapping"),
    Case("register empty", lambda files: files.update({REG: "# nothing\n"}), REG, 1, "the file is empty"),
    # ---- acronyms: digits and accented capitals
    Case("acronym with a digit", replace(EN, EN_TITLE_16_3_2, EN_TITLE_16_3_2 + " G8"), EN, EN_TITLE_16_3_2 + " G8",
         "provision 16.3.2: acronym 'G8' has no glossary entry", build=True),
    Case("acronym with an accented capital", replace(EN, EN_TITLE_16_3_2, EN_TITLE_16_3_2 + " ÉMA"), EN,
         EN_TITLE_16_3_2 + " ÉMA", "acronym 'ÉMA' has no glossary entry"),
    Case("acronym in a part title", replace(EN, "[part reports]\ntitle: ", "[part reports]\ntitle: XYZ "), EN,
         "title: XYZ", "[part reports]: acronym 'XYZ' has no glossary entry"),
    # ---- labels.yml
    Case("label missing in English", remove_line(LAB, "  glossary: Glossary of acronyms"), LAB, english_labels_line,
         "label 'glossary' is missing", build=True),
    Case("label a component names, missing in both languages",
         remove_lines(LAB, "  used_annex: \"Lettre de l'OTAN\"", "  used_annex: NATO letter"), LAB,
         "fr:", "labels fr: label 'used_annex' is missing; the pages need it"),
    Case("label an official version names, missing", remove_line(LAB, "  official_nato: text published by NATO"),
         LAB, english_labels_line, "label 'official_nato' is missing"),
    Case("label in one language only", replace(LAB, "  home: Accueil\n", "  home: Accueil\n  extra_label: x\n"), LAB,
         english_labels_line, "label 'extra_label' is missing in 'en' (it is in 'fr', line"),
    Case("label not text", replace(LAB, "  home: Home\n", "  home: [a, b]\n"), LAB, "home: [a, b]",
         "home must be text"),
    Case("label with markup", replace(LAB, "  home: Home\n", "  home: <b>Home</b>\n"), LAB, "<b>Home",
         "home: markup or character reference '<' in plain text"),
    Case("label link to javascript", replace(LAB, '<a href="https://undocs.org/en/S/2003/85">S/2003/85, English',
                                             '<a href="javascript:alert(1)">S/2003/85, English'), LAB,
         nth_line_of(LAB, "translation_note: >-", 1),
         "markup '<a href=\"javascript:alert(1)\">' is not allowed"),
    Case("label given twice", replace(LAB, "  home: Home\n", "  home: Home\n  home: Start\n"), LAB, "home: Start",
         "key 'home' given twice"),
    Case("label kind missing", remove_line(LAB, "    person: Persons"), LAB, nth_line_of(LAB, "  kinds:", 1, 1),
         "kinds has no 'person'"),
    Case("labels YAML syntax", replace(LAB, "  home: Home\n", "  home: Home\n home2: x\n"), LAB, "home2",
         "correct the YAML syntax"),
    Case("labels language missing", lambda files: files.update({LAB: files[LAB].split("\nen:\n")[0] + "\n"}), LAB, 3,
         "the labels file has no 'en'"),
]  # fmt: skip


def write_files(root: Path, files: Files) -> None:
    for name, text in files.items():
        if name.endswith(":encoding"):
            continue
        (root / name).write_bytes(text.encode(files.get(f"{name}:encoding", "utf-8"), errors="replace"))


def mutated(case: Case) -> tuple[Files, Files]:
    names = (FR, EN, REG, LAB, URLS)
    original = {name: read(name) for name in names}
    files = dict(original)
    case.edit(files)
    assert files != original, "the mutation changed nothing"
    return original, files


def error_of(root: Path) -> str:
    """The message the hook would show: load and check the sources as build_edition does."""
    with pytest.raises((SourceError, EnrichError)) as error:
        checked_text(load_sources(root / "source", root))
    return str(error.value)


def assert_names_place(message: str, case: Case, files: Files) -> None:
    line = case.expected_line(files)
    assert re.search(rf"(^|\n|\s){re.escape(case.file)}:{line}(:\d+)?: ", message), (line, message)
    assert case.fragment in message, message


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_named_at_its_place(case: Case, tmp_path: Path):
    _, files = mutated(case)
    shutil.copytree(ROOT / "source", tmp_path / "source")
    write_files(tmp_path, files)
    assert_names_place(error_of(tmp_path), case, files)


def mkdocs_build(root: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "EDITION_PUBLISH")}
    environment |= {"NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "site")]
    return subprocess.run(command, cwd=root, env=environment, capture_output=True, text=True, check=False)


BUILD_CASES = [case for case in CASES if case.build]


# ---- only a real build can see these: the configuration, the pages it makes


@pytest.mark.slow  # a real mkdocs build of a copy
@pytest.mark.parametrize(
    ("env", "fragment"),
    [
        ({"SITE_URL": ""}, "mkdocs.yml:3: site_url: SITE_URL is empty"),
        ({"SITE_URL": "https://example.org/s/?lang=fr"}, "has a query or fragment"),
        ({"SITE_URL": "https://example.org/s/#top"}, "has a query or fragment"),
        ({"SITE_URL": 'https://example.org/"onload="x'}, "which an address cannot hold"),
        ({"EDITION_PUBLISH": "1"}, "SITE_URL is the placeholder https://s-2003-85.example.org/"),
    ],
    ids=["empty", "query", "fragment", "quote", "placeholder-when-publishing"],
)
def test_bad_site_url_is_a_configuration_error(env: dict, fragment: str, tmp_path: Path):
    result = mkdocs_build(copy_project(tmp_path), env)
    assert result.returncode != 0
    assert fragment in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr


def test_a_bom_is_accepted(tmp_path: Path):
    shutil.copytree(ROOT / "source", tmp_path / "source")
    for name in (FR, EN, REG, LAB):
        path = tmp_path / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    checked_text(load_sources(tmp_path / "source", tmp_path))


def test_labels_schema_reads_the_real_file():
    labels = parse_labels(read(LAB), LAB)
    assert set(labels["fr"]) == set(labels["en"])
    assert 'href="https://undocs.org/en/S/2003/85"' in labels["en"]["translation_note"]


def test_there_are_enough_cases():
    assert len(CASES) >= 60 and 12 <= len(BUILD_CASES) <= 16


def test_the_built_french_is_checked_against_the_original(site: Path):
    """The build's last check (hooks/pages.py): a rendering step that loses or adds a word is caught."""
    from edition.checks.fidelity import check_published_page

    page = (site / "full-text" / "index.html").read_text(encoding="utf-8")
    original = read("source/S-2003-85.fr.original.md")
    check_published_page(page, "full-text/index.html", original, "original")
    assert "condamné sans réserve" in page
    for changed in (
        page.replace("condamné sans réserve", "condamné réserve", 1),
        page.replace("</article>", "mot</article>"),
    ):
        with pytest.raises(ValueError, match=r"full-text/index\.html: the published French differs from original"):
            check_published_page(changed, "full-text/index.html", original, "original")


@pytest.mark.slow  # a real mkdocs build of a copy
def test_a_hand_written_page_in_latin_1_is_named(tmp_path: Path):
    from edition.site.assemble import assemble_docs, render_edition

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    text = (docs / "about.fr.md").read_text(encoding="utf-8")
    (docs / "about.fr.md").write_bytes(text.encode("latin-1", errors="replace"))
    edition = render_edition(load_sources(ROOT / "source", ROOT), "https://example.org/")
    with pytest.raises(SourceError, match=r"^docs/about\.fr\.md:\d+:\d+: encoding: byte 0x[0-9a-f]{2} is not UTF-8"):
        assemble_docs(docs, edition, tmp_path / "build")


@pytest.mark.parametrize(
    ("value", "publish", "accepted"),
    [
        ("https://s-2003-85.example.org/", False, True),  # mkdocs build, make test: the placeholder is fine
        ("http://127.0.0.1:8000/", False, True),  # mkdocs serve
        ("https://example.org/s-2003-85/", True, True),
        ("https://s-2003-85.example.org/", True, False),  # a publication build needs the real address
        ("", False, False),
        (None, False, False),
        ("example.org/s/", False, False),
        ("ftp://example.org/", False, False),
        ("https://example.org/s/?a=1", False, False),
        ("https://example.org/s/#x", False, False),
        ("https://example.org/a b/", False, False),
    ],
)
def test_site_url_rules(value: str | None, publish: bool, accepted: bool):
    from edition.checks.site_url import check_site_url

    if accepted:
        assert check_site_url(value, publish) == value
    else:
        with pytest.raises(ValueError, match="SITE_URL"):
            check_site_url(value, publish)


def test_a_missing_source_file_is_named(tmp_path: Path):
    shutil.copytree(ROOT / "source", tmp_path / "source")
    (tmp_path / LAB).unlink()
    assert error_of(tmp_path).startswith("source/labels.yml:1: file: missing")
