"""The URL scheme. Paths are language-neutral and relative to a language root:
French at the site root, English under /en/. A published URL never changes (source/urls.txt)."""

from __future__ import annotations

from edition.core.langs import DEFAULT_LANG

HOME = ""
# The pages of the document's components (letter/, annex/, plan/) are declared in document.yml.
FULL_TEXT = "full-text/"
CITE = "cite/"
ABOUT = "about/"
GLOSSARY = "glossary/"
ENTITIES = "entities/"
PARALLEL = "parallel/"  # French and English side by side: parallel/ + the single-language page's URL
# Pages long enough to need a table of contents of their headings (see contents.py); every other
# page of the document is one provision, a list, or shows its part's contents in the sidebar.
WITH_CONTENTS = (FULL_TEXT,)


def provision(number: str, base: str) -> str:
    """A provision's page, under the page of the component that holds it (base: "plan/")."""
    return f"{base}{number.replace('.', '-')}/"


def part(slug: str, base: str) -> str:
    return f"{base}{slug}/"


def entity(ident: str) -> str:
    return f"entities/{ident}/"


def parallel(url: str) -> str:
    """The side-by-side view of a document page: parallel/plan/16-3-2/ for plan/16-3-2/."""
    return PARALLEL + url


def pinpoint(key: str) -> str:
    """Short redirecting URL: p/16.3.2/, p/letter/, p/preamble/."""
    return f"p/{key}/"


def lang_root(lang: str) -> str:
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def source_file(url: str, lang: str, folder: bool = False) -> str:
    """The page file static-i18n turns into `url` for `lang` (suffix structure); a page with pages
    below it (folder: plan/, entities/) is the folder's index."""
    stem = url.rstrip("/") or "index"
    if folder:
        stem = url.rstrip("/") + "/index"
    return f"{stem}.{lang}.md"


def folders(page_urls: list[str]) -> set[str]:
    """The URLs among these that have pages below them (plan/ for plan/16-3-2/)."""
    wanted = set(page_urls)
    return {url[: index + 1] for url in page_urls for index, char in enumerate(url[:-1]) if char == "/"} & wanted


def relative(from_url: str, to_url: str) -> str:
    """Relative link between two directory URLs of the same language ('' is the root)."""
    target, _, anchor = to_url.partition("#")
    here = [part for part in from_url.split("/") if part]
    there = [part for part in target.split("/") if part]
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    path = "/".join([".."] * (len(here) - common) + there[common:])
    if path and (not target or target.endswith("/")):
        path += "/"
    return (path or "./") + (f"#{anchor}" if anchor else "")


def to_root(lang: str, page_url: str = "") -> str:
    """From a page of a language (page_url: "cite/", "" for the home page) to the site's root, where
    the downloads and exports of both languages are: "../../" from /en/cite/."""
    return "../" * (page_url.count("/") + lang_root(lang).count("/"))


def absolute(site_url: str, lang: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + lang_root(lang) + url
