"""Fixtures of the assemble tests: hand-made documents with the tag and quantify layers filled in.

The assembler's unit tests must not depend on the tag and quantify models, so `doc_factory`
builds a document from a sentence written for the test: the real normalize stage gives the
tokens, and the test states the entities and quantities a perfect upstream would give.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from khabar.doc import Doc
from khabar.normalize.core import process as normalize

Spec = tuple[str, dict[str, Any]]


def _place_spans(doc: Doc, specs: tuple[Spec, ...] | list[Spec]) -> list[dict[str, Any]]:
    """Spans for (surface, attributes) pairs, each found after the previous one's start."""
    spans, cursor = [], 0
    for surface, attrs in specs:
        start = doc.text.find(surface, cursor)
        assert start >= 0, f"{surface!r} not in the test text after offset {cursor}"
        spans.append(doc.span(start, start + len(surface), expect=surface, **attrs))
        cursor = start
    return spans


def make_doc(
    text: str,
    entities: tuple[Spec, ...] | list[Spec] = (),
    quantities: tuple[Spec, ...] | list[Spec] = (),
    *,
    doc_id: str = "t",
    version: int = 1,
    published_at: str | None = None,
    source: str | None = None,
) -> Doc:
    """A normalized document with the given entities and quantities (in text order)."""
    doc = normalize(Doc(id=doc_id, text=text, version=version, published_at=published_at, source=source))
    doc.entities = _place_spans(doc, entities)
    doc.quantities = _place_spans(doc, quantities)
    for layer, stage in (
        ("tokens", "normalize"),
        ("sentences", "normalize"),
        ("entities", "tag"),
        ("quantities", "quantify"),
    ):
        doc.mark_layer(layer, stage, "test")
    return doc


def loc(**geo: Any) -> dict[str, Any]:
    return {"type": "LOC", **geo}


def cardinal(value: float, approx: str = "exact", unit: str | None = None) -> dict[str, Any]:
    """A quantify-stage cardinal with the bound conventions of CONVENTIONS.md."""
    low = value if approx in ("gt", "gte") else None
    high = value if approx in ("lt", "lte") else None
    return {"kind": "cardinal", "value": value, "min": low, "max": high, "approx": approx, "unit": unit}


@pytest.fixture
def doc_factory() -> Callable[..., Doc]:
    return make_doc
