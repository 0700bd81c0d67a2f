"""Write source/urls.txt from a build: run it only when adding pages on purpose.

Usage: python scripts/freeze_urls.py [site_dir]
Without site_dir, builds the site into a temporary folder (the build allows new URLs then, and
still refuses a lost one). A published URL never changes: `mkdocs build` stops when a listed URL
disappears or an unlisted page appears.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from built import from_a_build  # noqa: E402
from edition.checks.frozen import built_urls  # noqa: E402

HEADER = "# Every published page URL. A test compares this list with the build: never remove a line.\n"


def write(site: Path) -> None:
    urls = built_urls(site)
    (ROOT / "source" / "urls.txt").write_text(HEADER + "\n".join(urls) + "\n", encoding="utf-8")
    print(f"{len(urls)} URLs written to source/urls.txt")


def main() -> None:
    from_a_build(write, {"EDITION_FREEZE_URLS": "1"})


if __name__ == "__main__":
    main()
