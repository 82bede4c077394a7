"""Issue 5: every quantity of the real-sentence table, with its exact span and value."""

from __future__ import annotations

import pytest

from tests.unit.quantify.conftest import assert_matches, find_surface, quantify_text
from tests.unit.quantify.real_sentences import NOT_QUANTITIES, SENTENCES

pytestmark = pytest.mark.unit

CASES = [
    pytest.param(text, published, surface, expected, id=f"{doc_id}:{surface}")
    for doc_id, published, text, expected_items in SENTENCES
    for surface, expected in expected_items
]


def test_real_sentences_table_is_large_enough():
    assert len(CASES) >= 200


@pytest.mark.parametrize(("text", "published", "surface", "expected"), CASES)
def test_real_sentences_quantity(text, published, surface, expected):
    quantity = find_surface(quantify_text(text, published), surface)
    assert_matches(quantity, expected)


@pytest.mark.parametrize(
    ("text", "published", "surface"),
    [
        pytest.param(text, published, surface, id=f"{doc_id}:not {surface}")
        for doc_id, published, text, surfaces in NOT_QUANTITIES
        for surface in surfaces
    ],
)
def test_real_sentences_not_a_quantity(text, published, surface):
    scored = [q["text"] for q in quantify_text(text, published) if q["kind"] != "identifier"]
    assert surface not in scored
