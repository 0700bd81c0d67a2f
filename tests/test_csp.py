"""The Content-Security-Policy (hooks/edition/site/csp.py): which inline scripts it allows, what
the build refuses, and the headers it publishes (_headers, deploy/nginx/edition.conf)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from edition.engine.theme import material_templates
from edition.site.csp import (
    HEADERS_FILE,
    NGINX_CONF,
    CspError,
    checked_script_hashes,
    content_types,
    headers_file,
    inline_handlers,
    inline_scripts,
    nginx_conf,
    read_headers_file,
    template_scripts,
)

from tests.helpers import PROJECT

MATERIAL_SCOPE = '__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location),x()'


@pytest.fixture(scope="module")
def theme_scripts() -> list[re.Pattern[str]]:
    return template_scripts(material_templates()) + template_scripts(PROJECT / "overrides")


def write_page(folder: Path, name: str, html: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path


def test_a_template_script_is_allowed_at_any_depth_but_cannot_leave_its_string(tmp_path: Path):
    write_page(tmp_path / "templates", "partials/base.html", f"{{#- a comment -#}}<script>{MATERIAL_SCOPE}</script>")
    allowed = template_scripts(tmp_path / "templates")
    for base in (".", "../..", "/", "/s-2003-85/"):
        assert allowed[0].fullmatch(f'__md_scope=new URL("{base}",location),x()')
    for hostile in ('",alert(1),"', '"+alert(1)+"', "</script><script>alert(1)"):
        assert not allowed[0].fullmatch(f'__md_scope=new URL("{hostile}",location),x()')


def test_data_blocks_and_external_scripts_are_not_inline_scripts():
    html = (
        '<script id="__config" type="application/json">{"a": 1}</script>'
        '<script type="application/ld+json">{}</script><script src="a.js"></script>'
        '<script type="module">run()</script><SCRIPT>go()</SCRIPT>'
    )
    assert [body for _, body in inline_scripts(html)] == ["run()", "go()"]


def test_the_build_refuses_an_inline_script_handler_or_javascript_url_at_its_line(tmp_path, theme_scripts):
    site = tmp_path / "site"
    write_page(site, "ok/index.html", "<p>Events on the agenda: onset = later</p>\n<script>alert(1)</script>")
    write_page(site, "hostile/index.html", '<p>a\n<img src=x onerror="alert(1)">\n<a href=" JavaScript:go()">x</a></p>')
    with pytest.raises(CspError) as caught:
        checked_script_hashes(site, ["hostile/index.html", "ok/index.html"], theme_scripts)
    problems = caught.value.problems
    assert problems[0].startswith("hostile/index.html:2: page: event-handler attribute onerror=; ")
    assert problems[1].startswith("hostile/index.html:3: page: javascript: URL in href=; ")
    assert problems[2].startswith("ok/index.html:2: page: inline script 'alert(1)' is not one of the theme's; ")
    assert "put the script in a file under docs/assets/javascripts/" in problems[2]
    assert len(problems) == 3  # "onset = later" is text, not an attribute


def test_handlers_are_looked_for_only_when_asked(tmp_path, theme_scripts):
    write_page(tmp_path, "a/index.html", '<p onclick="go()">x</p>')
    assert checked_script_hashes(tmp_path, ["a/index.html"], theme_scripts, handlers=False) == ()
    assert list(inline_handlers('<p title="say on=yes">x</p>')) == []


def test_a_declared_media_type_gets_a_rule_that_names_its_files_only():
    files = ["data/s-1.json", "plan/1/s-1-1.bib", "plan/1/s-1-1.json", "plan/s-1-plan.json", "data/s-1.fra.akn.xml"]
    files.append("sitemap.xml")
    csl = "application/vnd.citationstyles.csl+json"
    declared = {"data/s-1.json": "application/json; charset=utf-8", "plan/1/s-1-1.bib": "application/x-bibtex"}
    declared |= {"plan/1/s-1-1.json": csl, "plan/s-1-plan.json": csl, "data/s-1.fra.akn.xml": "application/akn+xml"}
    rules = dict(content_types(files, declared))
    assert rules == {"/*.bib": "application/x-bibtex", "/*/s-1-*.json": csl, "/*.akn.xml": "application/akn+xml"}
    with pytest.raises(CspError, match=r"plan/1/s-1-1\.json: no glob names the 2 files of this media type"):
        content_types([*files, "data/s-1-export.json"], declared)


def test_the_built_site_publishes_its_policy(site: Path, theme_scripts):
    text = (site / HEADERS_FILE).read_text(encoding="utf-8")
    policy = read_headers_file(text)
    assert headers_file(policy) == text
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    assert policy.script_hashes == checked_script_hashes(site, pages, theme_scripts)  # the pages' own, all checked
    csp = dict(policy.headers)["Content-Security-Policy"]
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    for directive in ("object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "worker-src 'self'"):
        assert directive in csp.split("; ")
    assert any(path.startswith("assets/javascripts/bundle.") for path in policy.hashed_assets)
    assert ("/*.bib", "application/x-bibtex; charset=utf-8") in policy.content_types


def test_the_nginx_snippet_is_the_builds(site: Path):
    """deploy/nginx/edition.conf cannot drift from the build's policy."""
    committed = (PROJECT / NGINX_CONF).read_text(encoding="utf-8")
    assert committed == nginx_conf(read_headers_file((site / HEADERS_FILE).read_text(encoding="utf-8"))), (
        f"{NGINX_CONF} is not the build's: run python scripts/nginx_conf.py"
    )


@pytest.mark.slow  # a real mkdocs build of a copy
def test_a_page_with_a_script_of_its_own_stops_the_build(tmp_path: Path):
    from tests.helpers import copy_project
    from tests.test_bad_input import mkdocs_build

    root = copy_project(tmp_path)
    about = root / "docs" / "about.fr.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    result = mkdocs_build(root)
    assert result.returncode != 0
    # refused at the page built (here), or earlier at the hand-written page's line (its markup checked)
    made_here = r"about/index\.html:\d+: page made from docs/about\.fr\.md: inline script 'alert\(1\)' "
    assert re.search(rf"{made_here}|docs/about\.fr\.md:\d+", result.stderr), result.stderr[-2000:]
    assert "Traceback" not in result.stderr
