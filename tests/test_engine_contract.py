"""The engine's door (hooks/edition/engine/): every internal of MkDocs, Material and
mkdocs-static-i18n the edition uses, checked against the installed packages. An upgrade that
changes one fails here, with the name of what changed and the module that uses it, instead of in
an author's browser or a reader's page. The hooks themselves use MkDocs' public plugin API only."""

from __future__ import annotations

import ast
import inspect
import re
import socket
from pathlib import Path

import pytest
from edition.engine.server import SERVER_INTERNALS

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# What the hooks may import of MkDocs: its public plugin API. Anything else goes through the engine.
PUBLIC_MKDOCS = {"mkdocs.config.defaults", "mkdocs.exceptions", "mkdocs.plugins"}


@pytest.mark.parametrize("hook", ["pages.py", "serve.py"])
def test_the_hooks_reach_the_engine_only_through_its_door(hook: str):
    tree = ast.parse((ROOT / "hooks" / hook).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    engines = {name for name in imported if name.split(".")[0] in ("mkdocs", "material", "mkdocs_static_i18n")}
    assert engines <= PUBLIC_MKDOCS, f"hooks/{hook} imports {engines - PUBLIC_MKDOCS}: move that use to edition/engine/"


def test_static_i18n_still_has_the_flag_and_settings_the_engine_reads():
    """edition/engine/i18n.py: static-i18n's `building` flag (its inner build) and its languages."""
    from mkdocs_static_i18n.plugin import I18n

    source = inspect.getsource(I18n)
    assert "self.building = True" in source and "self.building = False" in source, (
        "mkdocs-static-i18n no longer sets `building` around its inner build: see edition/engine/i18n.py"
    )
    from mkdocs_static_i18n.config import I18nPluginConfig

    assert "languages" in dict(I18nPluginConfig._schema), "static-i18n's config has no `languages`: see engine/i18n.py"


def test_the_engine_s_i18n_door_reads_a_real_configuration(tmp_path: Path):
    from edition.engine import i18n
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    locales = [language["locale"] for language in i18n.languages(config)]
    assert locales == ["fr", "en"], locales
    assert i18n.inner_build(config) is False


def test_material_s_search_index_has_the_shape_the_engine_splits(site: Path):
    """edition/engine/search_index.py rewrites Material's search_index.json: {config: {lang,
    separator, fields...}, docs: [{location, title, text}]} per language."""
    import json

    for index in (site / "search" / "search_index.json", site / "en" / "search" / "search_index.json"):
        data = json.loads(index.read_text(encoding="utf-8"))
        assert set(data) == {"config", "docs"}, f"{index.name}: Material's search index changed shape: {set(data)}"
        assert {"lang", "separator", "fields"} <= set(data["config"]), "search_index.json config changed"
    documents = json.loads((site / "search" / "documents.json").read_text(encoding="utf-8"))
    assert documents and all({"location", "title", "text"} <= set(doc) for doc in documents)


def test_material_still_writes_the_toggles_the_engine_corrects():
    """edition/engine/markup.py removes autocomplete="off" from Material's two toggles."""
    from edition.engine.markup import MATERIAL_TOGGLES
    from edition.engine.theme import material_templates

    base = (material_templates() / "base.html").read_text(encoding="utf-8")
    for toggle in MATERIAL_TOGGLES:
        element_id = re.search(r'id="(\w+)"', toggle).group(1)
        pattern = (
            rf'<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="{element_id}" autocomplete="off">'
        )
        assert re.search(pattern, base), f"Material's toggle #{element_id} changed: see edition/engine/markup.py"


def test_mkdocs_table_of_contents_is_made_from_the_tokens_the_engine_gives():
    from edition.engine.toc import table_of_contents

    toc = table_of_contents('<h2 id="a">One</h2><p>x</p><h3 id="b">Two</h3>')
    assert [(item.title, item.url, [c.title for c in item.children]) for item in toc] == [("One", "#a", ["Two"])]


def test_what_the_serve_hook_takes_from_mkdocs_is_still_there():
    """edition/engine/server.py leans on parts of MkDocs that are not public: an upgrade that changes them
    fails here, not in an author's browser."""
    import inspect

    from edition.site.sitedir import SiteFolder
    from mkdocs import utils
    from mkdocs.commands import build
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import File

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=free_port(), root=".")
    try:
        for name in SERVER_INTERNALS:
            assert hasattr(server, name), f"MkDocs' LiveReloadServer no longer has {name}: see edition/engine/server.py"
        assert isinstance(server.observer._timeout, float)
    finally:
        server.server_close()
    # the site folder is emptied once per build, through the module attribute the hook replaces,
    # before anything is written (edition/site/sitedir.py)
    source = inspect.getsource(build.build)
    assert source.count("utils.clean_directory(config.site_dir)") == 1
    assert build.utils is utils
    assert source.index("utils.clean_directory(") < source.index("copy_static_files(")
    # and writes pages and copies files through the module attributes the hook replaces
    assert "utils.write_file(" in inspect.getsource(build._build_page)
    assert "utils.copy_file(" in inspect.getsource(File.copy_file)
    for name in ("write_file", "copy_file"):
        assert (
            list(inspect.signature(getattr(utils, name)).parameters)
            == list(inspect.signature(getattr(SiteFolder, name)).parameters)[1:]
        )


