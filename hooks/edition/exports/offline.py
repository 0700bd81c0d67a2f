"""The offline edition: the published site as one dated, versioned ZIP that opens from disk.

A page opened from file:// finds no server: a link to a folder (`../16-3-1/`) shows a listing, a
path from the host's root (`/s-2003-85/en/`) leads out of the copy, a Web Worker cannot start and
`fetch` reads nothing. So the copy is the built site (its URLs unchanged online), with, in each
page, every link to a page of the site made relative and pointed at the page's file
(`../16-3-1/index.html#p-16-3-1`); links to what the copy does not hold (the ZIP itself) go to the
published site. Search works from scripts instead of fetched files: each language's index
(Material reads `search/search_index.js` from file://, as its offline plugin writes it) and its
documents (`search/documents.js`, which the edition's worker reads there); the search worker runs
in a hidden frame (docs/assets/javascripts/offline-worker.js, added to every page of the copy).

Pure functions over the site's files (path -> bytes); the site stage reads and writes them.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import posixpath
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from edition.core.urls import lang_root
from edition.exports.pdf import long_date
from edition.sources.edition import EditionIdentity

WORKER_SHIM = "assets/javascripts/offline-worker.js"
DOCUMENTS_VARIABLE = "__edition_documents"  # what search/documents.js defines (edition-search.js reads it)
# What the copy leaves out: precompressed twins and source maps (no use from disk), what only a
# host reads (_redirects, _headers, 404.html, sitemap.xml), and the offline package itself.
LEFT_OUT = re.compile(r"(\.gz|\.map|\.zip|\.zip\.sha256)$|^(_redirects|_headers|404\.html|sitemap\.xml)$")
PAGE_MAPS = ("entities", "provisions")  # maps of the search configuration whose values are pages
ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
REFRESH = re.compile(r'(<meta http-equiv="refresh" content="0; url=)([^"]*)(")')
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


class OfflineError(ValueError):
    """A link of the offline copy that would lead nowhere from disk."""


def package_name(slug: str, version: str, released: datetime.date) -> str:
    """The ZIP's name, dated and versioned: s-2003-85-offline-1.0-2026-12-04.zip."""
    return f"{slug}-offline-{version}-{released.isoformat()}.zip"


def package_path(slug: str, version: str, released: datetime.date) -> str:
    """Where the ZIP is published, at the site root (data/…); its SHA-256 is beside it (+ .sha256)."""
    return f"data/{package_name(slug, version, released)}"


@dataclass(frozen=True)
class OfflineLink:
    """The home page's and About's line: the ZIP, its SHA-256, what it is."""

    href: str  # the ZIP, relative to the page
    checksum: str  # its SHA-256 file, relative to the page
    name: str  # the ZIP's file name
    version: str  # "version 1.0 du 4 décembre 2026"


def offline_link(slug: str, edition: EditionIdentity, labels: dict, lang: str, page_url: str) -> OfflineLink:
    """The link from a page (its language-neutral URL) of a language to the ZIP at the site root."""
    path = package_path(slug, edition.version, edition.released)
    up = "../" * (page_url.count("/") + lang_root(lang).count("/"))
    version = labels["offline_version"].replace("{version}", edition.version)
    version = version.replace("{released}", long_date(edition.released, lang))
    return OfflineLink(up + path, f"{up}{path}.sha256", posixpath.basename(path), version)


def local_file(page: str, path: str, files: set[str], root_path: str) -> str | None:
    """The file of the copy that a link's path (no query, no fragment) reaches from the page, or
    None when it leaves the site's root. A folder is its index.html."""
    if path.startswith("/"):
        if not path.startswith(root_path):
            return None
        target = path[len(root_path) :]
    else:
        target = posixpath.join(posixpath.dirname(page), path)
    target = posixpath.normpath(target) if target else "."
    if target.startswith(".."):
        return None
    if target in files:
        return target
    index = "index.html" if target == "." else f"{target}/index.html"
    return index if index in files else target


