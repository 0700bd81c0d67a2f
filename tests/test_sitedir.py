"""The site folder `mkdocs serve` builds into again (edition/site/sitedir.py): after a build, what it
did not make is gone, what it made or kept is there."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from edition.site.sitedir import SiteFolder


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
    made_earlier(tmp_path, ".hidden", ".git/HEAD")  # MkDocs leaves what is hidden at the top
    (tmp_path / ".empty").mkdir()
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
    assert files(tmp_path) == [".git/HEAD", ".hidden", "index.html", "plan/10/index.html", "plan/9/s.bib"]
    assert not (tmp_path / "p").exists()  # no folder is left empty
    assert (tmp_path / ".empty").is_dir()
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


def recorded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files written or copied from now on."""
    done: list[str] = []
    write_bytes, copyfile = Path.write_bytes, shutil.copyfile
    monkeypatch.setattr(Path, "write_bytes", lambda path, data: done.append(path.name) or write_bytes(path, data))
    monkeypatch.setattr(shutil, "copyfile", lambda src, dst: done.append(Path(dst).name) or copyfile(src, dst))
    return done


def test_a_file_that_holds_what_was_written_last_time_is_not_written_again(tmp_path: Path, monkeypatch):
    folder = SiteFolder()
    page, other = tmp_path / "a" / "page.html", tmp_path / "b" / "other.html"
    folder.start(tmp_path)
    folder.write_file(b"one", str(page))
    folder.write_file(b"two", str(other))
    folder.finish()
    other.write_bytes(b"changed by someone else")
    written = recorded(monkeypatch)
    folder.start(tmp_path)
    folder.write_file(b"one", str(page))  # the same bytes as last time: left alone, and kept
    folder.write_file(b"two", str(other))  # the file no longer holds them: written
    assert folder.finish() == []
    assert written == ["other.html"]
    assert page.read_bytes() == b"one" and other.read_bytes() == b"two"
    folder.start(tmp_path)
    folder.write_file(b"one, revised", str(page))
    assert folder.finish() == [other]
    assert page.read_bytes() == b"one, revised"


def test_a_copy_is_made_again_when_its_original_or_itself_changed(tmp_path: Path, monkeypatch):
    original, site = tmp_path / "style.css", tmp_path / "site"
    original.write_text("a {}", encoding="utf-8")
    copy = site / "assets" / "style.css"
    folder = SiteFolder()
    folder.start(site)
    folder.copy_file(str(original), str(copy))
    folder.finish()
    copied = recorded(monkeypatch)
    folder.start(site)
    folder.copy_file(str(original), str(copy))
    assert folder.finish() == [] and copied == []  # not copied again, and kept
    original.write_text("b {}", encoding="utf-8")
    folder.start(site)
    folder.copy_file(str(original), str(site / "assets"))  # into a folder, as mkdocs.utils.copy_file does
    assert folder.finish() == [] and copied == ["style.css"] and copy.read_text(encoding="utf-8") == "b {}"
    copy.write_text("changed by someone else", encoding="utf-8")
    folder.start(site)
    folder.copy_file(str(original), str(copy))
    assert folder.finish() == [] and copy.read_text(encoding="utf-8") == "b {}"


def test_the_pages_of_a_language_are_reused_only_for_the_same_inputs_and_templates():
    """edition/core/caching.py, Reused, as edition/site/assemble.py uses it under `mkdocs serve`."""
    from edition.core.caching import Reused

    calls: list[tuple] = []
    pages = Reused(lambda text, labels: calls.append((text, labels)) or [f"<p>{text}</p>"])
    first = pages("en", "text", {"a": "b"}, also=(("overrides/edition/page.html", 1, 10),))
    assert pages("en", "text", {"a": "b"}, also=(("overrides/edition/page.html", 1, 10),)) is first
    assert pages("fr", "text", {"a": "b"}, also=(("overrides/edition/page.html", 1, 10),)) is not first  # per key
    pages("en", "text", {"a": "c"}, also=(("overrides/edition/page.html", 1, 10),))  # other labels
    pages("en", "text", {"a": "c"}, also=(("overrides/edition/page.html", 2, 10),))  # a template saved
    assert len(calls) == 4
