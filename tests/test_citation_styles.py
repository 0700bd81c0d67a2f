"""The formatted output is the test: the BibTeX, RIS and CSL-JSON of every citable page, in both
languages, read by citation-js (the converter reference managers embed) and formatted by it and by
citeproc-py in APA 7, Chicago 17 author-date, Chicago 17 notes-bibliography, OSCOLA and the Guide
McGill (French). The styles and locales are vendored in tests/csl/ (CC BY-SA 3.0, see its README).

Each reference must be the same from each file, in each style; start with the issuing body; give
the UN symbol, the page's URL and a readable pinpoint ("para. 16.3.2", "par. 16.3.2", McGill's
"au para 16.3.2"), never title-cased into the title; repeat no word ("United Nations. United
Nations"); and, on English pages, say in every style that the text is this edition's translation.
A file that does not parse, or a style that fails to format an item, fails the test naming the
page, the file and the style."""

from __future__ import annotations

import json
import re
import subprocess
from functools import cache
from pathlib import Path

import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from tests.conftest import SITE_URL

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
CSL = ROOT / "tests" / "csl"
STYLES = (
    "apa",
    "chicago-author-date-17th-edition",
    "chicago-notes-bibliography-17th-edition",
    "oscola",
    "mcgill-fr",
)
LOCALES = ("en-US", "en-GB", "fr-CA", "fr-FR")
EXTENSIONS = ("bib", "ris", "json")
ISSUER = {"fr": "Conseil de sécurité des Nations Unies", "en": "United Nations Security Council"}
TRANSLATION_MARK = "[english translation, the s/2003/85 reference edition, version"
# A word or a run of up to three words given twice in a row ("United Nations. United Nations").
REPEATED = re.compile(r"\b((?:\w[\w'’-]*\s+){0,2}\w[\w'’-]{2,})\b[\s.,;:]+\1\b", re.IGNORECASE)


def citable_pages(site: Path) -> list[tuple[str, Path]]:
    """(language, folder) of every page with citation downloads."""
    out = []
    for bib in sorted(site.rglob("*.bib")):
        lang = "en" if bib.relative_to(site).parts[0] == "en" else "fr"
        out.append((lang, bib.parent))
    return out


# citeproc-py takes about a second to format one item in the five styles: it formats one page of
# each kind (a letter, the annex, the Plan, a part, a paragraph, a section, a sub-paragraph) in
# both languages; citation-js formats every page.
ONE_OF_EACH_KIND = {"letter", "annex", "plan", "preamble", "9", "16-3", "16-3-2"}


def one_of_each_kind(pages: list[tuple[str, Path]]) -> list[tuple[str, Path]]:
    chosen = [(lang, folder) for lang, folder in pages if folder.name in ONE_OF_EACH_KIND]
    assert len(chosen) == 2 * len(ONE_OF_EACH_KIND), [folder.name for _, folder in chosen]
    return chosen


def page_url(site: Path, folder: Path) -> str:
    return f"{SITE_URL}/{folder.relative_to(site).as_posix()}/".replace(f"{SITE_URL}//", f"{SITE_URL}/")