def offline_url(page: str, url: str, files: set[str], root_path: str, online: dict[str, str]) -> str:
    """A link of the page as the copy needs it (see the module's docstring). `online`: files the
    copy leaves out -> their published address."""
    if not url or url.startswith(("#", "//")) or SCHEME.match(url):
        return url
    path, hash_sign, fragment = url.partition("#")
    path, question, query = path.partition("?")
    target = local_file(page, path, files, root_path)
    if target is None:
        raise OfflineError(f"{page}: link {url!r} leaves the site")
    if target in online:
        return online[target] + question + query + hash_sign + fragment
    if target not in files:
        raise OfflineError(f"{page}: link {url!r} leads to {target}, which the copy does not hold")
    relative = posixpath.relpath(target, posixpath.dirname(page) or ".")
    return relative + question + query + hash_sign + fragment


def offline_page(page: str, html: str, files: set[str], root_path: str, online: dict[str, str]) -> str:
    """The page's links made to work from disk; the search worker's frame script before </head>."""

    def link(match: re.Match) -> str:
        return match.group(1) + offline_url(page, match.group(2), files, root_path, online) + match.group(3)

    html = REFRESH.sub(link, ATTRIBUTE.sub(link, html))
    if "</head>" in html and 'http-equiv="refresh"' not in html:
        shim = posixpath.relpath(WORKER_SHIM, posixpath.dirname(page) or ".")
        html = html.replace("</head>", f'<script src="{shim}"></script></head>', 1)
    return html


def page_location(location: str) -> str:
    """A search result's location as a file: 'plan/16-3-2/#p-16-3-2' -> 'plan/16-3-2/index.html#p-16-3-2'."""
    path, hash_sign, fragment = location.partition("#")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path + hash_sign + fragment


def search_scripts(files: dict[str, bytes], langs: Iterable[str]) -> dict[str, bytes]:
    """Each language's index and documents as scripts, which a page opened from disk can load."""
    out = {}
    for lang in langs:
        folder = f"{lang_root(lang)}search/"
        index = json.loads(files[f"{folder}search_index.json"])
        config = index.get("config", {})
        for targets in PAGE_MAPS:  # the pages the search puts first (exports/search_first.py), as files
            if isinstance(config.get(targets), dict):
                config[targets] = {key: page_location(url) for key, url in config[targets].items()}
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        out[f"{folder}search_index.js"] = f"var __index = {text}\n".encode()
        docs = json.loads(files[f"{folder}documents.json"])
        docs = [{**doc, "location": page_location(doc["location"])} for doc in docs]
        text = json.dumps(docs, ensure_ascii=False, separators=(",", ":"))
        out[f"{folder}documents.js"] = f"var {DOCUMENTS_VARIABLE} = {text}\n".encode()
    return out


def offline_files(
    site_files: dict[str, bytes], root_path: str, langs: Iterable[str], online: dict[str, str]
) -> dict[str, bytes]:
    """The copy's files: the site's, less what it leaves out, its pages' links made to work from
    disk, with the search scripts. Raises OfflineError naming every link that would not work."""
    kept = {name: data for name, data in site_files.items() if not LEFT_OUT.search(name) and name not in online}
    out = dict(kept)
    out |= search_scripts(kept, langs)
    names = set(out) | set(online)
    problems = []
    for name, data in kept.items():
        if name.endswith(".html"):
            try:
                out[name] = offline_page(name, data.decode("utf-8"), names, root_path, online).encode("utf-8")
            except OfflineError as error:
                problems.append(str(error))
    if problems:
        raise OfflineError("\n".join(problems[:20]))
    return out


def zip_bytes(files: dict[str, bytes], folder: str, date: datetime.date) -> bytes:
    """One folder of files in a ZIP, in name order, every entry dated `date`: the same files make
    the same ZIP."""
    buffer = io.BytesIO()
    stamp = (date.year, date.month, date.day, 0, 0, 0)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name in sorted(files):
            entry = zipfile.ZipInfo(f"{folder}/{name}", stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, files[name], compresslevel=6)
    return buffer.getvalue()


def checksum(data: bytes, name: str) -> str:
    """The SHA-256 line `sha256sum --check` reads: '<hex>  <file name>'."""
    return f"{hashlib.sha256(data).hexdigest()}  {name}\n"
