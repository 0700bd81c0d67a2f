"""What the edition reads of mkdocs-static-i18n (1.3): its language settings and the flag that tells
its inner, one-language build from the outer one. tests/test_engine_contract.py checks both."""

from __future__ import annotations

from typing import Any

PLUGIN = "i18n"  # its name in mkdocs.yml's plugins


def languages(config: Any) -> list[Any]:
    """static-i18n's language settings (each a mapping with `locale`, `site_name`...), or none."""
    i18n = config.plugins.get(PLUGIN)
    return list(i18n.config.languages) if i18n is not None else []


def inner_build(config: Any) -> bool:
    """True during the one-language build static-i18n runs inside the first one's on_post_build:
    the other language is not there yet."""
    i18n = config.plugins.get(PLUGIN)
    return i18n is not None and bool(getattr(i18n, "building", False))


def reset_inner_build(config: Any) -> None:
    """static-i18n resets its flag at the end of its inner build: a failure in between would leave
    the next build believing it is nested."""
    i18n = config.plugins.get(PLUGIN)
    if i18n is not None and hasattr(i18n, "building"):
        i18n.building = False
