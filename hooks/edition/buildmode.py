"""How this build runs: a publishing build (EDITION_PUBLISH=1) also makes what costs build time
(the PDF of each language); `mkdocs serve` and quick builds leave it out."""

from __future__ import annotations

import os


def publishing() -> bool:
    return os.environ.get("EDITION_PUBLISH") == "1"
