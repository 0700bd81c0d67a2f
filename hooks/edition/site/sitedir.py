"""Rebuilding into the folder of the last build instead of an emptied one (`mkdocs serve`).

MkDocs empties site_dir before every build, and the build then creates every file and folder
again. Creating a file or a folder costs far more than writing over an existing file (on the
ext4 disk this was measured on, about 0.6 ms against 0.1 ms; the site is ~850 files in ~480
folders): most of a second of each rebuild. Under `mkdocs serve` the folder is therefore kept:
what it holds before the build is noted (each file's inode, size, modification and change
times), the build writes over it, and at the end of the build, before the checks that read the
folder, every file that was neither written again (its stamp is still the one noted) nor kept
as up to date (its content was the one of the last build) is removed, with the folders left
empty. The folder then holds what a build into an empty folder makes: tests/test_serve.py
compares them, file by file. Writing over a file costs little on a quiet disk but much more on a
busy one: MkDocs' writes and copies (mkdocs.utils.write_file and copy_file) are replaced too, by
ones that leave alone a file whose content, or whose original, is the one of the last build.

A write always changes the times: the file was last written by an earlier build, which ended at
least MkDocs' build delay (0.1 s) before this one started, far more than the clock's granularity.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

Stamp = tuple[int, int, int, int]  # inode, size, modification and change times (ns): a write changes them


def stamp(path: Path | str) -> Stamp:
    info = os.stat(path)
    return info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


def stamp_or_none(path: Path) -> Stamp | None:
    try:
        return stamp(path)
    except FileNotFoundError:
        return None


def listing(folder: Path) -> dict[Path, Stamp]:
    """Every file under folder, with its stamp; not what is hidden at the top, which MkDocs does
    not remove either (mkdocs.utils.clean_directory)."""
    found = {}
    for directory, folders, names in os.walk(folder):
        if Path(directory) == folder:
            folders[:] = [name for name in folders if not name.startswith(".")]
            names = [name for name in names if not name.startswith(".")]
        for name in names:
            path = Path(directory, name)
            found[path] = stamp(path)
    return found


class SiteFolder:
    """One build into a kept folder: `start` before it writes anything (instead of emptying the
    folder), `finish` once it has written everything; outside `mkdocs serve`, nothing is started
    and `finish` does nothing."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.before: dict[Path, Stamp] = {}
        self.unchanged: set[Path] = set()  # files of this build that were not written again
        self.written: dict[Path, tuple[Stamp, bytes]] = {}  # file -> its stamp and content when written
        self.copied: dict[Path, tuple[Stamp, Stamp]] = {}  # copy -> the stamps of its original and itself

    def start(self, folder: str | Path) -> None:
        self.folder, self.unchanged = Path(folder), set()
        self.before = listing(self.folder) if self.folder.is_dir() else {}

    def write_file(self, content: bytes, output_path: str) -> None:
        """mkdocs.utils.write_file, which does not write again a file that holds what it wrote last
        time (its stamp says so): writing costs more than comparing, when the disk is busy."""
        path = Path(output_path)
        last = self.written.get(path)
        if self.folder is not None and last is not None and last[1] == content and stamp_or_none(path) == last[0]:
            self.unchanged.add(path)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        self.written[path] = (stamp(path), content)

    def copy_file(self, source_path: str, output_path: str) -> None:
        """mkdocs.utils.copy_file, which does not copy again a file when neither it nor the copy
        changed since the last copy (the theme's assets, the stylesheet)."""
        output = Path(output_path)
        if output.is_dir():
            output = output / Path(source_path).name
        last = self.copied.get(output)
        source = stamp(source_path)
        if self.folder is not None and last is not None and last == (source, stamp_or_none(output)):
            self.unchanged.add(output)
            return
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source_path, output)
        self.copied[output] = (source, stamp(output))

    def finish(self, kept: Iterable[Path] = ()) -> list[Path]:
        """Remove what this build did not write, except the files `kept` (made by this build too,
        but not written again since their content had not changed), then the folders left empty.
        Returns the files removed."""
        if self.folder is None:
            return []
        kept = self.unchanged.union(kept)
        stale = []
        for path, before in self.before.items():
            if path in kept:
                continue
            try:
                unchanged = stamp(path) == before
            except FileNotFoundError:
                continue
            if unchanged:
                path.unlink()
                stale.append(path)
        for directory, _, _ in os.walk(self.folder, topdown=False):  # deepest first; a clean build leaves none empty
            inside = Path(directory).relative_to(self.folder).parts
            if inside and not inside[0].startswith(".") and not os.listdir(directory):
                os.rmdir(directory)
        self.folder, self.before, self.unchanged = None, {}, set()
        return sorted(stale)


SITE = SiteFolder()  # the serve process's site folder: hooks/serve.py starts it, hooks/pages.py finishes it
