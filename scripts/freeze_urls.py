"""Write source/urls.txt from a build: run it only when adding pages on purpose.

Usage: python scripts/freeze_urls.py [site_dir]
Without site_dir, builds the site into a temporary folder (the build allows new URLs then, and
still refuses a lost one). A published URL never changes: `mkdocs build` stops when a listed URL
disappears or an unlisted page appears.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from edition.checks.frozen import built_urls  # noqa: E402

HEADER = "# Every published page URL. A test compares this list with the build: never remove a line.\n"


def write(site: Path) -> None:
    urls = built_urls(site)
    (ROOT / "source" / "urls.txt").write_text(HEADER + "\n".join(urls) + "\n", encoding="utf-8")
    print(f"{len(urls)} URLs written to source/urls.txt")


def main() -> None:
    if len(sys.argv) > 1:
        write(Path(sys.argv[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "EDITION_FREEZE_URLS": "1", "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", folder]
        if subprocess.run(command, cwd=ROOT, env=env, check=False).returncode:
            sys.exit("the build failed: nothing written")
        write(Path(folder))


if __name__ == "__main__":
    main()
