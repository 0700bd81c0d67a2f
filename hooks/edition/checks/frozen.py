"""The frozen list of published URLs (source/urls.txt) against the pages a build made.

A published URL never changes: a URL of the list that the build no longer makes stops the build,
and so does a page whose URL is not in the list (add it deliberately: python scripts/freeze_urls.py).
"""

from __future__ import annotations

from pathlib import Path

FREEZE_COMMAND = "python scripts/freeze_urls.py"


class UrlError(ValueError):
    """Every lost and every new URL, one line each: file:line: URL: what; how to fix."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def frozen_urls(text: str) -> dict[str, int]:
    """URL -> its line in the list (comments and blank lines skipped)."""
    out: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            out.setdefault(line, lineno)
    return out


def built_urls(site: Path) -> list[str]:
    """Every page of a built site, as a site-absolute directory URL ('/', '/en/plan/16-3-2/')."""
    out = []
    for path in site.rglob("index.html"):
        rel = path.parent.relative_to(site).as_posix()
        out.append("/" if rel == "." else f"/{rel}/")
    return sorted(out)


def check_urls(built: list[str], frozen_text: str, path: str, allow_new: bool = False) -> None:
    """Raise UrlError naming every frozen URL the build lost and every URL it added."""
    frozen = frozen_urls(frozen_text)
    made = set(built)
    end = len(frozen_text.splitlines()) + 1
    problems = [
        f"{path}:{line}: {url}: published URL lost: the build no longer makes this page; restore it"
        " (a published URL never changes)"
        for url, line in frozen.items()
        if url not in made
    ]
    if not allow_new:
        for url in sorted(made - set(frozen)):
            # Named at the line where it would stand in the (sorted) list.
            line = min((n for listed, n in frozen.items() if listed > url), default=end)
            problems.append(
                f"{path}:{line}: {url}: new URL not in {path} (or its line was removed: restore it); "
                f"if the page is new on purpose, run {FREEZE_COMMAND}"
            )
    if problems:
        raise UrlError(problems)
