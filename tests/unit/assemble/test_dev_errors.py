"""Errors found on the blind dev set, one general rule each, on short sentences written for the test."""

from __future__ import annotations

import pytest

from khabar.runner import process_story

pytestmark = [pytest.mark.unit]


def events(text: str) -> list[dict]:
    return process_story({"id": "t", "text": text})["events"]


def of_type(text: str, kind: str) -> list[dict]:
    return [e for e in events(text) if e["type"] == kind]


def test_weak_death_verb_and_its_closing_noun_are_one_report():
    found = of_type('وقال المفوض "نحو 20 شخصا لقوا حتفهم".', "casualties")
    assert [e["killed"] for e in found] == [{"min": 20, "max": 20}]


def test_injured_in_the_next_clause_joins_the_killed_report():
    found = of_type('وقال المفوض "نحو 20 شخصا لقوا حتفهم". وأضاف أن أكثر من 12 شخصا أصيبوا.', "casualties")
    assert [(e["killed"], e["injured"]) for e in found] == [({"min": 20, "max": 20}, {"min": 12, "max": None})]


def test_awda_bihayat_gives_the_killed_figure():
    found = of_type("ونفذت الجماعة هجوما في مدينة مايدوغوري أودى بحياة أربعة أشخاص.", "casualties")
    assert [e["killed"] for e in found] == [{"min": 4, "max": 4}]


def test_laqiya_hatfahum_across_a_long_subset_phrase():
    text = "ولقي عشرة صحافيين بينهم رئيس قسم التصوير في مكتب الوكالة في كابول شاه مراي حتفهم."
    assert [e["killed"] for e in of_type(text, "casualties")] == [{"min": 10, "max": 10}]
