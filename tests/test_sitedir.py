"""The site folder `mkdocs serve` builds into again (edition/sitedir.py): after a build, what it
did not make is gone, what it made or kept is there."""

from __future__ import annotations

import os
from pathlib import Path

from edition.sitedir import SiteFolder


def made_earlier(folder: Path, *names: str) -> None:
    """Files an earlier build wrote (dated in the past: a rebuild starts well after the last one)."""
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"earlier {name}", encoding="utf-8")
        os.utime(path, ns=(0, 0))


def files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_what_the_build_did_not_make_is_removed_with_its_empty_folders(tmp_path: Path):
    made_earlier(tmp_path, "index.html", "plan/9/index.html", "p/9/index.html", "p/9/x/old.json", "plan/9/s.bib")
    folder = SiteFolder()
    folder.start(tmp_path)
    (tmp_path / "index.html").write_text("earlier index.html", encoding="utf-8")  # written again, same bytes
    (tmp_path / "plan" / "10").mkdir()
    (tmp_path / "plan" / "10" / "index.html").write_text("new", encoding="utf-8")
    removed = folder.finish(kept=[tmp_path / "plan" / "9" / "s.bib"])  # made, unchanged, not written again
    assert [p.relative_to(tmp_path).as_posix() for p in removed] == [
        "p/9/index.html",
        "p/9/x/old.json",
        "plan/9/index.html",
    ]
    assert files(tmp_path) == ["index.html", "plan/10/index.html", "plan/9/s.bib"]
    assert not (tmp_path / "p").exists()  # no folder is left empty
    assert tmp_path.is_dir()


def test_a_file_replaced_or_removed_during_the_build_stays_as_the_build_left_it(tmp_path: Path):
    made_earlier(tmp_path, "a.html", "b.html")
    folder = SiteFolder()
    folder.start(tmp_path)
    (tmp_path / "a.html").unlink()
    (tmp_path / "a.html").write_text("again", encoding="utf-8")
    (tmp_path / "b.html").unlink()
    assert folder.finish() == []
    assert files(tmp_path) == ["a.html"]


def test_nothing_is_removed_unless_a_build_started(tmp_path: Path):
    made_earlier(tmp_path, "a.html")
    folder = SiteFolder()
    assert folder.finish() == []  # `mkdocs build`: MkDocs emptied the folder itself
    folder.start(tmp_path)
    folder.finish()
    assert files(tmp_path) == []
    made_earlier(tmp_path, "b.html")
    assert folder.finish() == []  # one finish per start
    assert files(tmp_path) == ["b.html"]
