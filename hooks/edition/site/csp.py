"""The site's Content-Security-Policy and the other headers a host sends with it.

Escaping keeps live markup out of the pages; the policy is the second defence: a browser runs
no script the site did not declare. `script-src` allows the site's own files ('self') and, by
their sha256 hash, the few inline scripts the theme writes into every page (Material's
`__md_scope` script in <head>, its tabs script; their text varies with the page's depth), never
'unsafe-inline'. The edition's own scripts are files (docs/assets/javascripts/).

Which inline scripts are allowed is decided from the theme's templates, not from the pages: a
page's inline script is accepted only when it is one that Material's templates or the copies in
overrides/ write (each `{{ ... }}` of the template standing for a relative URL or a plain word,
which cannot leave its string). The build then hashes the accepted scripts it finds in the built
pages: their set depends on the pages' depths, known only after the build. Computing the set
from the pages alone would have allowed any script that reached a page, which is what the
policy is there to stop: a page holding any other inline script stops the build, at the built
page's line (and the hand-written page it came from); so, in a publication build (scanning every
tag costs 0.2 s), does an event-handler attribute (onclick=...) or a javascript: URL.

The policy and the headers are published for static hosts as `_headers` (Netlify, Cloudflare
Pages), with immutable caching for the files whose names carry a hash and a Content-Type for each
file whose media type, as the outputs registry declares it (site/outputs.py), a host would not
send by default; and for nginx as deploy/nginx/edition.conf, which scripts/nginx_conf.py writes
from a build's _headers and a test compares with the build's."""

from __future__ import annotations

import base64
import bisect
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HEADERS_FILE = "_headers"
NGINX_CONF = "deploy/nginx/edition.conf"

# Every directive says what the site needs, and no more. Material inlines no style and sets
# styles through the CSSOM (allowed); its icons are data: SVGs in its stylesheet (img-src data:);
# its search runs in a worker from the site (worker-src) that fetches the index (connect-src).
FIXED_DIRECTIVES = (
    ("default-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
)
OTHER_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),  # a reader's path leaves the site with no link they follow
)
IMMUTABLE = "public, max-age=31536000, immutable"  # a file whose name carries its content's hash never changes
# Material's assets/javascripts/bundle.<hash>.min.js, its stylesheets, its search worker, their maps
HASHED = re.compile(r"^assets/(?:.+/)?[^/]+\.[0-9a-f]{8,}\.min\.(?:js|css)(?:\.map)?$")
# What a static host sends a file as, by its last suffix, when told nothing (nginx's mime.types,
# Netlify, Cloudflare Pages agree on these): a file the outputs registry (site/outputs.py) declares
# with another media type gets a rule of its own.
HOST_DEFAULTS = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "application/javascript",
    ".json": "application/json",
    ".xml": "text/xml",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
    ".svg": "image/svg+xml",
}

SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
TAG = re.compile(r"""<[a-zA-Z][a-zA-Z0-9-]*((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>""")
# A look first: a page with neither is not parsed for tags.
SUSPECT = re.compile(r"""\s[oO][nN][a-zA-Z]+\s*=|[jJ][aA][vV][aA][sS][cC][rR][iI][pP][tT]\s*:""")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}
JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
JINJA_HOLE = re.compile(r"\{\{.*?\}\}", re.S)
HOLE = r"[A-Za-z0-9_./-]*"  # what a template's {{ ... }} may be in an allowed script: a URL or a word, no quote
JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)


class CspError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Policy:
    script_hashes: tuple[str, ...]  # 'sha256-...' of every inline script the pages hold, sorted
    hashed_assets: tuple[str, ...]  # site paths of the files whose names carry a hash, sorted
    content_types: tuple[tuple[str, str], ...]  # (glob over site paths, media type)

    @property
    def csp(self) -> str:
        directives = [FIXED_DIRECTIVES[0], ("script-src", " ".join(("'self'", *self.script_hashes)))]
        return "; ".join(f"{name} {value}" for name, value in [*directives, *FIXED_DIRECTIVES[1:]])

    @property
    def headers(self) -> tuple[tuple[str, str], ...]:
        return (("Content-Security-Policy", self.csp), *OTHER_HEADERS)


def attributes(text: str) -> dict[str, str]:
    found = {}
    for match in ATTRIBUTE.finditer(text):
        value = next((v for v in match.groups()[1:] if v is not None), "")
        found.setdefault(match[1].lower(), value)
    return found


def executable(attrs: dict[str, str]) -> bool:
    """Whether a <script> without src runs (a JSON or JSON-LD data block does not)."""
    return attrs.get("type", "").strip().lower() in JAVASCRIPT_TYPES


