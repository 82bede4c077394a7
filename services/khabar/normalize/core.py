"""normalize: the first stage. Normalized view + offset map, sentences, tokens, language.

*Find* is in the sibling modules (clean: the view and its map; sentences; tokens; clitics);
this module only *annotates* the document with what they found. Every span it writes is an
original-text span obtained through the offset map.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from khabar.doc import Doc, Span
from khabar.normalize.clean import normalize_text
from khabar.normalize.clitics import Clitics, split_clitics, split_without_evidence
from khabar.normalize.sentences import find_sentences
from khabar.normalize.tokens import find_tokens, fold, token_shape
from khabar.offsets import OffsetMap

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
    doc.sentences = [doc.span(s, e) for s, e in offsets.to_original_spans(sentence_bounds)]
    found = [(s, e, index) for index, (ss, se) in enumerate(sentence_bounds)
             for s, e in find_tokens(normalized, ss, se)]
    words = _analyse_words({normalized[s:e] for s, e, _ in found})
    doc.tokens = _annotate_tokens(doc, offsets, normalized, found, words)
    doc.lang = guess_lang(normalized, doc.tokens)
    return doc


class _Word(NamedTuple):
    """What a story needs to know about one word form: attributes, or what to decide them from."""

    shape: str
    folded: str
    attrs: dict[str, Any] | None  # None: the clitic split depends on the story's evidence
    base_offset: int


#: Word form -> _Word, shared by all stories: news repeats its vocabulary, so most forms are
#: looked up, not analysed. Cleared when full (a plain dict is faster than an LRU here).
_WORDS: dict[str, _Word] = {}
_WORDS_MAX = 300_000
#: (word form, split decided on a story's evidence) -> _Word, so that the attributes are built once.
_DECIDED: dict[tuple[str, Clitics], _Word] = {}


def _word(norm: str) -> _Word:
    word = _WORDS.get(norm)
    if word is None:
        if len(_WORDS) >= _WORDS_MAX:
            _WORDS.clear()
        shape, folded = token_shape(norm), fold(norm)
        unsplit = Clitics("", 0, folded, False, "")
        split = split_without_evidence(norm, folded) if shape == "arabic" else unsplit
        word = _WORDS[norm] = _Word(shape, folded, None, 0) if split is None else _word_of(norm, shape, split)
    return word


def _word_of(norm: str, shape: str, split: Clitics) -> _Word:
    folded = fold(norm)
    attrs = {"norm": norm, "fold": folded, "pre": split.pre, "base": split.base, "det": split.det,
             "enc": split.enc, "shape": shape}
    return _Word(shape, folded, attrs, split.base_offset)


def _analyse_words(forms: set[str]) -> dict[str, _Word]:
    """Token attributes (but `sent`, `base_start`) of each distinct word form of a story.

    The story's own Arabic words are the evidence the clitic splitter needs (clitics.py, rule 2).
    """
    known = _WORDS.get
    words = {norm: known(norm) or _word(norm) for norm in forms}
    undecided = [norm for norm, word in words.items() if word.attrs is None]
    if undecided:
        vocabulary = {word.folded for word in words.values() if word.shape == "arabic"}
        for norm in undecided:
            split = split_clitics(norm, words[norm].folded, vocabulary)
            word = _DECIDED.get((norm, split))
            if word is None:
                if len(_DECIDED) >= _WORDS_MAX:
                    _DECIDED.clear()
                word = _DECIDED[norm, split] = _word_of(norm, "arabic", split)
            words[norm] = word
    return words


def _annotate_tokens(doc: Doc, offsets: OffsetMap, normalized: str, found: list[tuple[int, int, int]],
                     words: dict[str, _Word]) -> list[Span]:
    """Token spans with their attributes (the contract of issue 3; clitics.py documents the split)."""
    spans = offsets.to_original_spans([(s, e) for s, e, _ in found])
    tokens = []
    make_span, to_original = doc.span, offsets.to_original
    for (nstart, nend, sent), (start, end) in zip(found, spans, strict=True):
        word = words[normalized[nstart:nend]]
        span = make_span(start, end)
        span["sent"] = sent
        span["base_start"] = to_original(nstart + word.base_offset, nend)[0] if word.base_offset else start
        span.update(word.attrs)  # type: ignore[arg-type]
        tokens.append(span)
    return tokens


def guess_lang(normalized: str, tokens: list[Span]) -> str:
    """"ar" when Arabic letters are a clear majority (>= 60%) of letters, else a guess.

    Stories with little or no Arabic still pass through; the flag lets later stages skip them.
    """
    arabic = sum(len(t["norm"]) for t in tokens if t["shape"] == "arabic")
    latin = sum(len(t["norm"]) for t in tokens if t["shape"] in ("latin", "mixed"))
    others = sum(len(t["norm"]) for t in tokens if t["shape"] == "other" and t["norm"].isalpha())
    letters = arabic + latin + others
    if letters and arabic >= 0.6 * letters:
        return "ar"
    if latin and latin >= 0.5 * letters:
        words = [w.lower() for w in _LATIN_WORD_RE.findall(normalized)]
        scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
        best = max(scores, key=lambda lang: scores[lang])
        if scores[best] >= 2 or (scores[best] and len(words) < 20):
            return best
    return "und"
