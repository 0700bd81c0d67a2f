"""What the edition takes from the installed Material theme, checked at every build rather than
assumed: the name of its search worker (which carries a hash that changes with each release),
and the templates overrides/ copied from it.

Each template under overrides/ (but overrides/edition/, the edition's own page templates) that
copies one of Material's says so on a line of its own:
    {#- copied from Material: partials/search.html sha256=<digest of Material's file> -#}
The build stops, naming the template, when the installed Material's file no longer has that
digest: the copy must then be compared with the new original and the digest updated."""

from __future__ import annotations

import hashlib
import importlib.resources
import re
from pathlib import Path

OWN = "edition"  # overrides/edition/: the edition's own templates (templates.py), copies of nothing
UPSTREAM = re.compile(r"\{#-? copied from Material: (?P<path>\S+) sha256=(?P<digest>[0-9a-f]{64}) -?#\}")
WORKERS = "assets/javascripts/workers"
WORKER = re.compile(r"^search\.[0-9a-f]+\.min\.js$")


def material_templates() -> Path:
    """The installed Material's templates folder."""
    return Path(str(importlib.resources.files("material") / "templates"))


def search_worker(templates: Path) -> str:
    """The file name of Material's search worker (search.<hash>.min.js) in the installed theme."""
    found = sorted(p.name for p in (templates / WORKERS).glob("search.*.min.js") if WORKER.match(p.name))
    if len(found) != 1:
        raise ValueError(
            f"Material's search worker: expected one search.<hash>.min.js in {WORKERS}/ of the installed theme, "
            f"found {found or 'none'}; see docs/assets/javascripts/workers/edition-search.js"
        )
    return found[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_overrides(overrides: Path, templates: Path) -> list[str]:
    """Problems with the templates copied from Material, each naming the template and what to do."""
    problems = []
    for path in sorted(overrides.rglob("*.html")):
        if path.relative_to(overrides).parts[0] == OWN:
            continue
        name = path.relative_to(overrides.parent).as_posix()
        match = UPSTREAM.search(path.read_text(encoding="utf-8"))
        if not match:
            problems.append(
                f"{name}: does not say which Material template it copies; add a line "
                "{#- copied from Material: <path> sha256=<digest> -#}"
            )
            continue
        original = templates / match["path"]
        if not original.is_file():
            problems.append(f"{name}: Material's {match['path']} no longer exists in the installed theme")
        elif digest(original) != match["digest"]:
            problems.append(
                f"{name}: Material's {match['path']} changed since it was copied: compare it with the installed "
                f"one, carry the edition's changes over, then record sha256={digest(original)}"
            )
    return problems
