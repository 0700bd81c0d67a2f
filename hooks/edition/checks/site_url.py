"""The site's public address (SITE_URL, mkdocs.yml's site_url): checked before anything is built.

Citation URLs, the canonical link, the JSON export and sitemap.xml are made from it, so it must be
an absolute http(s) address without query or fragment. A publication build (EDITION_PUBLISH=1,
set by `make site`) must also not use the placeholder of mkdocs.yml.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from edition.core.buildmode import PUBLISH_VARIABLE

PLACEHOLDER = "https://s-2003-85.example.org/"
EXAMPLE = "SITE_URL=https://example.org/s-2003-85/"
UNSAFE = "\"'<>\\`{}|^"  # not in an address; they would also break out of an HTML attribute


def check_site_url(value: str | None, publish: bool) -> str:
    """The address, checked; a ValueError with what is wrong and how to fix it."""
    if not value or not value.strip():
        raise ValueError(f"SITE_URL is empty; set the site's public address, e.g. {EXAMPLE}")
    if bad := next((c for c in value if c.isspace() or c in UNSAFE), None):
        raise ValueError(f"SITE_URL {value!r} holds {bad!r}, which an address cannot hold; set it like {EXAMPLE}")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"SITE_URL {value!r} is not an absolute http(s) address; set it like {EXAMPLE}")
    if parts.username is not None or parts.password is not None:
        shown = value.replace(parts.netloc, parts.netloc.rsplit("@", 1)[-1])
        raise ValueError(
            f"SITE_URL holds a user name or password before '@' ({shown} without them); every canonical link, "
            f"citation and export would publish them: give the public address only, like {EXAMPLE}"
        )
    if parts.query or parts.fragment or value.endswith(("?", "#")):
        raise ValueError(f"SITE_URL {value!r} has a query or fragment; give the address only, like {EXAMPLE}")
    if publish and value.rstrip("/") == PLACEHOLDER.rstrip("/"):
        raise ValueError(
            f"SITE_URL is the placeholder {PLACEHOLDER} and {PUBLISH_VARIABLE}=1 marks a publication build; "
            f"give the real address: make site {EXAMPLE}"
        )
    return value
