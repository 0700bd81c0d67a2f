"""Rebuilding into the folder of the last build instead of an emptied one (`mkdocs serve`).

MkDocs empties site_dir before every build, and the build then creates every file and folder
again. Creating a file or a folder costs far more than writing over an existing file (on the
ext4 disk this was measured on, about 0.6 ms against 0.1 ms; the site is ~850 files in ~480
folders): most of a second of each rebuild. Under `mkdocs serve` the folder is therefore kept:
what it holds before the build is noted (each file's inode, modification and change times), the
build writes over it, and at the end of the build, before the checks that read the folder, every
file that was neither written again (its times are still the ones noted) nor kept as up to date
by the edition (which writes a file only when its content changed) is removed, with the folders
left empty. The folder then holds what a build into an empty folder makes: tests/test_serve.py
compares them, file by file.

A write always changes the times: the file was last written by an earlier build, which ended at
least MkDocs' build delay (0.1 s) before this one started, far more than the clock's granularity.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

Stamp = tuple[int, int, int]  # inode, modification and change times (ns): any write changes them


def stamp(path: Path | str) -> Stamp:
    info = os.stat(path)
    return info.st_ino, info.st_mtime_ns, info.st_ctime_ns


def listing(folder: Path) -> dict[Path, Stamp]:
    """Every file under folder, with its stamp."""
    found = {}
    for directory, _, names in os.walk(folder):
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

    def start(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.before = listing(self.folder) if self.folder.is_dir() else {}

    def finish(self, kept: Iterable[Path] = ()) -> list[Path]:
        """Remove what this build did not write, except the files `kept` (made by this build too,
        but not written again since their content had not changed), then the folders left empty.
        Returns the files removed."""
        if self.folder is None:
            return []
        kept = set(kept)
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
            if Path(directory) != self.folder and not os.listdir(directory):
                os.rmdir(directory)
        self.folder, self.before = None, {}
        return sorted(stale)


SITE = SiteFolder()  # the serve process's site folder: hooks/serve.py starts it, hooks/pages.py finishes it
