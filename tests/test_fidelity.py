"""The French text the edition publishes is the original's, word for word and in order."""

from __future__ import annotations

from edition.checks.fidelity import first_difference, original_tokens, published_pieces, tokens

from tests.conftest import SOURCE
from tests.helpers import walked

ORIGINAL = (SOURCE / "S-2003-85.fr.original.md").read_text(encoding="utf-8")
FR = (SOURCE / "S-2003-85.fr.md").read_text(encoding="utf-8")


def model_tokens(text: str) -> list[str]:
    pieces = published_pieces(walked(text, "S-2003-85.fr.md"))
    return [token for piece, _, _ in pieces for token in tokens(piece)]


def test_original_is_kept_as_received():
    shared = SOURCE.parent.parent / "shared" / "source" / "S-2003-85.fr.original.md"
    if shared.exists():  # beside the work tree, where the project received it
        assert shared.read_bytes() == (SOURCE / "S-2003-85.fr.original.md").read_bytes()
    assert len(original_tokens(ORIGINAL)) > 5000


def test_model_words_equal_the_original():
    assert first_difference(original_tokens(ORIGINAL), model_tokens(FR)) is None


def test_a_lost_word_is_caught():
    bad = FR.replace("condamné sans réserve", "condamné réserve", 1)
    assert "sans" in first_difference(original_tokens(ORIGINAL), model_tokens(bad))


def test_a_moved_word_is_caught():
    bad = FR.replace("les Etats membres du Conseil", "les membres Etats du Conseil", 1)
    assert first_difference(original_tokens(ORIGINAL), model_tokens(bad)) is not None


def test_a_lost_comma_is_caught():
    bad = FR.replace("Le 12 septembre 2001, les", "Le 12 septembre 2001 les", 1)
    assert first_difference(original_tokens(ORIGINAL), model_tokens(bad)) is not None
