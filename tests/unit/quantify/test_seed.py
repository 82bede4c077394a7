"""Issue 5 acceptance on the seed story, run through the whole embedded pipeline."""

from __future__ import annotations

import pytest

from khabar.runner import process_story
from tests.unit.quantify.conftest import assert_matches

pytestmark = pytest.mark.unit

#: (surface, start offset in the seed, expected): the quantities issue 5 names.
SEED_QUANTITIES = (
    ("اكثر من 60", 1534, "cardinal >60 unit=قتيل"),
    ("اكثر من 60", 1577, "cardinal >60 unit=عنصر"),
    ("28 قتيلا على الاقل", 1800, "cardinal >=28 unit=قتيل"),
    ("21 عنصرا على الاقل", 2222, "cardinal >=21 unit=عنصر"),
    ("ما لا يقل عن 16", 2705, "cardinal >=16 unit=عنصر"),
    ("الساعات الاربع والعشرين", 1693, "duration 24 unit=hour"),
    ("الساعات الاربع والعشرين", 2806, "duration 24 unit=hour"),
    ("16 تشرين الاول/اكتوبر", 2627, "date - month=10 day=16"),
    ("15 تشرين الاول/اكتوبر", 3436, "date - month=10 day=15"),
    ("صيف 2012", 2180, "date - date=2012 season=summer"),
    ("العام 2012", 3498, "date - date=2012"),
    ("منذ اكثر من اسبوعين", 2881, "duration >2 unit=week"),
    ("السبت", 43, "date - weekday=السبت"),
    ("الجمعة", 646, "date - weekday=الجمعة"),
)


@pytest.fixture(scope="module")
def seed_quantities(seed_story):
    return process_story(seed_story)["quantities"]


@pytest.mark.parametrize(("surface", "start", "expected"), SEED_QUANTITIES, ids=lambda x: str(x))
def test_seed_quantity_span_and_value(seed_quantities, seed_text, surface, start, expected):
    matches = [q for q in seed_quantities if q["start"] == start]
    assert matches, f"nothing found at {start} ({seed_text[start : start + len(surface)]!r})"
    quantity = matches[0]
    assert (quantity["text"], quantity["end"]) == (surface, start + len(surface))
    assert_matches(quantity, expected)


def test_seed_channel_number_is_an_identifier(seed_quantities, seed_text):
    start = seed_text.index("قناة روسيا 1") + len("قناة روسيا ")
    found = [q for q in seed_quantities if q["start"] == start]
    assert [q["kind"] for q in found] == ["identifier"]


def test_seed_counted_noun_is_a_nested_span(seed_quantities):
    quantity = next(q for q in seed_quantities if q["start"] == 1800)
    assert quantity["counted"]["text"] == "قتيلا"
