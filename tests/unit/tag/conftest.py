"""Fixtures of the tag stage's unit tests: documents tokenized like normalize, and a fake tagger.

The tokenizer here is deliberately tiny (word runs or one symbol, sentences at line breaks
and final stops) so the tag tests do not move when normalize changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from khabar.doc import Doc

_TOKEN_RE = re.compile(r"[\w\u064b-\u0652\u0670\u0640]+|[^\w\s]")  # harakat stay inside words
_SENT_END = {".", "!", "?", "؟"}


def tokenize(doc: Doc) -> Doc:
    """Word/symbol tokens with sentence numbers, as the normalize stage lays them out."""
    sent = 0
    for line in re.finditer(r"[^\n]+", doc.text):
        for m in _TOKEN_RE.finditer(doc.text, line.start(), line.end()):
            word = m.group()
            doc.tokens.append(doc.span(m.start(), m.end(), norm=word, fold=word, sent=sent))
            if word in _SENT_END:
                sent += 1
        sent += 1
    return doc


class FakeTagger:
    """Labels given phrases (space-separated tokens) with a type, everything else O."""

    def __init__(self, phrases: dict[str, str]) -> None:
        # shorter phrases first, so a longer one that contains them is labelled last and wins
        ordered = sorted(phrases.items(), key=lambda kv: len(kv[0].split()))
        self.phrases = {tuple(p.split()): t for p, t in ordered}
        self.calls = 0

    def predict(self, sentences: list[list[str]]) -> list[list[str]]:
        self.calls += 1
        out = []
        for words in sentences:
            labels = ["O"] * len(words)
            for phrase, typ in self.phrases.items():
                for i in range(len(words) - len(phrase) + 1):
                    if tuple(words[i:i + len(phrase)]) == phrase:
                        labels[i:i + len(phrase)] = [f"B-{typ}"] + [f"I-{typ}"] * (len(phrase) - 1)
            out.append(labels)
        return out


@pytest.fixture
def doc_factory() -> Callable[[str], Doc]:
    def make(text: str, story_id: str = "t") -> Doc:
        return tokenize(Doc(id=story_id, text=text))
    return make


@pytest.fixture
def found(doc_factory) -> Callable[..., list[tuple[str, str]]]:
    """Tag `text` with a fake model that labels `phrases`; return `(surface, type)` of each entity."""
    from khabar.tag.core import process

    def tag(text: str, phrases: dict[str, str] | None = None) -> list[tuple[str, str]]:
        doc = process(doc_factory(text), tagger=FakeTagger(phrases or {}))
        return [(e["text"], e["type"]) for e in doc.entities]
    return tag
