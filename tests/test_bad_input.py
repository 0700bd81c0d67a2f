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
DOC = "source/document.yml"
NOTES = "source/notes.yml"

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
    """The line holding the needle, lines ending at line feeds only (as an editor and the build count)."""
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


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


def insert(name: str, after: str, text: str) -> Edit:
    """`text` put right after the first `after` of a file."""
    return replace(name, after, after + text)


def alias_bomb(files: Files) -> None:
    """A billion laughs whose last alias is a mapping key: its repr would expand it all."""
    levels = ["lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"lol{n}: &lol{n} [{', '.join([f'*lol{n - 1}'] * 9)}]" for n in range(1, 10)]
    files[REG] = "\n".join(levels) + "\n? *lol9\n: boom\n" + files[REG]


def nested(depth: int) -> Edit:
    def edit(files: Files) -> None:
        files[NOTES] = "".join("  " * n + f"k{n}:\n" for n in range(depth)) + "  " * depth + "x: y\n"

    return edit


def oversized(files: Files) -> None:
    files[REG] = files[REG] + ("# " + "x" * 98 + "\n") * 10_001


EN_TITLE_16_3_2 = next(line for line in block(read(EN), "16.3.2").splitlines() if line.startswith("title: "))
FIRST_ENTITY_KIND = "    kind: un-body\n"


def fr_16_4_2_second_indent(files: Files) -> str:
    return nth_indent(files[FR], "16.4.2", 1)


CASES = [
    # ---- fidelity per division: each unit (paragraph, indent, title, number) holds its own words
    Case("fr sentence moved between letter paragraphs",
         replace(FR, "(voir annexe).\np: Je vous serais", "(voir annexe). Je vous serais\np:"), FR,
         "(voir annexe). Je vous serais", "[letter]: this text runs on across a division of the original", build=True),
    Case("fr words moved between Prague decisions",
         replace(FR, "au plus tard en octobre 2006;\n- Rationaliser", "au plus tard en octobre\n- 2006; Rationaliser"),
         FR, "- 2006; Rationaliser", "[annex]: this text begins at '2006 ; Rationaliser"),
    Case("fr words moved from a text into its title",
         replace(FR, "title: Partage d'informations.\np: Les Etats du CPEA intensifieront",
                 "title: Partage d'informations. Les\np: Etats du CPEA intensifieront"), FR,
         "title: Partage d'informations. Les", "provision 16.1.2: this text runs on"),
    Case("fr words moved from a title into its text",
         replace(FR, "title: Dimension économique.\np: Les Etats", "title: Dimension\np: économique. Les Etats"), FR,
         "p: économique. Les Etats", "move the words back to the paragraph, indent or title they belong to"),
    Case("fr paragraph split in two (named in French, not as missing English)",
         replace(FR, "p: Je vous serais reconnaissant de bien", "p: Je vous serais\np: reconnaissant de bien"), FR,
         "p: reconnaissant", "[letter]: this text begins at 'reconnaissant"),
    Case("fr two paragraphs merged", replace(FR, "(voir annexe).\np: Je vous", "(voir annexe). Je vous"), FR,
         "(voir annexe). Je vous", "runs on across a division of the original (source/S-2003-85.fr.original.md:18)"),
    Case("fr indent merged into the paragraph above",
         replace(FR, "ont notamment décidé de :\n- Créer", "ont notamment décidé de : Créer"), FR,
         "décidé de : Créer", "the original begins a new paragraph, indent or title at 'Créer"),
    Case("fr indent split at the page break the original repaired",
         replace(FR, "Les capacités nécessaires pour les missions", "Les capacités nécessaires pour les\n- missions"),
         FR, "- missions de l'OTAN", "[annex]: this text begins at 'missions de l ' OTAN"),
    Case("fr masthead word moved from the distribution to the date",
         replace(FR, "distribution: Distr. générale\ndate: 24", "distribution: Distr.\ndate: générale 24"), FR,
         "date: générale 24", "[masthead]: this text begins at 'générale 24"),
    Case("fr signature takes the paragraph's last words",
         replace(FR, "(voir pièce jointe) à l'attention des membres du Conseil de sécurité.\nsignature: (Signé)",
                 "(voir pièce jointe) à l'attention des membres du Conseil de\nsignature: sécurité. (Signé)"),
         FR, "signature: sécurité. (Signé)", "this text begins at 'sécurité . ( Signé"),
    Case("fr sentence moved to the next provision",
         lambda files: replace(FR, "veiller à leur mise en œuvre effective.\n\n[8]\np: Grâce",
                               "veiller à leur mise en œuvre\n\n[8]\np: effective. Grâce")(files), FR,
         "[8]", "provision 8: French text differs from the original"),
    # ---- characters: an allow-list, the refused one named, at its real line
    Case("fr line separator inside a line", replace(FR, "condamné sans réserve", "condamné sans\u2028réserve"), FR,
         "condamné sans\u2028", "character: invisible character U+2028 (LINE SEPARATOR); remove it"),
    Case("fr paragraph separator in a comment", insert(FR, "[part reports]\n", "<!-- note\u2029 -->\n"), FR,
         "<!-- note", "invisible character U+2029 (PARAGRAPH SEPARATOR)"),
    Case("fr form feed inside a line", replace(FR, "condamné sans réserve", "condamné sans\x0créserve"), FR,
         "condamné sans\x0c", "invisible character U+000C (control character)"),
    Case("fr noncharacter U+FFFF", replace(FR, "condamné sans réserve", "condamné sans\uffff réserve"), FR,
         "\uffff", "invisible character U+FFFF (noncharacter); remove it", build=True),
    Case("en noncharacter U+FDD0", replace(EN, EN_TITLE_16_3_2, EN_TITLE_16_3_2 + " \ufdd0"), EN, "\ufdd0",
         "U+FDD0 (noncharacter)"),
    Case("en lone carriage return", replace(EN, EN_TITLE_16_3_2, EN_TITLE_16_3_2 + "\rx"), EN, EN_TITLE_16_3_2,
         "U+000D (control character)"),
    Case("en Hangul filler", replace(EN, EN_TITLE_16_3_2, EN_TITLE_16_3_2 + " \u3164"), EN, "\u3164",
         "provision 16.3.2: invisible character U+3164 (HANGUL FILLER); remove it"),
    Case("en Braille blank", replace(EN, EN_TITLE_16_3_2, EN_TITLE_16_3_2 + " \u2800x"), EN, "\u2800",
         "invisible character U+2800 (BRAILLE PATTERN BLANK)"),
    Case("en ideographic space", replace(EN, EN_TITLE_16_3_2, EN_TITLE_16_3_2 + "\u3000x"), EN, "\u3000",
         "invisible character U+3000 (IDEOGRAPHIC SPACE)"),
    Case("en variation selector", replace(EN, EN_TITLE_16_3_2, EN_TITLE_16_3_2 + "x\ufe0f"), EN, "\ufe0f",
         "invisible character U+FE0F (VARIATION SELECTOR-16)"),
    Case("en combining grapheme joiner", replace(EN, EN_TITLE_16_3_2, EN_TITLE_16_3_2 + "x\u034f"), EN, "\u034f",
         "U+034F (COMBINING GRAPHEME JOINER)"),
    Case("en private use character", replace(EN, EN_TITLE_16_3_2, EN_TITLE_16_3_2 + " \ue000"), EN, "\ue000",
         "invisible character U+E000 (private use)"),
    Case("en fullwidth letter", replace(EN, EN_TITLE_16_3_2, EN_TITLE_16_3_2 + " \uff21"), EN, "\uff21",
         "U+FF21 (FULLWIDTH LATIN CAPITAL LETTER A) looks like an ordinary one"),
    Case("en Roman numeral sign", replace(EN, EN_TITLE_16_3_2, EN_TITLE_16_3_2 + " \u216b"), EN, "\u216b",
         "U+216B (ROMAN NUMERAL TWELVE) looks like an ordinary one and is not allowed; write the ordinary letter"),
    Case("register Cyrillic look-alike", replace(REG, "en: United Nations}", "en: United N\u0430tions}"), REG, "\u0430",
         "entity un: name.en: character U+0430 (CYRILLIC SMALL LETTER A) is outside the Latin script"),
    Case("register next-line character (a YAML line break)",
         replace(REG, "en: United Nations}", "en: United\x85Nations}"), REG, "\x85", "invisible character U+0085"),
    Case("labels line separator", replace(LAB, "  home: Home\n", "  home: Ho\u2028me\n"), LAB, "Ho\u2028",
         "invisible character U+2028 (LINE SEPARATOR)"),
    Case("labels Hangul filler", replace(LAB, "  home: Home\n", "  home: Home\u3164\n"), LAB, "Home\u3164",
         "label en.home: home: invisible character U+3164 (HANGUL FILLER)"),
    Case("document.yml ideographic space", replace(DOC, "genre: Security Council document",
                                                  "genre: Security\u3000Council document"), DOC, "genre:",
         "invisible character U+3000"),
    Case("notes.yml zero-width joiner", replace(NOTES, 'quote: {fr: "trouver', 'quote: {fr: "\u200dtrouver'), NOTES,
         "\u200d", "invisible character U+200D (ZERO WIDTH JOINER)"),
    # ---- line numbers: lines end at line feeds only
    Case("en error after a line separator is named at its real line",
         lambda files: files.update({EN: files[EN].replace("<!-- S/2003/85", "<!-- S/2003/85\u2028", 1)}), EN, 1,
         "U+2028 (LINE SEPARATOR)"),
    Case("en unknown key in a file with CRLF line ends",
         lambda files: files.update({EN: files[EN].replace("[16.3.2]\n", "[16.3.2]\nq: text\n").replace("\n", "\r\n")}),
         EN, "q: text", "provision 16.3.2: unexpected 'q:' here"),
    # ---- YAML: bounded in time and memory, named at its line
    Case("register alias bomb in a mapping key", alias_bomb, REG, 2,
         "alias '*lol0': aliases are not allowed in the edition's files; write the value out", build=True),
    Case("labels alias", replace(LAB, "  home: Home\n", "  home: &h Home\n  contents2: *h\n"), LAB, "*h",
         "alias '*h': aliases are not allowed"),
    Case("document.yml alias", replace(DOC, "publisher: United Nations", "publisher: &p United Nations\nx: *p"), DOC,
         "x: *p", "alias '*p'"),
    Case("notes nested too deep", nested(50), NOTES, 41, "nested more than 40 levels deep"),
    Case("labels key that is a list", replace(LAB, "  home: Home\n", "  ? [a, b]\n  : Home\n"), LAB, "? [a, b]",
         "a key of the labels of 'en' is a list; write the key as text"),
    Case("register too large", oversized, REG, 1, "more than 1,000,000; a file of the edition is a few kilobytes"),
    # ---- the register: acronyms
    Case("register duplicate acronym", replace(REG, "acronym: {fr: OTAN, en: NATO}", "acronym: {fr: ONU, en: NATO}"),
         REG, "acronym: {fr: ONU, en: NATO}", "entity nato: acronym.fr 'ONU' is already entity un's (line"),
    Case("register acronym as a pattern", replace(REG, "acronym: {fr: ONU, en: UN}", "acronym: {fr: ONU, en: U.*}"),
         REG, "en: U.*", "acronym.en 'U.*' is not an acronym: write its letters"),
    Case("register acronym alternation", replace(REG, "acronym: {fr: ONU, en: UN}", "acronym: {fr: ONU, en: UN|NATO}"),
         REG, "UN|NATO", "is not an acronym"),
    Case("register acronym in lower case", replace(REG, "acronym: {fr: ONU, en: UN}", "acronym: {fr: onu, en: UN}"),
         REG, "fr: onu", "acronym.fr 'onu' is not an acronym"),
    # ---- paths from document.yml: inside the site, never where a page or another output is
    Case("export leaving the site", replace(DOC, "json: data/s-2003-85.json", "json: ../outside.json"), DOC,
         "json: ../", "exports.json must be a path inside the site"),
    Case("export with an absolute path", replace(DOC, "json: data/s-2003-85.json", "json: /tmp/x.json"), DOC,
         "json: /tmp", "must be a path inside the site"),
    Case("export onto a page", replace(DOC, "json: data/s-2003-85.json", "json: plan/index.html"), DOC,
         "json: plan/index.html", "must be a path inside the site: lowercase words separated by '/', ending in .json"),
    Case("export of the wrong kind", replace(DOC, "anchors: data/s-2003-85.anchors.json",
                                             "anchors: data/s-2003-85.anchors.xml"), DOC, "anchors: data",
         "exports.anchors 'data/s-2003-85.anchors.xml' must end in .json; rename it"),
    Case("export onto another export", replace(DOC, "anchors: data/s-2003-85.anchors.json",
                                               "anchors: data/s-2003-85.json"), DOC, "anchors: data",
         "exports.anchors 'data/s-2003-85.json' is the path of exports.json; give each export its own file"),
    Case("export onto the search index", replace(DOC, "json: data/s-2003-85.json", "json: search/search_index.json"),
         DOC, "json: search/", "is where the site writes its own files"),
    Case("export in a language's folder", replace(DOC, "json: data/s-2003-85.json", "json: en/data.json"), DOC,
         "json: en/", "is where the site writes its own files"),
    Case("akn export without its language code", replace(DOC, "akn: data/s-2003-85.{code}.akn.xml",
                                                         "akn: data/s-2003-85.akn.xml"), DOC, "akn: data",
         "exports.akn 'data/s-2003-85.akn.xml' must hold {code} (one file per language)"),
    # ---- strings the theme writes unescaped
    Case("site name with a double quote",
         replace(LAB, '  site_name: "S/2003/85 — Partnership Action Plan against Terrorism"',
                 "  site_name: 'S/2003/85 \"onmouseover=\"x'"), LAB,
         "onmouseover", "label en.site_name: site_name holds '\"', which MkDocs' theme writes unescaped", build=True),
    Case("site description with a double quote",
         replace(LAB, '  site_description: "Reference edition of Security Council document S/2003/85, in French and '
                 'English."', "  site_description: '\"Reference edition'"), LAB,
         "site_description: '", "write typographic quotes"),
    Case("copyright with markup",
         replace(LAB, '  copyright: "Text of the document', '  copyright: "<b>Text</b> of the document'), LAB,
         "copyright: \"<b>", "copyright: markup or character reference '<' in plain text"),
    # ---- the original named by document.yml: its errors there
    Case("original names a source", replace(DOC, "original: S-2003-85.fr.original.md", "original: S-2003-85.fr.md"),
         DOC, "original: S-2003-85.fr.md", "document: original: 'S-2003-85.fr.md' is a source; name the official text"),
    Case("original missing", replace(DOC, "original: S-2003-85.fr.original.md", "original: S-2003-85.original.md"),
         DOC, "original: S-2003-85.original.md", "original: 'S-2003-85.original.md' does not exist"),
    Case("original is another file", replace(DOC, "original: S-2003-85.fr.original.md", "original: facts.md"), DOC,
         "original: facts.md", "holds less than half of the French text's words"),
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
    names = (FR, EN, REG, LAB, URLS, DOC, NOTES)
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
    assert len(CASES) >= 120 and 12 <= len(BUILD_CASES) <= 19


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
