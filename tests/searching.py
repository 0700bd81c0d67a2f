"""Typing queries into Material's search box, many queries in one page (tests/test_search*.py).

Loading a page, its search worker and the language's search documents costs about a second;
a query in a page where they are loaded, a fifth of that. Each query's results are read whole,
then the box is emptied and the results are gone before the next query is typed, so no answer
is read for the wrong query."""

from __future__ import annotations

import re
from dataclasses import dataclass

RESULT = ".md-search-result__item"
WAIT_MS = 30_000  # how long a result may take on a loaded machine before the test fails: a bound, not a timing


@dataclass(frozen=True)
class Results:
    pages: list[str]  # the pages of the results, in order, each once, site-absolute ('/en/plan/16-3-2/')
    first_title: str  # the first result's heading
    first_excerpt: str  # the first result's excerpt (its text, not its list of missing terms)
    first_marks: list[str]  # the words highlighted in that excerpt


def search(page, server: str, query: str) -> Results:
    """The results of `query`, typed into the search box of the page open in `page`."""
    box = page.locator("input.md-search__input")
    box.click()
    if page.locator(RESULT).count():  # the last query's results: gone before the next is typed
        box.fill("")
        box.press("End")  # a key, as when typing: Material searches on keyup
        page.locator(RESULT).first.wait_for(state="detached", timeout=WAIT_MS)
    box.fill(query)
    box.press("End")
    page.locator(RESULT).first.wait_for(timeout=WAIT_MS)
    hrefs = page.eval_on_selector_all(f"{RESULT} > a", "els => els.map(e => e.href)")
    first = page.locator(RESULT).first
    excerpt = first.locator("article > p:not(.md-search-result__terms)").first
    has_excerpt = excerpt.count() > 0
    return Results(
        pages=list(dict.fromkeys(re.sub(r"[?#].*$", "", h).removeprefix(server) for h in hrefs)),
        first_title=first.locator("h1").first.inner_text(),
        first_excerpt=excerpt.inner_text() if has_excerpt else "",
        first_marks=excerpt.locator("mark").all_inner_texts() if has_excerpt else [],
    )


def search_all(browser, server: str, start: str, queries: list[str]) -> tuple[dict[str, Results], list[str]]:
    """Every query typed in one page opened at `start`: their results, and what went wrong in the
    page meanwhile (console errors, requests to another host)."""
    from tests.conftest import watched_page

    context = browser.new_context()
    try:
        page = watched_page(context, server)
        page.goto(f"{server}{start}")
        results = {query: search(page, server, query) for query in queries}
        return results, page.console_errors + [f"request to {url}" for url in page.foreign_requests]
    finally:
        context.close()
