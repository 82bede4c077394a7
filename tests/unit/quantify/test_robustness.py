"""Issue 5: malformed and extreme input is read in bounded time, without an exception."""

from __future__ import annotations

import signal

import pytest

from khabar.quantify.find import find_quantities
from tests.unit.quantify.conftest import quantify_text

pytestmark = pytest.mark.unit

#: A hang guard, not a speed target (speed lives in tests/perf): an exponential regex or
#: parser on these inputs would run for hours; a linear one finishes in well under a second.
HANG_GUARD_SECONDS = 60

UGLY_INPUTS = {
    "ten_thousand_digits": "بلغ العدد " + "9" * 10_000 + " شخصا",
    "ten_thousand_eastern_digits": "٩" * 10_000,
    "digits_with_separators": ",".join(["123"] * 3000),
    "five_hundred_number_words": "ثلاثة " * 500,
    "five_hundred_joined_words": " و".join(["عشرين"] * 500),
    "five_hundred_scales": "مليون " * 500,
    "five_hundred_qualifiers": "أكثر من " * 500 + "5",
    "mixed_scripts_in_one_number": "قتل 1٢3۴ شخصا و١2,٥00 دولار",
    "tatweel_and_marks": "قُتِلَ ثلاثـــة أشخـاص في ١٥ أيـــار",
    "emoji_and_symbols": "🔥 قتل 5 أشخاص 🔥 %%% $$$ --- /// ~~~",
    "only_punctuation": "...،،،؟؟؟!!!",
    "bidi_controls": "\u202a25799\u202a,\u202a52\u202c شخص",
    "dates_everywhere": " ".join(["1/1/2000"] * 2000),
}


@pytest.mark.parametrize("name", sorted(UGLY_INPUTS))
def test_robustness_ugly_input_in_bounded_time(name):
    def hung(signum, frame):
        raise TimeoutError(f"quantify did not finish {name!r} within {HANG_GUARD_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_GUARD_SECONDS)
    try:
        quantities = quantify_text(UGLY_INPUTS[name])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert isinstance(quantities, list)


def test_robustness_huge_number_is_an_identifier_not_an_amount():
    quantities = quantify_text(UGLY_INPUTS["ten_thousand_digits"])
    assert [(q["kind"], q["value"]) for q in quantities] == [("identifier", None)]


def test_robustness_repeated_words_are_separate_numbers():
    quantities = quantify_text(UGLY_INPUTS["five_hundred_number_words"])
    assert len(quantities) == 500
    assert {q["value"] for q in quantities} == {3}


def test_robustness_mixed_scripts_read_as_one_number():
    quantities = quantify_text(UGLY_INPUTS["mixed_scripts_in_one_number"])
    assert [q["value"] for q in quantities] == [1234, 12500]


def test_robustness_tatweel_and_marks_map_back_to_the_original():
    text = UGLY_INPUTS["tatweel_and_marks"]
    quantities = quantify_text(text)
    assert [q["text"] for q in quantities] == ["ثلاثـــة", "١٥ أيـــار"]


def test_robustness_find_on_the_raw_text_without_normalize():
    assert find_quantities("")[:1] == []
    assert [f.attrs["value"] for f in find_quantities("قتل ٣ أشخاص")] == [3]
