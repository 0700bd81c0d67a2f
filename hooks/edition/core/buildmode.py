"""How this run of MkDocs builds: a publication, or `mkdocs serve` while someone edits.

Work that only a published site needs (precompressed copies, the PDF) asks `publishing()`;
work that only the edit loop needs asks `serving()`. A publication build is marked by the
environment (`EDITION_PUBLISH=1`, as `make site` sets it); serving is told by the hook's
on_startup (MkDocs passes the command), and stays set for the life of the process.
"""

from __future__ import annotations

import os

PUBLISH_VARIABLE = "EDITION_PUBLISH"
_command = "build"


def publishing() -> bool:
    """A publication build: everything a host serves is made, nothing is skipped for speed."""
    return os.environ.get(PUBLISH_VARIABLE, "") == "1"


def serving() -> bool:
    """`mkdocs serve` (live reload): each save rebuilds, and an author waits for the page."""
    return _command == "serve"


def started(command: str) -> None:
    """Record MkDocs' command ('build', 'gh-deploy' or 'serve'), from the on_startup event."""
    global _command
    _command = command
