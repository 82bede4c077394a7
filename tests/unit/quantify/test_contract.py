"""Issue 5: the quantities layer honours the shared schema and its enums."""

from __future__ import annotations

import pycountry
import pytest

from khabar import schemas
from khabar.quantify import units
from tests.unit.quantify.conftest import quantify_text
from tests.unit.quantify.real_sentences import SENTENCES

pytestmark = pytest.mark.unit


def test_contract_kinds_and_approx_come_from_the_schema():
    kinds, approx = set(schemas.enum("quantity_kind")), set(schemas.enum("approx"))
    for _, published, text, _ in SENTENCES:
        for quantity in quantify_text(text, published):
            assert quantity["kind"] in kinds
            assert quantity["approx"] in approx


def test_contract_bounds_follow_the_conventions():
    for _, published, text, _ in SENTENCES:
        for q in quantify_text(text, published):
            if q["approx"] in ("gt", "gte"):
                assert q["min"] == q["value"] and q["max"] is None
            elif q["approx"] in ("lt", "lte"):
                assert q["max"] == q["value"] and q["min"] is None
            elif q["approx"] == "range":
                assert q["value"] is None and q["min"] < q["max"]
            else:
                assert q["min"] is None and q["max"] is None


def test_contract_currency_codes_are_iso_4217():
    codes = {c.alpha_3 for c in pycountry.currencies}
    table = {
        *units.CURRENCY_ADJECTIVES.values(),
        *units.CURRENCY_DEFAULTS.values(),
        *units.CURRENCY_SYMBOLS.values(),
    }
    assert table <= codes


def test_contract_quantified_document_validates(seed_story):
    from khabar.runner import process_story

    document = process_story(seed_story)
    schemas.validate("khabar.quantified.v1", document)
