"""Unit tests for the run-time NER model (issue 4): loads without torch, tags plain sentences."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from khabar.tag.ner_conll import find_entities
from khabar.tag.ner_features import normalize_word, strip_prefixes
from khabar.tag.ner_model import NerModel, decode_viterbi

# Written for these tests: "Syrian President Bashar al-Assad said on Sunday that the army
# entered Aleppo." / "The United Nations called for a ceasefire in Aleppo."
ASSAD_ALEPPO = "قال الرئيس السوري بشار الأسد يوم الأحد إن الجيش دخل مدينة حلب .".split()
UN_CEASEFIRE = "ودعت الأمم المتحدة إلى وقف إطلاق النار في حلب .".split()
# Tatweel and diacritics on the same name must not change the answer.
ASSAD_DECORATED = "قال الرئيس السوري بشـار الأَسَد إن الجيش دخل حلب .".split()
LABELS = {"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}


@pytest.fixture(scope="module")
def ner() -> NerModel:
    return NerModel.load()


def entity_texts(tokens: list[str], labels: list[str]) -> set[tuple[str, str]]:
    return {(" ".join(tokens[s:e]), kind) for s, e, kind in find_entities(labels)}


@pytest.mark.unit
def test_ner_model_tags_person_and_location(ner: NerModel) -> None:
    (labels,) = ner.predict([ASSAD_ALEPPO])
    found = entity_texts(ASSAD_ALEPPO, labels)
    assert ("بشار الأسد", "PER") in found
    assert ("حلب", "LOC") in found


@pytest.mark.unit
def test_ner_model_tags_organization(ner: NerModel) -> None:
    (labels,) = ner.predict([UN_CEASEFIRE])
    assert ("الأمم المتحدة", "ORG") in entity_texts(UN_CEASEFIRE, labels)


@pytest.mark.unit
def test_ner_model_ignores_tatweel_and_diacritics(ner: NerModel) -> None:
    (labels,) = ner.predict([ASSAD_DECORATED])
    assert ("بشـار الأَسَد", "PER") in entity_texts(ASSAD_DECORATED, labels)


@pytest.mark.unit
def test_ner_model_keeps_shape_and_order(ner: NerModel) -> None:
    batch = [UN_CEASEFIRE, [], ASSAD_ALEPPO, ["حلب"]]
    out = ner.predict(batch)
    assert [len(labels) for labels in out] == [len(s) for s in batch]
    assert all(label in LABELS for labels in out for label in labels)
    # int8 weights quantize activations per batch, so compare entities, not every label.
    assert ("الأمم المتحدة", "ORG") in entity_texts(UN_CEASEFIRE, out[0])
    assert ("بشار الأسد", "PER") in entity_texts(ASSAD_ALEPPO, out[2])
    assert out[1] == []


@pytest.mark.unit
def test_ner_model_loads_without_torch() -> None:
    code = (
        "import sys; from khabar.tag.ner_model import NerModel; NerModel.load().predict([['حلب']]);"
        "assert 'torch' not in sys.modules, 'torch imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.unit
def test_normalize_word_folds_hamza_and_diacritics() -> None:
    assert normalize_word("الأُمَم") == normalize_word("الامم") == "الامم"
    assert strip_prefixes(normalize_word("وبالأمم")) == "امم"


@pytest.mark.unit
def test_decode_viterbi_respects_lengths() -> None:
    emissions = np.array([[[0.0, 5.0], [5.0, 0.0], [0.0, 9.0]]] * 2, dtype=np.float32)
    zeros = np.zeros(2, dtype=np.float32)
    paths = decode_viterbi(emissions, np.array([3, 2]), np.zeros((2, 2), np.float32), zeros, zeros)
    assert [p.tolist() for p in paths] == [[1, 0, 1], [1, 0]]