@pytest.fixture(scope="module")
def converted(site: Path) -> dict[str, dict]:
    """citation-js's reading and formatting of every download: file -> {"items", "styles"}."""
    files = [str(path) for _, folder in citable_pages(site) for path in sorted(folder.glob("s-2003-85-*.*"))]
    request = {
        "styles": {name: str(CSL / f"{name}.csl") for name in STYLES},
        "locales": {code: str(CSL / f"locales-{code}.xml") for code in LOCALES},
        "files": files,
    }
    run = subprocess.run(
        ["node", str(ROOT / "tests" / "citation_js.cjs")],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@cache
def style(name: str) -> CitationStylesStyle:
    return CitationStylesStyle(str(CSL / f"{name}.csl"), validate=False)


def citeproc_py(item: dict, name: str) -> tuple[str, str]:
    """(bibliography entry, citation) of one CSL item in one style, by citeproc-py."""
    item = {key: value for key, value in item.items() if not key.startswith("_")}
    bibliography = CitationStylesBibliography(style(name), CiteProcJSON([item]), formatter.plain)
    citation = Citation([CitationItem(item["id"])])
    bibliography.register(citation)
    cited = str(bibliography.cite(citation, lambda _: None))
    return str(bibliography.bibliography()[0]), cited


def problems_of(text: str, lang: str, url: str, pinpoint: str, style_name: str) -> list[str]:
    """What is wrong with one formatted reference (bibliography entry and citation together)."""
    out = []
    entry, cited = text
    whole = f"{entry} {cited}"
    if not entry.startswith(ISSUER[lang]):
        out.append(f"does not start with the issuing body: {entry!r}")
    if "S/2003/85" not in whole:
        out.append("no UN symbol")
    if url not in whole:
        out.append(f"no URL {url}")
    if pinpoint and not re.search(pinpoint, whole):
        out.append(f"no readable pinpoint /{pinpoint}/: {entry!r}")
    if re.search(r"\bPara?\. \d", whole):
        out.append(f"pinpoint title-cased: {entry!r}")
    repeated = REPEATED.search(whole)
    if repeated:
        out.append(f"repeated word {repeated.group(0)!r}: {whole!r}")
    if lang == "en" and TRANSLATION_MARK not in entry.lower():
        out.append(f"no statement that the text is this edition's translation: {entry!r}")
    return [f"{style_name}: {problem}" for problem in out]


def pinpoint_of(folder: Path) -> str:
    """The pattern a provision's pinpoint must match ("para. 16.3.2", "par. 16.3.2", "au para 16.3.2")."""
    match = re.fullmatch(r"\d+(-\d+)*", folder.name)
    if not match or folder.parent.name != "plan":
        return ""
    return rf"\b(para?\.|au para) {re.escape(folder.name.replace('-', '.'))}\b"


def test_every_citable_page_has_its_three_files(site: Path):
    pages = citable_pages(site)
    assert len(pages) == 2 * (3 + 5 + 47)  # components, parts, provisions, in both languages
    for _, folder in pages:
        assert {path.suffix for path in folder.glob("s-2003-85-*.*")} == {".bib", ".ris", ".json"}, folder


def test_the_three_files_give_the_same_reference_in_every_style(site: Path, converted: dict):
    problems = []
    for _, folder in citable_pages(site):
        outputs = {}
        for ext in EXTENSIONS:
            [path] = folder.glob(f"s-2003-85-*.{ext}")
            result = converted[str(path)]
            if "error" in result:
                problems.append(f"{path.relative_to(site)}: citation-js cannot read it: {result['error']}")
                continue
            for name, formatted in result["styles"].items():
                if "error" in formatted:
                    problems.append(f"{path.relative_to(site)}: {name} fails: {formatted['error']}")
                else:
                    outputs.setdefault(name, {})[ext] = (formatted["bibliography"], formatted["citation"])
        for name, by_file in outputs.items():
            if len(set(by_file.values())) != 1:
                problems.append(f"{folder.relative_to(site)}: {name}: the files differ: {json.dumps(by_file)}")
    assert not problems, "\n".join(problems[:20])


def test_citation_js_formats_a_complete_reference_in_every_style(site: Path, converted: dict):
    problems = []
    for lang, folder in citable_pages(site):
        [path] = folder.glob("s-2003-85-*.json")
        url, pinpoint = page_url(site, folder), pinpoint_of(folder)
        for name, formatted in converted[str(path)]["styles"].items():
            text = (formatted["bibliography"], formatted["citation"])
            problems += [f"{folder.relative_to(site)}: {p}" for p in problems_of(text, lang, url, pinpoint, name)]
    assert not problems, "\n".join(problems[:20])


def test_citeproc_py_formats_the_three_files_alike_in_every_style(site: Path, converted: dict):
    """citeproc-py reads the CSL-JSON as published, and the BibTeX and RIS as citation-js converts
    them: the same reference from each, complete, in every style."""
    problems = []
    for lang, folder in one_of_each_kind(citable_pages(site)):
        url, pinpoint = page_url(site, folder), pinpoint_of(folder)
        items = {}
        for ext in EXTENSIONS:
            [path] = folder.glob(f"s-2003-85-*.{ext}")
            items[ext] = json.loads(path.read_text("utf-8"))[0] if ext == "json" else converted[str(path)]["items"][0]
        for name in STYLES:
            formatted = {}
            for ext, item in items.items():
                try:
                    formatted[ext] = citeproc_py({**item, "id": "item"}, name)
                except Exception as error:
                    problems.append(f"{folder.relative_to(site)}: {ext}: {name} fails: {error!r}")
            if len(set(formatted.values())) > 1:
                problems.append(f"{folder.relative_to(site)}: {name}: the files differ: {json.dumps(formatted)}")
            if "json" in formatted:
                found = problems_of(formatted["json"], lang, url, pinpoint, name)
                problems += [f"{folder.relative_to(site)}: {p}" for p in found]
    assert not problems, "\n".join(problems[:20])


def test_no_citation_field_is_empty(site: Path):
    """Every field the reference carries has a value, named with its page when it has none."""
    problems = []
    for _, folder in citable_pages(site):
        [path] = folder.glob("s-2003-85-*.json")
        [item] = json.loads(path.read_text("utf-8"))
        for key in ("title", "author", "genre", "number", "issued", "language", "URL", "note"):
            if not item.get(key):
                problems.append(f"{folder.relative_to(site)}: CSL field '{key}' is empty")
    assert not problems, "\n".join(problems)


def test_the_checks_fail_on_a_broken_reference():
    """The checks can fail: a pinpoint title-cased, a repeated body, a lost translation mark."""
    url = f"{SITE_URL}/en/plan/16-3-2/"
    pinpoint = r"\b(para?\.|au para) 16\.3\.2\b"
    good = (f"United Nations Security Council. Plan [English translation, The S/2003/85 reference edition, "
            f"version 1.0]. UN Doc. S/2003/85, annex, enclosure, para. 16.3.2. {url}", "")  # fmt: skip
    assert problems_of(good, "en", url, pinpoint, "x") == []
    broken = (f"United Nations. United Nations Security Council. Plan, Para. 16.3.2. S/2003/85 {url}", "")
    found = " ".join(problems_of(broken, "en", url, pinpoint, "x"))
    assert "does not start" in found and "title-cased" in found and "repeated" in found and "translation" in found
