"""Build the site so that a failed build leaves nothing publishable.

    python scripts/build_site.py [TARGET]     (TARGET: site/ by default)

`mkdocs build --strict` writes into a new temporary folder beside TARGET; only when it succeeds
is that folder moved into TARGET's place (the previous site is then removed). When it fails, the
temporary folder is removed and TARGET, if it exists, is the last good site, untouched: a deploy
step that publishes TARGET never picks up a site built from bad input. The environment passes
through (`make site` sets EDITION_PUBLISH=1 and SITE_URL).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_site(target: Path) -> int:
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(fresh)]
        status = subprocess.run(command, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}).returncode
        if status != 0:
            print(f"build failed (exit status {status}): {target} left as it was", file=sys.stderr)
            return status
        old = target.with_name(f".{target.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        fresh.rename(target)  # a rename on one file system: the new site appears whole
        shutil.rmtree(old, ignore_errors=True)
        print(f"site built: {target}", file=sys.stderr)
        return 0
    finally:
        shutil.rmtree(fresh, ignore_errors=True)  # gone already after a success


if __name__ == "__main__":
    sys.exit(build_site(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"))
