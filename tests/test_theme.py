"""What the edition takes from the installed Material: the search worker's name, found at build
time, and the templates copied from it, checked against the installed originals."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from edition.engine.theme import check_overrides, material_templates, search_worker

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides"


def test_every_override_matches_the_installed_material():
    assert check_overrides(OVERRIDES, material_templates()) == []


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path]:
    """Copies of overrides/ and of the installed Material's templates, to change."""
    overrides, templates = tmp_path / "overrides", tmp_path / "material"
    shutil.copytree(OVERRIDES, overrides)
    # the templates only: the icons and assets are thousands of files no check reads
    shutil.copytree(material_templates(), templates, ignore=shutil.ignore_patterns(".icons", "*.svg", "*.map"))
    return overrides, templates


def test_a_changed_material_partial_is_named(copies):
    overrides, templates = copies
    original = templates / "partials" / "search.html"
    original.write_text(original.read_text(encoding="utf-8") + "<!-- a new release -->", encoding="utf-8")
    problems = check_overrides(overrides, templates)
    assert len(problems) == 1
    assert problems[0].startswith("overrides/partials/search.html: Material's partials/search.html changed")


def test_a_copy_that_does_not_say_what_it_copies_is_refused(copies):
    overrides, templates = copies
    (overrides / "partials" / "toc.html").write_text("<nav></nav>\n", encoding="utf-8")
    assert check_overrides(overrides, templates) == [
        "overrides/partials/toc.html: does not say which Material template it copies; add a line "
        "{#- copied from Material: <path> sha256=<digest> -#}"
    ]


def test_the_search_worker_is_found_in_the_installed_theme(copies):
    _overrides, templates = copies
    name = search_worker(material_templates())
    assert (material_templates() / "assets/javascripts/workers" / name).is_file()
    (templates / "assets/javascripts/workers" / name).rename(
        templates / "assets/javascripts/workers/search.0123abcd.min.js"
    )
    assert search_worker(templates) == "search.0123abcd.min.js"
    (templates / "assets/javascripts/workers/search.0123abcd.min.js").unlink()
    with pytest.raises(ValueError, match=r"expected one search\.<hash>\.min\.js"):
        search_worker(templates)


def test_built_pages_hand_the_worker_its_name(site: Path):
    html = (site / "index.html").read_text(encoding="utf-8")
    name = search_worker(material_templates())
    assert f"edition-search.js?material={name}" in html
    assert (site / "assets/javascripts/workers" / name).is_file()
    assert "a7633da7" not in (site / "assets/javascripts/workers/edition-search.js").read_text(encoding="utf-8")
