"""What the scripts that write a file from a build share: build the site into a temporary folder
(or take a built one given as the argument), then write from it."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def from_a_build(write: Callable[[Path], None], env: dict[str, str] | None = None) -> None:
    """`write(site)` from the built site named on the command line, or from a fresh strict build."""
    if len(sys.argv) > 1:
        write(Path(sys.argv[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", folder]
        if subprocess.run(command, cwd=ROOT, env=environment, check=False).returncode:
            sys.exit("the build failed: nothing written")
        write(Path(folder))
