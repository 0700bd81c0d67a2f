"""Bad input stops a real `python -m mkdocs build --strict` of a copy of the project, with the
message the loaders give (tests/test_bad_input.py holds the cases and checks them without
MkDocs). A module of its own: the test workers each run whole modules, and these builds, the
longest of the bad-input tests, then run beside the rest."""

from __future__ import annotations

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
