"""Token normalization and id lookup shared by NER training and serving.

Training (``scripts/train_ner.py``) and serving (``ner_model.py``) must map a token to
the same ids, so both import these functions and nothing else does the mapping.

The folding below is the usual set for Arabic NER lookups: diacritics and tatweel
dropped, alef variants, alef maksura, teh marbuta and hamza carriers folded, digits
collapsed. It is written as one ``str.translate`` table rather than calling
``camel_tools.utils.normalize``/``dediac`` four times, because serving calls it for every
token type it meets and must stay under ~2 µs per call.
"""

from __future__ import annotations

import re

import numpy as np

# Harakat, tanween, shadda, sukun, dagger alef (U+064B-U+0652, U+0670) and tatweel (U+0640)
# are removed; Unicode ranges per the Arabic block chart.
_DROPPED = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640\u200f\u200e\u200c\u200d"
_FOLDED = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ئ": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ی": "ي",
    "ک": "ك",
}
_DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
NORMALIZE_TABLE = str.maketrans({**{c: None for c in _DROPPED}, **_FOLDED, **{d: "0" for d in _DIGITS}})

# Proclitic strings tried longest first (conjunction + preposition + article).  Light
# stemming in the style of Larkey et al. (2002) "light10", prefixes only: suffixes on
# names are rare and stripping them hurts more than it helps.
_PREFIXES = (
    "وبال",
    "وكال",
    "فبال",
    "وللا",
    "وال",
    "بال",
    "كال",
    "فال",
    "لل",
    "ال",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)
_MIN_STEM = 3

# News text is split like ANERcorp tokens: runs of word characters, or one other symbol.
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")

PAD, UNK = 0, 1
MAX_CHARS = 16


def normalize_word(token: str) -> str:
    """Fold a surface token to its lookup form.

    >>> normalize_word("الأُمَم") == "الامم"
    True
    """
    return token.translate(NORMALIZE_TABLE)


def strip_prefixes(norm: str) -> str:
    """Remove one proclitic string from a normalized word, keeping a stem of 3+ letters.

    >>> strip_prefixes("والرئيس")
    'رئيس'
    """
    for prefix in _PREFIXES:
        if norm.startswith(prefix) and len(norm) - len(prefix) >= _MIN_STEM:
            return norm[len(prefix) :]
    return norm


def tokenize_text(text: str) -> list[str]:
    """Split raw news text into ANERcorp-like tokens (diacritics removed first).

    >>> tokenize_text("قال الرئيس: نعم.")
    ['قال', 'الرئيس', ':', 'نعم', '.']
    """
    return _TOKEN_RE.findall(text.translate(_DROP_ONLY_TABLE))


_DROP_ONLY_TABLE = str.maketrans({c: None for c in _DROPPED})
_SENTENCE_END = frozenset(".!?؟")


def split_sentences(text: str) -> list[list[str]]:
    """Tokenize news text and cut it into sentences at final punctuation and line breaks.

    >>> split_sentences("وصل الوفد. بدأ الاجتماع")
    [['وصل', 'الوفد', '.'], ['بدأ', 'الاجتماع']]
    """
    sentences = []
    for line in text.split("\n"):
        current: list[str] = []
        for token in tokenize_text(line):
            current.append(token)
            if token in _SENTENCE_END:
                sentences.append(current)
                current = []
        if current:
            sentences.append(current)
    return sentences


class TokenEncoder:
    """Map tokens to word ids (full form and stem) and char ids, caching per surface form."""

    def __init__(self, words: list[str], chars: list[str]) -> None:
        self.word_index = {w: i for i, w in enumerate(words)}
        self.char_index = {c: i for i, c in enumerate(chars)}
        self._cache: dict[str, tuple[int, int, np.ndarray]] = {}

    def encode(self, token: str) -> tuple[int, int, np.ndarray]:
        """Return (word id, stem id, char ids padded to MAX_CHARS) for one token."""
        hit = self._cache.get(token)
        if hit is None:
            hit = self._encode_uncached(token)
            if len(self._cache) < 500_000:
                self._cache[token] = hit
        return hit

    def _encode_uncached(self, token: str) -> tuple[int, int, np.ndarray]:
        norm = normalize_word(token) or token
        stem = strip_prefixes(norm)
        word_id = self.word_index.get(norm, UNK)
        stem_id = self.word_index.get(stem, word_id)
        chars = np.zeros(MAX_CHARS, dtype=np.int64)
        clipped = norm if len(norm) <= MAX_CHARS else norm[:8] + norm[-8:]
        for i, char in enumerate(clipped):
            chars[i] = self.char_index.get(char, UNK)
        return word_id, stem_id, chars

    def encode_batch(self, sentences: list[list[str]]) -> dict[str, np.ndarray]:
        """Pad a batch of sentences into the model's int64 input arrays."""
        width = max((len(s) for s in sentences), default=0) or 1
        words = np.zeros((len(sentences), width), dtype=np.int64)
        stems = np.zeros_like(words)
        chars = np.zeros((len(sentences), width, MAX_CHARS), dtype=np.int64)
        for row, sentence in enumerate(sentences):
            if not sentence:
                continue
            encoded = [self.encode(token) for token in sentence]
            n = len(encoded)
            words[row, :n] = [e[0] for e in encoded]
            stems[row, :n] = [e[1] for e in encoded]
            chars[row, :n] = [e[2] for e in encoded]
        return {"words": words, "stems": stems, "chars": chars}
