"""LinkChecker as the links gate runs it (tests/gates.py, start_linkchecker), each page parsed once.

LinkChecker 10.6 fetches and parses a page again for every link to one of its anchors (AnchorCheck
reads the page's tree for the anchor): the full text, to which the table of contents and the other
pages link anchor by anchor, about ninety times per language. The same bytes make the same tree,
which LinkChecker only reads: its make_soup is memoized. The same checks run and the report is the
same, for half of the CPU.

Run as `python -m tests.linkchecker_run <LinkChecker's arguments>`.
"""

from __future__ import annotations

import functools
import sys

from linkcheck.command.linkchecker import linkchecker
from linkcheck.htmlutil import htmlsoup

PAGES_KEPT = 64  # trees kept: the pages a crawl comes back to are few (the full texts, the Plan)


def main() -> int:
    if not callable(getattr(htmlsoup, "make_soup", None)):
        raise SystemExit(
            "LinkChecker changed: linkcheck.htmlutil.htmlsoup.make_soup is gone; see tests/linkchecker_run.py"
        )
    htmlsoup.make_soup = functools.lru_cache(maxsize=PAGES_KEPT)(htmlsoup.make_soup)
    return linkchecker()


if __name__ == "__main__":
    sys.exit(main())
