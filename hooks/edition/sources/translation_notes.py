"""The translation notes (source/translation-notes.md): every decision of the translation that is
not obvious, with the place, the French, the English, why, and the source relied on (format at
the top of the file). Read by the build so that a note without a source a reader can open stops
it, at the note's line (sourcing.py says what counts); the tests also check each place and
quotation against the texts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from edition.sources.parse import SourceError, read_text
from edition.sources.sourcing import source_problem

KEYS = ("French", "English", "Why", "Source")
# "letter", "annex" or a provision number, optionally ", paragraph <n>" or ", indent <n>".
PLACE = re.compile(r"^(?P<where>letter|annex|\d+(?:\.\d+)*)(?:, (?P<kind>paragraph|indent) (?P<n>\d+))?$")


@dataclass
class TranslationNote:
    place: str
    lineno: int  # of its heading
    lines: dict[str, tuple[str, int]]  # key -> (text, line)

    def __getitem__(self, key: str) -> str:
        return self.lines[key][0]


def parse_translation_notes(text: str, path: str) -> list[TranslationNote]:
    """The entries, in file order: a `## <place>` heading (the first one that names a place opens
    the entries; the headings before it are the file's own sections), then exactly the four
    `- Key: value` lines of KEYS, each once; each Source names a source a reader can open."""
    notes: list[TranslationNote] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.startswith("## "):
            heading = line[3:].strip()
            if notes or PLACE.match(heading):
                if not PLACE.match(heading):
                    raise SourceError(
                        path, lineno, f"note '{heading}'",
                        "the place is not 'letter', 'annex' or a provision number (optionally ', paragraph <n>' "
                        "or ', indent <n>'); write it so",
                    )  # fmt: skip
                notes.append(TranslationNote(heading, lineno, {}))
            continue
        if not notes or not line.strip():
            continue
        note, where = notes[-1], f"note {notes[-1].place}"
        key, separator, value = line[2:].partition(": ") if line.startswith("- ") else ("", "", "")
        if not separator or key not in KEYS:
            raise SourceError(
                path,
                lineno,
                where,
                f"only the lines {', '.join(f'- {k}: ...' for k in KEYS)} may follow a heading; write one of them",
            )
        if key in note.lines:
            raise SourceError(
                path, lineno, where, f"'{key}' given twice (first at line {note.lines[key][1]}); keep one"
            )
        if not value.strip():
            raise SourceError(path, lineno, where, f"'{key}' is empty; write it")
        note.lines[key] = (value.strip(), lineno)
    for note in notes:
        missing = [key for key in KEYS if key not in note.lines]
        if missing:
            raise SourceError(
                path,
                note.lineno,
                f"note {note.place}",
                f"{', '.join(missing)} missing; each note has {', '.join(KEYS)}",
            )
        source, lineno = note.lines["Source"]
        problem = source_problem(source)
        if problem:
            raise SourceError(path, lineno, f"note {note.place}", f"Source: {problem}")
    return notes


def load_translation_notes(path: Path, shown: str | None = None) -> list[TranslationNote]:
    """The notes of a source folder; none when it has no notes file (a document may have none)."""
    if not path.exists():
        return []
    shown = shown or str(path)
    return parse_translation_notes(read_text(path, shown), shown)
