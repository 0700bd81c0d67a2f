"""The language switch keeps the reader's place: the anchors are the same in both languages."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("start", "other", "landing"),
    [
        ("/plan/16-3-2/#p-16-3-2-p1", "en", r"/en/plan/16-3-2/#p-16-3-2-p1$"),
        ("/en/parallel/full-text/#p-16-3-2", "fr", r"/parallel/full-text/#p-16-3-2$"),
        ("/en/annex/#annex-i3", "fr", r"/annex/#annex-i3$"),
    ],
)
def test_the_switch_keeps_the_anchor(page, server, start: str, other: str, landing: str):
    page.goto(f"{server}{start}")
    page.locator(".md-header .md-select").first.hover()
    page.locator(f".md-select__link[hreflang={other}]").click()
    page.wait_for_url(re.compile(landing))
    assert page.evaluate("location.hash") == "#" + start.split("#")[1]
    assert not page.console_errors and not page.foreign_requests


def test_the_switch_follows_an_anchor_chosen_on_the_page(page, server):
    page.goto(f"{server}/plan/16-3-2/")
    page.evaluate("location.hash = '#p-16-3-2-p1'")
    page.locator(".md-header .md-select").first.hover()
    page.locator(".md-select__link[hreflang=en]").click()
    page.wait_for_url(re.compile(r"/en/plan/16-3-2/#p-16-3-2-p1$"))
