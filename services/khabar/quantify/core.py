"""quantify: numbers, amounts, dates (placeholder core, issue 5)."""

from __future__ import annotations

from khabar.doc import Doc


def process(doc: Doc) -> Doc:
    doc.quantities = []
    return doc
