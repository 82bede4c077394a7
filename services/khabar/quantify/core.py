"""quantify: every numeric expression of a story, with a machine value, honest bounds and what it counts.

No open library does this for Arabic news: pyarabic's text2number reads words only
(digit strings give 0), Duckling's Arabic rules are Haskell and miss Levantine months,
bounds and counted nouns, and Recognizers-Text has Arabic only in .NET. So this is
Khabar's own code, kept table-driven and readable: the word lists are data
(`lexicon.py`, `units.py`, `calendars.py`, month names from CLDR via Babel), and each
matcher is a small reader over classified tokens (`numerals.py`, `dates.py`,
`deixis.py`, `times.py`, `amounts.py`, `ordinals.py`, `identifiers.py`), run in a fixed
order by `find.py`.

Find works on the normalized view (`doc.normalized`) and knows nothing of `Doc`;
annotate maps its offsets back to the original text through `doc.offsets` and writes
`doc.quantities`. Conventions (span, value, bounds) are those of the shared
CONVENTIONS.md: "أكثر من 60" is value 60, min 60, approx gt.
"""

from __future__ import annotations

from typing import Any

from khabar.doc import Doc, Span
from khabar.quantify.find import Found, find_quantities
from khabar.quantify.relative import parse_published

#: entity types whose numbers are names (قناة روسيا 1، مدينة 6 أكتوبر), not amounts.
_NAMING_ENTITIES = ("ORG", "LOC")


def process(doc: Doc) -> Doc:
    """Add the `quantities` layer.

    Args:
        doc: a story that went through normalize (its `normalized` view and offset map).

    Returns:
        The same document with `doc.quantities` holding one span per quantity, in text order.
    """
    text = doc.normalized if doc.normalized is not None else doc.text
    found = find_quantities(text, parse_published(doc.published_at))
    doc.quantities = [annotate(doc, item) for item in found]
    _mark_names(doc)
    return doc


def annotate(doc: Doc, item: Found) -> Span:
    """One quantity span over the original text, with its counted noun as a nested span."""
    attrs: dict[str, Any] = dict(item.attrs)
    if item.counted is not None:
        attrs["counted"] = _span(doc, *item.counted)
    start, end = _original(doc, item.start, item.end)
    return doc.span(start, end, **attrs)


def _span(doc: Doc, start: int, end: int) -> Span:
    return doc.span(*_original(doc, start, end))


def _original(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Original offsets of a span of the searched view (identity when there is no map)."""
    if doc.normalized is None or doc.offsets is None:
        return start, end
    return doc.offsets.to_original(start, end)


def _mark_names(doc: Doc) -> None:
    """A quantity inside an ORG or LOC name that has letters of its own is an identifier."""
    names = [(e["start"], e["end"]) for e in doc.entities if e.get("type") in _NAMING_ENTITIES]
    if not names:
        return
    for quantity in doc.quantities:
        s, e = quantity["start"], quantity["end"]
        if any(ns <= s and e <= ne and (ne - ns) > (e - s) + 1 for ns, ne in names):
            quantity.update(kind="identifier", value=None, min=None, max=None, approx="exact", unit=None)
