"""What a host needs to answer an address the site does not hold as a page.

- `_redirects` (the format Netlify and Cloudflare Pages read): every short address of a citable
  page (/p/16.3.2/, /en/p/16.3.2/, /p/letter/) answered with a real HTTP 301 to its page, where a
  host that reads no such file serves the pinpoint page's meta refresh (cite.redirect_page) to the
  same page.
- the data the 404 page's script reads (docs/assets/javascripts/not-found.js): every citable
  page's key with its page and title in each language, so that a guessed address naming a
  provision (/plan/16.3.2/, /p/16-3-2/, /en/plan/16_4_2/) is answered with that provision's page.
  Plain JSON, read as data: the script writes its titles as text and builds its links from the
  site's own root and the page paths below, which it checks.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from edition.citations.model import Reference
from edition.core import urls
from edition.core.langs import LANGS

REDIRECTS = "_redirects"
NOT_FOUND_DATA = "assets/javascripts/not-found.json"


def site_path(site_url: str) -> str:
    """The path the site is published under: '/' or '/s-2003-85/'."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def pages(items: list[Reference]) -> list[Reference]:
    """The citable units that have a page and a short address (not an indent of one)."""
    return [item for item in items if not item.anchor]


def redirect_rules(citables: dict[str, list[Reference]], site_url: str) -> list[tuple[str, str]]:
    """(short address, page) of every citable page of every language, as site-absolute paths."""
    root = site_path(site_url)
    return [
        (f"{root}{urls.lang_root(lang)}{urls.pinpoint(item.key)}", f"{root}{urls.lang_root(lang)}{item.url}")
        for lang in LANGS
        for item in pages(citables[lang])
    ]


def redirects(citables: dict[str, list[Reference]], site_url: str) -> str:
    """The `_redirects` file: one 301 a line, the address with and without its final slash (a host
    may match either way). A host that reads it answers before the pinpoint page is served."""
    lines = [
        "# Short addresses of the edition's citable pages: a permanent redirect to the page (Netlify,",
        "# Cloudflare Pages). Written by the build; each matches the meta refresh of the page at that address.",
    ]
    for short, page in redirect_rules(citables, site_url):
        lines.append(f"{short} {page} 301")
        lines.append(f"{short.rstrip('/')} {page} 301")
    return "\n".join(lines) + "\n"


def not_found_data(citables: dict[str, list[Reference]]) -> dict:
    """Key ("16.3.2", "letter", "preamble") -> language -> [page path below its language root, title]."""
    out: dict[str, dict[str, list[str]]] = {}
    for lang in LANGS:
        for item in pages(citables[lang]):
            title = f"{item.component_title}, {item.pinpoint}" if item.pinpoint else item.component_title
            out.setdefault(item.key, {})[lang] = [item.url, title]
    return {"languages": {lang: urls.lang_root(lang) for lang in LANGS}, "pages": out}


def host_files(citables: dict[str, list[Reference]], site_url: str) -> dict[str, bytes]:
    """Path in the built site -> content: the redirects file and the 404 page's data."""
    data = json.dumps(not_found_data(citables), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return {REDIRECTS: redirects(citables, site_url).encode(), NOT_FOUND_DATA: data.encode()}
