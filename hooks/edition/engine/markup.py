"""Small, checked corrections to the markup the theme writes."""

from __future__ import annotations

# Material 9.8.2 writes autocomplete="off" on its two toggle checkboxes, which the HTML standard
# does not allow on a checkbox (the Nu HTML Checker's only errors on its pages).
MATERIAL_TOGGLES = ('id="__drawer" autocomplete="off">', 'id="__search" autocomplete="off">')


def without_toggle_autocomplete(html: str) -> str:
    """The page without the invalid attribute; a ValueError if the theme's markup changed."""
    for toggle in MATERIAL_TOGGLES:
        if toggle not in html:
            raise ValueError(f"Material's toggle markup changed, look again at {toggle!r}")
        html = html.replace(toggle, toggle.replace(' autocomplete="off"', ""))
    return html
