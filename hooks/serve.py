"""MkDocs hook for `mkdocs serve`: one rebuild per save, and an answer after a failed build.

One rebuild: MkDocs watches docs_dir, which hooks/pages.py points at the generated build/docs,
so the pages each rebuild writes there started a second rebuild. The server stops watching it;
what the pages are made from (source/, docs/, overrides/: `watch` in mkdocs.yml, and
mkdocs.yml itself) stays watched, polled every POLL_SECONDS instead of MkDocs' half second.

An answer: after a failed rebuild, MkDocs' server holds every request until a build succeeds
(it serves a page only when the site it last finished is the one it last started), so the
browser hangs with nothing shown. Here a failed rebuild is caught and logged; every page is
answered with an error page that says what is wrong, and the browser reloads by itself when a
later build succeeds. Assets (CSS, scripts) are still served from the last good build.

A quick rebuild: MkDocs empties the site folder before each build and then creates every file
and folder again, which on a disk where creating files is slow was a second of each rebuild.
Here it writes over the last build's files instead, and removes afterwards what it did not make
again (edition/site/sitedir.py): the folder ends as a build into an empty one would leave it. And
what does not change between saves is not done again (edition/core/caching.py): the listing of the
installed theme's files, the search plugin's parse of the pages a save did not change, the
pages of the language it did not change (edition/site/assemble.py, language_pages).

MkDocs logs every answer other than 200 as a warning, and a strict build counts the warnings
logged while it runs, from any thread: a browser that got a 404 or this error page during a
rebuild made that rebuild fail. Request logs are lowered to information.

This leans on attributes of MkDocs 1.6's LiveReloadServer that are not public (the epochs, the
watched paths, the observer's poll interval), on its build calling
`mkdocs.utils.clean_directory(config.site_dir)` once, before writing anything (static-i18n
replaces it during its inner build and puts back what it found) and writing through
`mkdocs.utils.write_file` and `copy_file`, on the theme's Jinja
environment coming from `config.theme.get_env()` with a FileSystemLoader (edition/core/caching.py,
listed_once), and on Material's search plugin making each page's sections with its module's
`Parser` (edition/core/caching.py, ParsedOnce). All of it is done in one place, the engine's door
(edition/engine/server.py, i18n.py); requirements.txt pins MkDocs and Material, and
tests/test_engine_contract.py and tests/test_serve.py fail if an upgrade changes what it uses.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from edition.core import buildmode
from edition.engine import i18n
from edition.engine import server as engine_server
from edition.site.site_config import hook_problems
from edition.site.sitedir import SITE
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.serve")
POLL_SECONDS = 0.1  # a save waited 0.25 s on average for MkDocs' poll; source/, docs/, overrides/ are small

ERROR_PAGE = Markup("""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Build failed</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}
pre{background:#fff3f3;border-left:4px solid #c62828;padding:1rem;white-space:pre-wrap}</style></head>
<body><h1>The last build failed</h1>
<p>The site is not updated until the source is fixed. Fix it and save: this page reloads by itself.</p>
<pre>%s</pre></body></html>
""")


class RequestsAreNotWarnings(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and '" code ' in str(record.msg):  # '"GET /x/ HTTP/1.1" code 404'
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


class Problems(logging.Handler):
    """Collects the warnings and errors MkDocs logs during one build (a strict build fails on them)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


def error_page(message: str) -> bytes:
    return (ERROR_PAGE % message).encode("utf-8")  # Markup escapes what it formats


def is_page(path: str) -> bool:
    return path.endswith(("/", ".html"))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Under `mkdocs serve`, each build's theme environment lists the installed theme's files once
    per process; first, mkdocs.yml must list both hooks."""
    problems = hook_problems(list(config["hooks"]), config.config_file_path)
    if problems:
        raise PluginError("Bad configuration:\n" + "\n".join(problems))
    if buildmode.serving():
        engine_server.list_theme_once(config, Path(config.config_file_path).parent)
    return config


def on_serve(server, config: MkDocsConfig, builder: Callable):
    logging.getLogger("mkdocs.livereload").addFilter(RequestsAreNotWarnings())
    engine_server.unwatch(server, config.docs_dir)
    engine_server.poll_every(server, POLL_SECONDS)  # for what is watched from now on: mkdocs.yml's `watch`

    failure: list[str] = []  # the message of the last build, if it failed
    build = server.builder
    clean_directory = engine_server.write_in_place(SITE)  # note what the folder holds instead of emptying it
    engine_server.parse_pages_once()  # pages a save did not change are not parsed again

    def build_or_report() -> None:
        problems = Problems()
        mkdocs_logger = logging.getLogger("mkdocs")
        mkdocs_logger.addHandler(problems)
        try:
            build()
        except Exception as error:  # MkDocs' own loop would print it and then hold every request
            failure[:] = ["\n".join([*problems.lines, str(error) or type(error).__name__])]
            log.error("The build failed (above); the browser shows why until a build succeeds")
            i18n.reset_inner_build(config)
            engine_server.restore_folder_start(clean_directory)
        else:
            failure.clear()
        finally:
            mkdocs_logger.removeHandler(problems)

    serve_request = server.serve_request

    def answer(environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if failure and is_page(path) and not path.startswith("/livereload/"):
            engine_server.wait_until_built(server)  # no answer from a build under way
        if failure and is_page(path) and not path.startswith("/livereload/"):
            body = engine_server.with_reload_script(server, error_page(failure[0]))
            headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))]
            start_response("500 Internal Server Error", headers)
            return [body]
        return serve_request(environ, start_response)

    server.builder = build_or_report
    server.set_app(answer)
    return server
