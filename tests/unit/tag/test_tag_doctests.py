"""The Arabic examples in the tag modules' docstrings run as doctests."""

from __future__ import annotations

import doctest
import importlib

import pytest

pytestmark = pytest.mark.unit

MODULES = ["core", "words", "canonical", "decode", "gazetteer", "lexicon"]


@pytest.mark.parametrize("name", MODULES)
def test_tag_docstring_examples_run(name):
    module = importlib.import_module(f"khabar.tag.{name}")
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0
