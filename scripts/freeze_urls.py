"""Write source/urls.txt from a built site: run it only when adding pages on purpose.

Usage: python scripts/freeze_urls.py [site_dir]   (default: site)
A published URL never changes: tests/test_site.py fails when a frozen URL disappears.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import page_urls  # noqa: E402


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    urls = page_urls(site)
    header = "# Every published page URL. A test compares this list with the build: never remove a line.\n"
    (ROOT / "source" / "urls.txt").write_text(header + "\n".join(urls) + "\n", encoding="utf-8")
    print(f"{len(urls)} URLs written to source/urls.txt")


if __name__ == "__main__":
    main()