def inline_scripts(html: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of every inline script of a page that a browser runs."""
    for match in SCRIPT.finditer(html):
        attrs = attributes(match["attrs"])
        if "src" not in attrs and executable(attrs):
            yield match.start(), match["body"]


def inline_handlers(html: str) -> Iterator[tuple[int, str]]:
    """(offset, what) of every event-handler attribute and javascript: URL of a page."""
    if not SUSPECT.search(html):
        return
    for tag in TAG.finditer(html):
        for name, value in attributes(tag[1]).items():
            if name.startswith("on"):
                yield tag.start(), f"event-handler attribute {name}="
            elif name in URL_ATTRIBUTES and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith("javascript:"):
                yield tag.start(), f"javascript: URL in {name}="


def sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def template_scripts(folder: Path) -> list[re.Pattern[str]]:
    """The inline scripts the templates of a folder write, as patterns of their text in a page."""
    patterns = []
    for directory, _, names in os.walk(folder):
        for name in sorted(names):
            if not name.endswith(".html"):
                continue
            text = Path(directory, name).read_text(encoding="utf-8")
            if "<script" not in text:
                continue
            for _, body in inline_scripts(JINJA_COMMENT.sub("", text)):
                if "{%" in body or not body.strip():
                    continue  # a script with template logic is not one the policy can vouch for
                literal = JINJA_HOLE.split(body)
                patterns.append(re.compile(HOLE.join(re.escape(part) for part in literal)))
    return patterns


def line_of(newlines: list[int], offset: int) -> int:
    return bisect.bisect_left(newlines, offset) + 1


def checked_script_hashes(
    site: Path,
    pages: list[str],
    allowed: list[re.Pattern[str]],
    handlers: bool = True,
    origins: dict[str, str] | None = None,
) -> tuple[str, ...]:
    """The hashes of the inline scripts of the built pages (paths in the site), each checked to be
    one the theme writes; CspError lists every other inline script and, with `handlers`, every
    event-handler attribute or javascript: URL (a scan of every tag: 0.1 to 0.2 s), at its line
    in the built page, naming the file the page was made from (`origins`: built page -> file)."""
    hashes, problems = set(), []
    for name in pages:
        html = (site / name).read_text(encoding="utf-8")
        found = []
        for offset, body in inline_scripts(html):
            if any(pattern.fullmatch(body) for pattern in allowed):
                hashes.add(sha256(body))
            else:
                found.append((offset, f"inline script {shorten(body)!r} is not one of the theme's"))
        found += list(inline_handlers(html)) if handlers else []
        newlines = [i for i, c in enumerate(html) if c == "\n"] if found else []
        origin = (origins or {}).get(name)
        where = f"page made from {origin}" if origin else "page"
        problems += [
            f"{name}:{line_of(newlines, offset)}: {where}: {what}; the Content-Security-Policy runs only the "
            "theme's inline scripts (by hash): put the script in a file under docs/assets/javascripts/ "
            "listed in mkdocs.yml's extra_javascript, or remove it from the page's source"
            for offset, what in found
        ]
    if problems:
        raise CspError(problems)
    return tuple(sorted(hashes))


def shorten(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def content_types(files: list[str], declared: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """(glob, media type) for the files (paths in the site) whose declared media type (`declared`,
    from the outputs registry) is not what a host sends by default: one glob per media type,
    which must name those files and no other (`/*.bib`; the CSL-JSON downloads, beside other JSON
    files: `/*/s-2003-85-*.json`, their names' common start)."""
    by_type: dict[str, list[str]] = {}
    for path, media in sorted(declared.items()):
        suffix = "." + path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
        if media and media.split(";")[0].strip() != HOST_DEFAULTS.get(suffix):
            by_type.setdefault(media, []).append(path)
    return tuple((glob_for(paths, files), media) for media, paths in by_type.items())


def glob_for(paths: list[str], files: list[str]) -> str:
    """The shortest glob of _headers that names exactly these paths among the site's files."""
    names = [path.rsplit("/", 1)[-1] for path in paths]
    tails = [name.split(".")[1:] for name in names]
    shared = 0
    while shared < min(map(len, tails)) and len({tuple(tail[len(tail) - shared - 1 :]) for tail in tails}) == 1:
        shared += 1
    wanted = set(paths)
    tried = []
    exts = ["." + ".".join(tails[0][len(tails[0]) - size :]) for size in range(1, shared + 1)]  # ".xml", ".akn.xml"
    candidates = [f"/*{ext}" for ext in exts]  # a suffix of their own, the shortest first; else a name start too
    for ext in exts:
        stems = [name.removesuffix(ext) for name in names]
        start = next((i for i, chars in enumerate(zip(*stems, strict=False)) if len(set(chars)) > 1), None)
        candidates.append(f"/*/{stems[0][: start if start is not None else min(map(len, stems))]}*{ext}")
    for glob in candidates:
        tried.append(glob)
        if {f for f in files if glob_regex(glob).fullmatch("/" + f)} == wanted:
            return glob
    raise CspError([
        f"{HEADERS_FILE}: {paths[0]}: no glob names the {len(paths)} files of this media type and no other "
        f"(tried {', '.join(tried)}); give them a suffix or a name start of their own (hooks/edition/site/outputs.py)"
    ])  # fmt: skip


def glob_regex(glob: str) -> re.Pattern[str]:
    """A glob of _headers ('*': any characters) as a regular expression over site paths."""
    return re.compile("".join(".*" if part == "*" else re.escape(part) for part in re.split(r"(\*)", glob)))


def site_files(site: Path) -> list[str]:
    """Every file of a built site (its path in the site), but the precompressed copies."""
    found = []
    for directory, _, names in os.walk(site):
        inside = os.path.relpath(directory, site).replace(os.sep, "/")
        found += [name if inside == "." else f"{inside}/{name}" for name in names if not name.endswith(".gz")]
    return sorted(found)


def site_policy(
    site: Path,
    allowed: list[re.Pattern[str]],
    declared: dict[str, str],
    handlers: bool = True,
    origins: dict[str, str] | None = None,
) -> Policy:
    """The policy and headers of a built site, every page checked (see checked_script_hashes);
    `allowed`: template_scripts of the theme's template folders; `declared`: the media types the
    outputs registry declares for the files the edition writes (path in the site -> type)."""
    files = site_files(site)
    present = set(files)
    return Policy(
        script_hashes=checked_script_hashes(
            site, [f for f in files if f.endswith(".html")], allowed, handlers, origins
        ),
        hashed_assets=tuple(f for f in files if HASHED.match(f)),
        content_types=content_types(files, {path: media for path, media in declared.items() if path in present}),
    )


def headers_file(policy: Policy) -> str:
    """`_headers` (Netlify, Cloudflare Pages): the headers of every response, then those of some."""
    lines = ["/*", *(f"  {name}: {value}" for name, value in policy.headers)]
    for path in policy.hashed_assets:
        lines += [f"/{path}", f"  Cache-Control: {IMMUTABLE}"]
    for glob, media in policy.content_types:
        lines += [glob, f"  Content-Type: {media}"]
    return "\n".join(lines) + "\n"


def read_headers_file(text: str) -> Policy:
    """The policy a `_headers` file written by headers_file holds (what the nginx snippet is made from)."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if line.startswith("  "):
            name, value = line.strip().split(": ", 1)
            rules[-1][1].append((name, value))
        elif line.strip():
            rules.append((line.strip(), []))
    every = dict(rules[0][1]) if rules and rules[0][0] == "/*" else {}
    if dict(OTHER_HEADERS).items() - every.items() or "Content-Security-Policy" not in every:
        raise ValueError(f"{HEADERS_FILE}: not one the build writes (its first rule, /*, lacks the site's headers)")
    hashes = re.findall(r"'sha256-[A-Za-z0-9+/=]+'", every["Content-Security-Policy"])
    return Policy(
        script_hashes=tuple(hashes),
        hashed_assets=tuple(path[1:] for path, headers in rules[1:] if ("Cache-Control", IMMUTABLE) in headers),
        content_types=tuple(
            (path, value) for path, headers in rules[1:] for name, value in headers if name == "Content-Type"
        ),
    )


def nginx_conf(policy: Policy) -> str:
    """The same for nginx, to include in the `server` block whose root is the built site. A
    location with an add_header of its own drops the server's: each repeats them."""
    headers = [
        (name, "$edition_csp" if name == "Content-Security-Policy" else quoted(value)) for name, value in policy.headers
    ]

    def add_headers(indent: str) -> list[str]:
        return [f"{indent}add_header {name} {value} always;" for name, value in headers]

    lines = [
        "# The site's headers for nginx, generated by scripts/nginx_conf.py from a build, which writes the",
        "# same into the site's _headers; tests/test_nginx.py checks that this file is the build's and",
        "# serves the site with it. Do not edit: run the script. Include it in the server block whose",
        "# root is the built site: server { listen ...; root /srv/s-2003-85; include edition.conf; }",
        "",
        "gzip_static on;  # a publication build writes file.gz beside every text file",
        "gzip_vary on;",
        "charset utf-8;",
        "error_page 404 /404.html;",
        f"set $edition_csp {quoted(policy.csp)};",
        *add_headers(""),
    ]
    if policy.hashed_assets:
        pattern = "|".join(re.escape(path) for path in policy.hashed_assets)
        lines += ["", f'location ~ "^/(?:{pattern})$" {{', f"    add_header Cache-Control {quoted(IMMUTABLE)} always;"]
        lines += [*add_headers("    "), "}"]
    for glob, media in policy.content_types:
        lines += [
            "",
            f'location ~ "^{glob_regex(glob).pattern}$" {{',
            "    types { }",
            f"    default_type {quoted(media)};",
        ]
        lines += [*add_headers("    "), "}"]
    return "\n".join(lines) + "\n"


def quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
