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
    sha256,
    site_policy,
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


def test_the_csl_json_downloads_are_told_from_the_other_json_files():
    files = ["data/s-1.json", "plan/1/s-1-1.bib", "plan/1/s-1-1.json", "plan/s-1-plan.bib", "plan/s-1-plan.json"]
    assert dict(content_types(files))["/*/s-1-*.json"].startswith("application/vnd.citationstyles.csl+json")
    with pytest.raises(CspError, match="no name prefix tells the CSL-JSON downloads"):
        content_types([*files, "data/s-1-export.json"])


def test_the_built_site_publishes_its_policy(site: Path, theme_scripts):
    policy = site_policy(site, theme_scripts)
    assert (site / HEADERS_FILE).read_text(encoding="utf-8") == headers_file(policy)
    csp = dict(policy.headers)["Content-Security-Policy"]
    script_src = next(d for d in csp.split("; ") if d.startswith("script-src "))
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    for directive in ("object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "worker-src 'self'"):
        assert directive in csp.split("; ")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert all(sha256(body) in script_src for _, body in inline_scripts(home))
    assert any(path.startswith("assets/javascripts/bundle.") for path in policy.hashed_assets)


def test_the_nginx_snippet_is_the_builds(site: Path, theme_scripts):
    """deploy/nginx/edition.conf cannot drift from the build's policy."""
    committed = (PROJECT / NGINX_CONF).read_text(encoding="utf-8")
    assert committed == nginx_conf(site_policy(site, theme_scripts)), (
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
