"""The Arabic examples in the assemble modules' docstrings run (STYLE.md section 9)."""

from __future__ import annotations

import doctest
import importlib

import pytest

pytestmark = pytest.mark.unit

MODULES = ("core", "counts", "keys", "timeframe", "triggers")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(f"khabar.assemble.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
