"""The Arabic examples in the quantify docstrings run (STYLE.md §9)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import khabar.quantify

pytestmark = pytest.mark.unit

MODULES = sorted(info.name for info in pkgutil.iter_modules(khabar.quantify.__path__) if info.name != "app")


@pytest.mark.parametrize("name", MODULES)
def test_doctests_pass(name):
    module = importlib.import_module(f"khabar.quantify.{name}")
    result = doctest.testmod(module)
    assert result.failed == 0
