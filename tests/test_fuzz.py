"""No traceback escapes the readers: random Unicode in a source's lines and fields, and in the
YAML files, ends in a SourceError (`file:line: where: what; how to fix`) or a document; and the
YAML reader stays within its bounds, in memory, whatever the file (Hypothesis)."""

from __future__ import annotations

import re
import tracemalloc

import pytest
from edition.core.inline import InlineError, check_inline
from edition.sources.labels import parse_labels
from edition.sources.parse import SourceError, parse_document
from edition.sources.register import parse_register
from edition.sources.schema import MAX_YAML_BYTES, Reader
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import SHAPE
from tests.test_bad_input import EN, FR, LAB, REG, read

MESSAGE = re.compile(r"^\S+:\d+(:\d+)?: \S.*: .+", re.S)  # file:line[:col]: where: what
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Any code point, surrogates included (a source decoded from bytes holds none, but a reader must not care).
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=80)
KEYS = st.sampled_from(["p: ", "- ", "title: ", "label: ", "signature: ", "organ: ", "q: ", "", "[", "<!--", "-->"])

SOURCE_LINES = {name: read(name).split("\n") for name in (FR, EN)}


def parsed_or_refused(text: str, path: str, lang: str) -> None:
    try:
        parse_document(text, path, lang, SHAPE)
    except SourceError as error:
        assert MESSAGE.match(str(error)), str(error)
        assert str(error).startswith(f"{path}:")


@FUZZ
@given(st.sampled_from([FR, EN]), st.integers(min_value=0, max_value=400), KEYS, ANY_TEXT)
def test_a_line_of_random_unicode_never_escapes_the_parser(name: str, index: int, key: str, text: str):
    lines = list(SOURCE_LINES[name])
    lines.insert(index % len(lines), key + text)
    parsed_or_refused("\n".join(lines), name, "fr" if name == FR else "en")


@FUZZ
@given(st.sampled_from([FR, EN]), st.integers(min_value=0, max_value=400), ANY_TEXT)
def test_random_unicode_inside_a_field_never_escapes_the_parser(name: str, index: int, text: str):
    lines = list(SOURCE_LINES[name])
    at = index % len(lines)
    lines[at] = lines[at][: len(lines[at]) // 2] + text + lines[at][len(lines[at]) // 2 :]
    parsed_or_refused("\n".join(lines), name, "fr" if name == FR else "en")


@FUZZ
@given(ANY_TEXT)
def test_the_inline_check_refuses_or_accepts_every_text(text: str):
    try:
        check_inline(text)
    except InlineError as error:
        assert 1 <= error.column <= len(text) + 1


@settings(FUZZ, max_examples=60)  # a YAML file is read whole each time
@given(st.sampled_from([REG, LAB]), st.integers(min_value=0, max_value=900), ANY_TEXT)
def test_random_unicode_in_a_yaml_file_never_escapes_its_reader(name: str, index: int, text: str):
    lines = read(name).split("\n")
    at = index % len(lines)
    lines[at] = lines[at] + text
    try:
        (parse_register if name == REG else parse_labels)("\n".join(lines), name)
    except SourceError as error:
        assert MESSAGE.match(str(error)) and str(error).startswith(f"{name}:"), str(error)


def billion_laughs(levels: int, in_key: bool) -> str:
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, levels)]
    return "\n".join(lines) + (f"\n? *l{levels - 1}\n: x\n" if in_key else f"\nboom: *l{levels - 1}\n")


@pytest.mark.parametrize(
    "text",
    [
        billion_laughs(12, in_key=True),  # 9^12 nodes if expanded
        billion_laughs(12, in_key=False),
        "k: " + "[" * 100_000 + "]" * 100_000,  # nesting
        "k:\n" + "".join("  " * n + f"k{n}:\n" for n in range(1, 2_000)),
        "- x\n" * 60_000,  # many values
        "# " + "x" * (MAX_YAML_BYTES + 1),  # size
    ],
    ids=["alias-bomb-in-a-key", "alias-bomb-in-a-value", "flow-nesting", "block-nesting", "many-values", "size"],
)
def test_yaml_is_read_within_bounds(text: str):
    """Each hostile file is refused with file:line, and reading it never holds more than a few
    megabytes (the bound asserted, not a time): no node of it is expanded or printed."""
    tracemalloc.start()
    try:
        with pytest.raises(SourceError) as error:
            Reader("hostile.yml").compose(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert MESSAGE.match(str(error.value)) and str(error.value).startswith("hostile.yml:"), str(error.value)
    assert peak < 16 * 2**20 + 2 * len(text), peak
