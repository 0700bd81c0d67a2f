"""What `mkdocs serve` is made to do here, through the few internals of MkDocs 1.6's
LiveReloadServer, its file writers and Material's search plugin that it needs (hooks/serve.py
says why each is done). tests/test_engine_contract.py checks every name used here against the
installed packages and fails with the name of what changed.

Each speed patch was measured before it was kept (save of source/S-2003-85.en.md to page served,
`python scripts/bench.py --runs 3 --scales 1 --no-browser --serve-runs 5`, 2 cores, medians of 5;
figures in docs/benchmarks.md):
- the generated docs folder unwatched: one rebuild per save instead of two (4.27 s -> 2.29 s);
- the poll every 0.1 s instead of 0.5 s: 0.2 s less waiting per save on average;
- writing over the last build's folder (site/sitedir.py) instead of emptying it, and leaving a
  file alone whose content is the one of the last build: 2.45 s -> 1.57 s with the next two;
- Material's search plugin parsing only the pages whose HTML changed (core/caching.py, ParsedOnce);
- the installed theme's 14,500 files listed once per process (core/caching.py, listed_once).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from material.plugins.search import plugin as material_search
from mkdocs import utils as mkdocs_utils
from mkdocs.livereload import LiveReloadServer

from edition.core.caching import ParsedOnce, listed_once
from edition.site.sitedir import SiteFolder

# The private attributes of LiveReloadServer this module reads or sets.
SERVER_INTERNALS = ("_watched_paths", "_visible_epoch", "_wanted_epoch", "_epoch_cond", "_inject_js_into_html")
# The writers of mkdocs.utils a build calls, replaced under `mkdocs serve`.
WRITERS = ("clean_directory", "write_file", "copy_file")


def unwatch(server: LiveReloadServer, folder: str) -> None:
    """Stop watching a folder (the generated docs_dir: each build writes it)."""
    path = os.path.abspath(folder)  # as the server keys what it watches
    if path in server._watched_paths:
        server.unwatch(path)


def poll_every(server: LiveReloadServer, seconds: float) -> None:
    """The observer's poll interval, for what is watched from now on."""
    server.observer._timeout = seconds


def write_in_place(site: SiteFolder) -> Callable[[str], None]:
    """Builds write over the last build's folder through `site` (site/sitedir.py) instead of
    emptying it; returns the folder-emptying function now in place, to put back after a failure."""
    mkdocs_utils.clean_directory = site.start
    mkdocs_utils.write_file, mkdocs_utils.copy_file = site.write_file, site.copy_file
    return mkdocs_utils.clean_directory


def restore_folder_start(start: Callable[[str], None]) -> None:
    mkdocs_utils.clean_directory = start


def parse_pages_once() -> None:
    """Material's search plugin parses a page's sections again only when its HTML changed."""
    if not isinstance(material_search.Parser, ParsedOnce):
        material_search.Parser = ParsedOnce(material_search.Parser)


def list_theme_once(config: Any, project: Path) -> None:
    """Each build's theme environment lists the installed theme's files once per process (static-i18n
    runs on_config again for its inner build: wrapped once)."""
    get_env = config.theme.get_env
    if not isinstance(get_env, ListingOnce):
        config.theme.get_env = ListingOnce(get_env, project)


class ListingOnce:
    """config.theme.get_env, whose environment's loader lists the installed theme once per process."""

    def __init__(self, get_env: Callable[[], Any], project: Path) -> None:
        self.get_env, self.project = get_env, project

    def __call__(self) -> Any:
        env = self.get_env()
        listed_once(env.loader, self.project)
        return env


def wait_until_built(server: LiveReloadServer) -> None:
    """Wait, as MkDocs does before serving a file, until no build is under way."""
    with server._epoch_cond:
        server._epoch_cond.wait_for(lambda: server._visible_epoch == server._wanted_epoch)


def with_reload_script(server: LiveReloadServer, body: bytes) -> bytes:
    """A page with MkDocs' live-reload script, so that the browser reloads after the next build."""
    return server._inject_js_into_html(body, server._visible_epoch)
