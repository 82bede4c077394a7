"""The envelope: stand-off spans, layers, JSON round trip."""

from __future__ import annotations

import pytest

from khabar.doc import Doc, check_spans
from khabar.errors import EmptyTextError, InputError, NotJsonError, SpanError

pytestmark = pytest.mark.unit

CLITIC_PLACE = "غارات على وبغداد اليوم"


def test_doc_span_checks_mention():
    doc = Doc(id="x", text=CLITIC_PLACE)
    start = CLITIC_PLACE.index("بغداد")
    span = doc.span(start, start + 5, expect="بغداد", type="LOC")
    assert span == {"start": start, "end": start + 5, "text": "بغداد", "type": "LOC"}
    with pytest.raises(SpanError):
        doc.span(start, start + 5, expect="وبغداد")
    with pytest.raises(SpanError):
        doc.span(0, len(CLITIC_PLACE) + 1)


def test_doc_json_round_trip_keeps_layers_and_text():
    doc = Doc(id="x", text=CLITIC_PLACE, published_at="2024-01-02T10:00:00Z")
    doc.entities.append(doc.span(12, 17, type="LOC"))
    doc.mark_layer("entities", "tag", "0.1.0")
    again = Doc.from_json(doc.to_json())
    assert again.to_dict() == doc.to_dict()
    assert again.text == CLITIC_PLACE


def test_doc_from_dict_rejects_bad_stories():
    with pytest.raises(EmptyTextError):
        Doc.from_dict({"id": "x", "text": "  \n"})
    with pytest.raises(InputError):
        Doc.from_dict({"text": "نص"})
    with pytest.raises(InputError):
        Doc.from_dict(["not", "an", "object"])  # type: ignore[arg-type]
    with pytest.raises(NotJsonError):
        Doc.from_json(b"{not json")
    with pytest.raises(NotJsonError):
        Doc.from_json(b'{"id": "x", "text": "\xff\xfe"}')


def test_check_spans_finds_nested_bad_spans():
    text = "قتل 5 في حلب"
    good = {"text": text, "events": [{"evidence": [{"start": 0, "end": 3, "text": "قتل"}],
                                      "location": {"start": 9, "end": 12, "text": "حلب"}}]}
    assert check_spans(good) == []
    bad = {"text": text, "entities": [{"start": 9, "end": 12, "text": "حمص"}]}
    assert len(check_spans(bad)) == 1
