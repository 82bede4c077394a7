"""Backend selection: the default model, and a clear error when camel-tools' BERT NER is missing."""

from __future__ import annotations

import pytest

from khabar.errors import KhabarError
from khabar.tag import backends
from khabar.tag.backends import BackendUnavailable, CamelBertTagger, _camel_label, load_tagger

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def _fresh_cache():
    load_tagger.cache_clear()
    yield
    load_tagger.cache_clear()


def test_backend_camel_bert_without_torch_raises_clear_error(monkeypatch):
    monkeypatch.setattr(backends.importlib.util, "find_spec",
                        lambda name: None if name in ("torch", "transformers") else object())
    monkeypatch.setenv("KHABAR_NER_BACKEND", "camel-bert")
    with pytest.raises(BackendUnavailable, match="torch, transformers") as err:
        load_tagger()
    assert isinstance(err.value, KhabarError) and err.value.reason == "ner_backend_missing"


def test_backend_camel_bert_without_data_names_the_install_command(monkeypatch, tmp_path):
    monkeypatch.setattr(backends.importlib.util, "find_spec", lambda name: object())
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    with pytest.raises(BackendUnavailable, match="camel_data -i ner-arabert"):
        CamelBertTagger.load()


def test_backend_unknown_name_is_refused():
    with pytest.raises(BackendUnavailable, match="expected 'khabar' or 'camel-bert'"):
        load_tagger("spacy")


def test_backend_default_is_the_khabar_model(monkeypatch):
    monkeypatch.delenv("KHABAR_NER_BACKEND", raising=False)
    tagger, label = load_tagger()
    assert label in ("khabar", "none")
    assert (tagger is None) == (label == "none")


def test_backend_camel_labels_map_to_khabar_types():
    assert [_camel_label(x) for x in ("B-PERS", "I-PERS", "B-LOC", "O")] == ["B-PER", "I-PER", "B-LOC", "O"]


def test_backend_unavailable_is_a_khabar_error_with_a_reason_code():
    from khabar.errors import BackendUnavailable as Shared

    assert BackendUnavailable is Shared and issubclass(Shared, KhabarError)
    assert Shared.reason == "ner_backend_missing"


def test_settings_read_the_ner_backend_from_the_environment():
    from khabar.settings import Settings

    assert Settings.from_env({}).ner_backend == "khabar"
    assert Settings.from_env({"KHABAR_NER_BACKEND": "camel-bert"}).ner_backend == "camel-bert"
