"""Fixtures of the quantify tests: run the real normalize and quantify cores on a text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from khabar.doc import Doc, check_spans
from khabar.normalize.core import process as normalize
from khabar.quantify.core import process as quantify

Quantities = list[dict[str, Any]]


def quantify_text(text: str, published_at: str | None = None) -> Quantities:
    """The quantities layer of `text` after normalize and quantify, spans checked."""
    doc = quantify(normalize(Doc(id="test", text=text, published_at=published_at)))
    problems = check_spans(doc.to_dict())
    assert not problems, problems
    return doc.quantities


@pytest.fixture
def quantities_factory() -> Callable[..., Quantities]:
    """`quantities_factory(text, published_at=None)` -> the quantities of that text."""
    return quantify_text


def parse_expected(expected: str) -> dict[str, Any]:
    """'cardinal >=25 unit=قتيل' -> the contract fields it states (see real_sentences.py)."""
    kind, value, *extras = expected.split()
    fields: dict[str, Any] = {"kind": kind, "unit": None, **_bounds(value)}
    for extra in extras:
        key, _, raw = extra.partition("=")
        fields[key] = _typed(key, raw)
    if kind == "date":
        fields.setdefault("date", None)
    return fields


def _bounds(value: str) -> dict[str, Any]:
    if value == "-":
        return {"value": None, "min": None, "max": None}
    if ".." in value:
        low, high = value.split("..")
        return {"value": None, "min": _num(low), "max": _num(high), "approx": "range"}
    for sign, approx in ((">=", "gte"), ("<=", "lte"), (">", "gt"), ("<", "lt"), ("~", "about")):
        if value.startswith(sign):
            number = _num(value[len(sign) :])
            low = number if approx in ("gt", "gte") else None
            high = number if approx in ("lt", "lte") else None
            return {"value": number, "min": low, "max": high, "approx": approx}
    return {"value": _num(value), "min": None, "max": None, "approx": "exact"}


def _num(text: str) -> float:
    return float(text)


def _typed(key: str, raw: str) -> Any:
    if raw == "null":
        return None
    return int(raw) if key in ("month", "day") else raw


def find_surface(quantities: Quantities, surface: str) -> dict[str, Any]:
    """The quantity whose text is `surface` ("X#2": the second such quantity)."""
    text, _, nth = surface.partition("#")
    matches = [q for q in quantities if q["text"] == text]
    index = int(nth or 1) - 1
    assert len(matches) > index, f"no quantity {surface!r}; found {[q['text'] for q in quantities]}"
    return matches[index]


def assert_matches(quantity: dict[str, Any], expected: str) -> None:
    """Every field `expected` states equals the quantity's (numbers compared to 1e-9)."""
    for key, want in parse_expected(expected).items():
        got = quantity.get(key)
        if isinstance(want, float) and got is not None:
            assert abs(float(got) - want) <= 1e-9 * max(1.0, abs(want)), (
                f"{key}: {got!r} != {want!r} in {quantity}"
            )
        else:
            assert got == want, f"{key}: {got!r} != {want!r} in {quantity}"
