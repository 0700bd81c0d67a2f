"""scripts/build_site.py (make build, make site): a failed build leaves nothing publishable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import copy_project

pytestmark = pytest.mark.slow


def build(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "EDITION_PUBLISH": "0"}
    return subprocess.run(
        [sys.executable, "scripts/build_site.py", "site"], cwd=project, env=env, capture_output=True, text=True
    )


def test_a_failed_build_leaves_no_site_and_the_last_good_one_untouched(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    english = project / "source" / "S-2003-85.en.md"
    source = english.read_text(encoding="utf-8")
    english.write_text(source.replace("[16.3.2]", "[16.3.9]"), encoding="utf-8")  # a bad source stops it early

    failed = build(project)
    assert failed.returncode != 0 and "16.3.9" in failed.stderr
    assert not (project / "site").exists()
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []  # no half-built folder left

    english.write_text(source, encoding="utf-8")
    assert build(project).returncode == 0
    about_page = project / "site" / "en" / "about" / "index.html"
    built = about_page.read_bytes()

    about = project / "docs" / "about.en.md"  # a broken link: strict stops the build once it is all written
    about.write_text(about.read_text(encoding="utf-8") + "\n[a broken link](nowhere.md)\n", encoding="utf-8")
    failed = build(project)
    assert failed.returncode != 0 and "nowhere.md" in failed.stderr
    assert about_page.read_bytes() == built  # the last good site, as it was
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []
