"""The full text's table of contents (right-hand column): its headings, nested, escaped."""

from __future__ import annotations

from pathlib import Path

import pytest
from edition.pages.contents import toc_tokens

from tests.helpers import soup


def test_headings_nest_under_the_nearest_higher_one():
    html = (
        '<h1 id="top">Top</h1><h2 id="a">A</h2><h3 id="a1">A <span class="num">1</span></h3>'
        '<h4 id="a1x">deep</h4><h5 id="too-deep">too deep</h5><h2 id="b">B</h2><h3>no id</h3>'
    )
    [top] = toc_tokens(html)
    assert (top["level"], top["id"], top["name"]) == (1, "top", "Top")
    a, b = top["children"]
    assert [a["id"], b["id"]] == ["a", "b"] and b["children"] == []
    [a1] = a["children"]
    assert a1["name"] == "A 1" and [t["id"] for t in a1["children"]] == ["a1x"]


def test_heading_text_is_escaped_html():
    [token] = toc_tokens('<h2 id="x">l&#39;OTAN &lt;script&gt; &amp; co</h2>')
    assert token["name"] == "l&#39;OTAN &lt;script&gt; &amp; co"


@pytest.mark.parametrize(
    ("url", "section"), [("/full-text/", "16.3 Entraver le soutien"), ("/en/full-text/", "16.3 Impede support")]
)
def test_full_text_lists_letters_parts_and_sections(site: Path, url: str, section: str):
    page = soup(site, url)
    toc = page.select_one("nav.md-nav--secondary")
    links = [(a["href"], " ".join(a.get_text().split())) for a in toc.select("a.md-nav__link")]
    hrefs = [href for href, _ in links]
    assert hrefs[:3] == ["#letter", "#annex", "#plan"]
    assert "#part-action-plan" in hrefs and "#p-16-5" in hrefs
    assert any(text.startswith(section) for _, text in links), links
    for href in hrefs:
        assert page.find(id=href[1:]) is not None, f"{url}: {href} leads nowhere"
