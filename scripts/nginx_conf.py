"""Write deploy/nginx/edition.conf, the site's headers for nginx, from a build's _headers.

Usage: python scripts/nginx_conf.py [site_dir]
Without site_dir, builds the site into a temporary folder. The build writes the same policy and
headers into the site's _headers (hooks/edition/site/csp.py); tests/test_nginx.py fails when the
snippet is not the build's: run this script after a change of the theme's inline scripts (a
Material upgrade), of its hashed assets or of the downloads.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from built import from_a_build  # noqa: E402
from edition.site.csp import HEADERS_FILE, NGINX_CONF, nginx_conf, read_headers_file  # noqa: E402


def snippet(site: Path) -> str:
    """The nginx snippet of a built site: the policy and headers of its _headers."""
    return nginx_conf(read_headers_file((site / HEADERS_FILE).read_text(encoding="utf-8")))


def write(site: Path) -> None:
    target = ROOT / NGINX_CONF
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(snippet(site), encoding="utf-8")
    print(f"{NGINX_CONF} written")


def main() -> None:
    from_a_build(write)


if __name__ == "__main__":
    main()
