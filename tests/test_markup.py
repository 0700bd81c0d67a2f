"""Corrections to the theme's markup."""

from __future__ import annotations

import pytest
from edition.engine.markup import without_toggle_autocomplete


def test_toggle_autocomplete_is_removed():
    page = '<input id="__drawer" autocomplete="off"><input id="__search" autocomplete="off">'
    assert without_toggle_autocomplete(page) == '<input id="__drawer"><input id="__search">'


def test_changed_theme_markup_stops_the_build():
    with pytest.raises(ValueError, match="__search"):
        without_toggle_autocomplete('<input id="__drawer" autocomplete="off">')
