"""Bad input stops a real `python -m mkdocs build --strict` of a copy of the project, with the
message the loaders give (tests/test_bad_input.py holds the cases and checks them without
MkDocs). A module of its own: the test workers each run whole modules, and these builds, the
longest of the bad-input tests, then run beside the rest."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import copy_project
from tests.test_bad_input import (
    BUILD_CASES,
    URLS,
    Case,
    assert_names_place,
    line_of,
    mkdocs_build,
    mutated,
    write_files,
)


@pytest.mark.slow  # a real mkdocs build of a copy
@pytest.mark.parametrize("case", BUILD_CASES, ids=[case.name for case in BUILD_CASES])
def test_bad_input_stops_mkdocs_build(case: Case, tmp_path: Path):
    _, files = mutated(case)
    root = copy_project(tmp_path)
    write_files(root, files)
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert_names_place(result.stderr, case, files)


@pytest.mark.slow  # a real mkdocs build of a copy
def test_lost_and_new_urls_are_each_named_the_right_way_round(tmp_path: Path):
    root = copy_project(tmp_path)
    frozen = (root / URLS).read_text(encoding="utf-8")
    assert "/plan/16-3-2/\n" in frozen
    changed = frozen.replace("/plan/16-3-2/\n", "").replace("/plan/16-3-1/\n", "/plan/16-3-1/\n/plan/16-3-9/\n")
    (root / URLS).write_text(changed, encoding="utf-8")
    result = mkdocs_build(root)
    assert result.returncode != 0
    lost = line_of(changed, "/plan/16-3-9/")
    assert f"source/urls.txt:{lost}: /plan/16-3-9/: published URL lost" in result.stderr, result.stderr[-2000:]
    assert "/plan/16-3-2/: new URL not in source/urls.txt" in result.stderr
    assert "python scripts/freeze_urls.py" in result.stderr
    assert "/plan/16-3-9/: new URL" not in result.stderr and "/plan/16-3-2/: published URL lost" not in result.stderr


# ---- bad input only a real build meets: hand-written pages, the configuration, the templates,
# the frozen URL list. One row per case: what is changed in a copy of the project, the exit status,
# the file and line named, the fix the message gives, and, for markup, the text that must not be
# published live.


@dataclass
class BuildCase:
    name: str
    edit: Callable[[Path], None]  # changes the copy of the project
    file: str
    line: int | str  # a number, or a needle: its line in the changed file
    fragment: str  # the message after `file:line[:col]: `, the fix included
    live: str = ""  # for markup: text that must reach no built file
    env: dict | None = None
    status: int = 1  # mkdocs build's exit status


def append(name: str, text: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / name
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return edit


def replaced(name: str, old: str, new: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {name} any more: update this case"
        path.write_bytes(text.replace(old, new, 1).encode(encoding))

    return edit


ABOUT = "docs/about.fr.md"
BUILD_ONLY = [
    BuildCase("hand-written script", append(ABOUT, "\n<script>alert('hbi-script')</script>\n"), ABOUT, "<script>",
              "hand-written page: markup <script> is not allowed; write Markdown", live="hbi-script"),
    BuildCase("hand-written event handler by attr_list", append(ABOUT, "\n## Plus {onclick=\"alert('hbi-attr')\"}\n"),
              ABOUT, "onclick", "attribute 'onclick' on <h2> is not allowed", live="hbi-attr"),
    BuildCase("hand-written javascript link", append(ABOUT, "\n[lien](javascript:alert('hbi-js'))\n"), ABOUT,
              "javascript:", "address 'javascript:alert(", live="hbi-js"),
    BuildCase("hand-written data link", append(ABOUT, "\n[lien](data:text/html,hbi-data)\n"), ABOUT, "data:",
              "address 'data:text/html,hbi-data' is not allowed; link to an http(s) or mailto address",
              live="hbi-data"),
    BuildCase("hand-written frame", append(ABOUT, '\n<iframe src="https://hbi-frame.example/"></iframe>\n'), ABOUT,
              "<iframe", "markup <iframe> is not allowed", live="hbi-frame"),
    BuildCase("hand-written image with onerror", append(ABOUT, '\n<img src="x" onerror="hbi-img()">\n'), ABOUT,
              "<img", "markup <img> is not allowed", live="hbi-img"),
    BuildCase("hand-written style attribute", append(ABOUT, '\n<p style="display:none">hbi-style</p>\n'), ABOUT,
              "style=", "attribute 'style' on <p> is not allowed", live="hbi-style"),
    BuildCase("hand-written title that ends the title element",
              replaced(ABOUT, "title: À propos de l'édition", "title: À propos </title><script>hbi-title()</script>"),
              ABOUT, "title: À propos", "which the theme writes unescaped; write it without <", live="hbi-title"),
    BuildCase("hand-written description with a quote",
              replaced(ABOUT, "---\n\n", 'description: x" onload="hbi-meta\n---\n\n'), ABOUT, "description:",
              "holds '\"', which the theme writes unescaped", live="hbi-meta"),
    BuildCase("SITE_URL with credentials", lambda root: None, "mkdocs.yml", 3,
              "site_url: SITE_URL holds a user name or password before '@' (https://example.org/s/ without them)",
              env={"SITE_URL": "https://user:hbi-secret@example.org/s/"}, live="hbi-secret"),
    BuildCase("SITE_URL without a scheme", lambda root: None, "mkdocs.yml", 3,
              "site_url: SITE_URL 'example.org/s/' is not an absolute http(s) address; set it like SITE_URL=https://",
              env={"SITE_URL": "example.org/s/"}),
    BuildCase("serve hook removed from mkdocs.yml", replaced("mkdocs.yml", "  - hooks/serve.py", ""), "mkdocs.yml",
              "hooks:", "hooks: 'hooks/serve.py' is not listed; add it back under hooks:"),
    BuildCase("pages hook removed from mkdocs.yml", replaced("mkdocs.yml", "  - hooks/pages.py\n", ""), "mkdocs.yml",
              "hooks:", "hooks: 'hooks/pages.py' is not listed; add it back under hooks:"),
    BuildCase("template uses an undefined name",
              replaced("overrides/edition/redirect.html", "</title>", "{{ hbi_undefined_name }}</title>"),
              "overrides/edition/redirect.html", "hbi_undefined_name",
              "template: 'hbi_undefined_name' is undefined; give it in the page data"),
    BuildCase("urls.txt in Latin-1", replaced("source/urls.txt", "/plan/\n", "/plan/\n/é/\n", encoding="latin-1"),
              "source/urls.txt", "/\ufffd/", "encoding: byte 0xe9 is not UTF-8; save the file as UTF-8"),
    BuildCase("urls.txt with a line separator", replaced("source/urls.txt", "/plan/\n", "/plan/\u2028\n"),
              "source/urls.txt", "/plan/\u2028", "invisible character U+2028 (LINE SEPARATOR); remove it"),
    BuildCase("export written outside the site",
              replaced("source/document.yml", "json: data/s-2003-85.json", "json: ../hbi-outside.json"),
              "source/document.yml", "hbi-outside", "exports.json must be a path inside the site"),
]  # fmt: skip


def line_in(root: Path, case: BuildCase) -> int:
    if isinstance(case.line, int):
        return case.line
    text = (root / case.file).read_bytes().decode("utf-8", errors="replace")
    return line_of(text, case.line)


@pytest.mark.slow  # a real mkdocs build of a copy
@pytest.mark.parametrize("case", BUILD_ONLY, ids=[case.name for case in BUILD_ONLY])
def test_bad_input_only_a_build_meets_stops_it(case: BuildCase, tmp_path: Path):
    root = copy_project(tmp_path / "project")
    case.edit(root)
    result = mkdocs_build(root, case.env)
    assert result.returncode == case.status, result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    line = line_in(root, case)
    assert re.search(rf"(^|\n|\s){re.escape(case.file)}:{line}(:\d+)?: ", result.stderr), (line, result.stderr[-2000:])
    assert case.fragment in result.stderr, result.stderr[-2000:]
    if case.live:
        published = [
            path for path in (root / "site").rglob("*") if path.is_file() and case.live.encode() in path.read_bytes()
        ]
        assert not published, published
    assert not list(tmp_path.glob("hbi-*")), "a file was written outside the site"


def test_there_are_enough_bad_inputs():
    from tests.test_bad_input import CASES

    assert len(CASES) + len(BUILD_ONLY) >= 100
