"""Sequence taggers the tag stage can run: Khabar's own NER model or camel-tools' BERT NER.

`KHABAR_NER_BACKEND` picks one: `khabar` (default; the ONNX model in `model/`, skipped with
a note in `meta` when its files are absent, so the rule layer still runs) or `camel-bert`
(camel-tools' `NERecognizer`, which needs torch, transformers and the `ner-arabert` data
package: `camel_data -i ner-arabert`). A backend that was asked for and cannot load raises
`BackendUnavailable` naming what is missing; nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib.util
import os
from functools import cache
from pathlib import Path
from typing import Protocol

from khabar.errors import BackendUnavailable
from khabar.settings import Settings

__all__ = ["BACKEND_ENV", "DEFAULT_BACKEND", "BackendUnavailable", "CamelBertTagger", "Tagger", "load_tagger"]

BACKEND_ENV = "KHABAR_NER_BACKEND"  # read by `Settings.from_env` into `ner_backend`
DEFAULT_BACKEND = Settings.ner_backend
_CAMEL_LABELS = {"PERS": "PER"}


class Tagger(Protocol):
    """Anything that labels token lists with BIO tags (PER, LOC, ORG, MISC)."""

    def predict(self, sentences: list[list[str]]) -> list[list[str]]: ...


@cache
def load_tagger(name: str | None = None) -> tuple[Tagger | None, str]:
    """The tagger for backend `name` (default: `$KHABAR_NER_BACKEND` or "khabar") and its label.

    Returns `(None, "none")` when the default Khabar model has no files yet.
    """
    name = name or Settings.from_env().ner_backend
    if name == "khabar":
        return _load_khabar()
    if name == "camel-bert":
        return CamelBertTagger.load(), "camel-bert"
    raise BackendUnavailable(f"{BACKEND_ENV}={name!r}: expected 'khabar' or 'camel-bert'")


def _load_khabar() -> tuple[Tagger | None, str]:
    if importlib.util.find_spec("khabar.tag.ner_model") is None:
        return None, "none"
    from khabar.tag import ner_model

    model_dir = getattr(ner_model, "MODEL_DIR", None)
    if model_dir is not None and not (Path(model_dir) / "model.onnx").exists():
        return None, "none"
    return ner_model.NerModel.load(), "khabar"


def camel_data_dir() -> Path:
    """Where camel-tools keeps its data packages (its own rule: $CAMELTOOLS_DATA or ~/.camel_tools)."""
    return Path(os.environ.get("CAMELTOOLS_DATA") or Path.home() / ".camel_tools").expanduser()


class CamelBertTagger:
    """camel-tools' AraBERT NER behind the `Tagger` interface (labels PERS -> PER)."""

    def __init__(self, recognizer: object) -> None:
        self._recognizer = recognizer

    @classmethod
    def load(cls) -> CamelBertTagger:
        """Load the recognizer, checking first what it needs so the error says what to install."""
        missing = [pkg for pkg in ("torch", "transformers") if importlib.util.find_spec(pkg) is None]
        if missing:
            raise BackendUnavailable(
                f"{BACKEND_ENV}=camel-bert needs the packages {', '.join(missing)}, which Khabar does "
                "not install by default; install them into this environment, or use the default backend"
            )
        data = camel_data_dir() / "data" / "ner" / "arabert"
        if not (data / "config.json").exists():
            raise BackendUnavailable(
                f"{BACKEND_ENV}=camel-bert needs camel-tools' NER data at {data}; "
                "run `camel_data -i ner-arabert` (or set CAMELTOOLS_DATA to where it is)"
            )
        from camel_tools.ner import NERecognizer

        return cls(NERecognizer(str(data), use_gpu=False))

    def predict(self, sentences: list[list[str]]) -> list[list[str]]:
        labels = self._recognizer.predict(sentences)  # type: ignore[attr-defined]
        return [[_camel_label(label) for label in sent] for sent in labels]


def _camel_label(label: str) -> str:
    tag, _, typ = label.partition("-")
    return f"{tag}-{_CAMEL_LABELS.get(typ, typ)}" if typ else label