def test_the_search_index_parses_each_page_with_the_parser_the_hook_replaces():
    """Material's search plugin makes a page's sections with its module's `Parser` (edition/engine/server.py
    puts edition/core/caching.py's ParsedOnce there): same sections, and a page parsed once."""
    import inspect

    from edition.core.caching import ParsedOnce
    from material.plugins.search import plugin

    assert "Parser()" in inspect.getsource(plugin.SearchIndex.add_entry_from_context)
    html = '<h1 id="a">Title</h1><p>One <em>two</em></p><h2 id="b">Next</h2><p data-search-exclude>x</p><p>three</p>'
    parser = plugin.Parser()
    parser.feed(html)
    parser.close()
    memo = ParsedOnce(plugin.Parser)
    for _ in range(2):
        again = memo()
        again.feed(html)
        again.close()
        found = [(s.el.tag, s.id, s.title, s.text, s.is_excluded()) for s in again.data]
        assert found == [(s.el.tag, s.id, s.title, s.text, s.is_excluded()) for s in parser.data]
        again.data[0].title = ["changed by the plugin"]  # the copy kept is not the one handed out
    assert len(memo.parsed) == 1


def test_the_theme_listing_kept_for_the_process_is_the_loader_s_own(tmp_path: Path):
    """edition/core/caching.py, listed_once: the same templates as Jinja's FileSystemLoader lists, the
    installed theme's listed once, the project's folders listed again each time."""
    from edition.core.caching import LISTED, listed_once
    from edition.engine.theme import material_templates
    from jinja2 import FileSystemLoader

    overrides = tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True)
    (overrides / "main.html").write_text("{% extends 'base.html' %}", encoding="utf-8")
    folders = [str(overrides), str(material_templates())]
    loader = listed_once(FileSystemLoader(folders), tmp_path)
    assert loader.list_templates() == FileSystemLoader(folders).list_templates()
    assert str(material_templates()) in LISTED and str(overrides) not in LISTED
    (overrides / "partials" / "new.html").write_text("", encoding="utf-8")
    again = listed_once(FileSystemLoader(folders), tmp_path).list_templates()
    assert "partials/new.html" in again and again == FileSystemLoader(folders).list_templates()


def test_the_serve_hook_finds_the_theme_environment_where_mkdocs_makes_it(tmp_path: Path, monkeypatch):
    import inspect

    import serve  # hooks/serve.py
    from edition.core import buildmode
    from edition.engine import server as engine_server
    from jinja2 import FileSystemLoader
    from mkdocs.commands import build
    from mkdocs.config.defaults import MkDocsConfig

    source = inspect.getsource(build.build)
    assert "env = config.theme.get_env()" in source and "files.add_files_from_theme(env, config)" in source
    (tmp_path / "docs").mkdir()
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path / "docs"), "theme": {"name": "material"}})
    assert config.validate() == ([], [])
    serve.on_config(config)
    assert not isinstance(config.theme.get_env, engine_server.ListingOnce)  # `mkdocs build`: left as it is
    monkeypatch.setattr(buildmode, "_command", "serve")
    for _ in range(2):  # static-i18n runs on_config twice per build
        serve.on_config(config)
    assert isinstance(config.theme.get_env, engine_server.ListingOnce)
    assert not isinstance(config.theme.get_env.get_env, engine_server.ListingOnce)
    env = config.theme.get_env()
    assert isinstance(env.loader, FileSystemLoader)
    assert env.loader.list_templates() == FileSystemLoader(config.theme.dirs).list_templates()
