"""normalize: the first stage. Normalized view + offset map, sentences, tokens, language.

*Find* is in the sibling modules (clean: the view and its map; sentences; tokens; clitics);
this module only *annotates* the document with what they found. Every span it writes is an
original-text span obtained through the offset map.
"""

from __future__ import annotations

import re
from typing import Any

from khabar.doc import Doc, Span
from khabar.normalize.clean import normalize_text
from khabar.normalize.clitics import Clitics, split_clitics
from khabar.normalize.sentences import find_sentences
from khabar.normalize.tokens import find_tokens, fold
from khabar.offsets import OffsetMap

_NO_CLITICS = Clitics("", 0, "", False, "")
#: A few very frequent function words per Latin-script language, for the `lang` guess.
_STOPWORDS = {
    "en": frozenset("the of and to in is that for on with was by said".split()),
    "fr": frozenset("le la les de des et est du un une dans pour que qui".split()),
}
_LATIN_WORD_RE = re.compile(r"[A-Za-z\u00C0-\u024F]+")


def process(doc: Doc) -> Doc:
    """Add the normalized view, offset map, `sentences`, `tokens` and `lang` to `doc`.

    Args:
        doc: a story with its original `text`.

    Returns:
        The same document, annotated; `text` is untouched.
    """
    normalized, offsets = normalize_text(doc.text)
    doc.normalized, doc.offsets = normalized, offsets
    sentence_bounds = find_sentences(normalized)
    doc.sentences = [doc.span_from_normalized(s, e) for s, e in sentence_bounds]
    found = [(s, e, shape, index) for index, (ss, se) in enumerate(sentence_bounds)
             for s, e, shape in find_tokens(normalized, ss, se)]
    vocabulary = {fold(normalized[s:e]) for s, e, shape, _ in found if shape == "arabic"}
    doc.tokens = [_token(doc, offsets, normalized, s, e, shape, index, vocabulary)
                  for s, e, shape, index in found]
    doc.lang = guess_lang(normalized, doc.tokens)
    return doc


def _token(doc: Doc, offsets: OffsetMap, normalized: str, nstart: int, nend: int, shape: str,
           sent: int, vocabulary: set[str]) -> Span:
    """One token span with its attributes (the contract of issue 3; clitics.py documents the split)."""
    norm = normalized[nstart:nend]
    folded = fold(norm)
    clitics = split_clitics(norm, folded, vocabulary) if shape == "arabic" else _NO_CLITICS
    start, end = offsets.to_original(nstart, nend)
    base_start = start
    if clitics.base_offset:
        base_start = offsets.to_original(nstart + clitics.base_offset, nend)[0]
    attrs: dict[str, Any] = {
        "norm": norm, "fold": folded, "sent": sent,
        "pre": clitics.pre, "base": clitics.base or folded, "base_start": base_start,
        "det": clitics.det, "enc": clitics.enc, "shape": shape,
    }
    return doc.span(start, end, **attrs)


def guess_lang(normalized: str, tokens: list[Span]) -> str:
    """"ar" when Arabic letters are a clear majority (>= 60%) of letters, else a guess.

    Stories with little or no Arabic still pass through; the flag lets later stages skip them.
    """
    arabic = sum(len(t["norm"]) for t in tokens if t["shape"] == "arabic")
    latin = sum(len(t["norm"]) for t in tokens if t["shape"] in ("latin", "mixed"))
    letters = arabic + latin + sum(len(t["norm"]) for t in tokens if t["shape"] == "other" and t["norm"].isalpha())
    if letters and arabic >= 0.6 * letters:
        return "ar"
    if latin and latin >= 0.5 * letters:
        words = [w.lower() for w in _LATIN_WORD_RE.findall(normalized)]
        scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
        best = max(scores, key=lambda lang: scores[lang])
        if scores[best] >= 2 or (scores[best] and len(words) < 20):
            return best
    return "und"
