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
from khabar.normalize.clitics import Clitics, choose, clitic_choices
from khabar.normalize.sentences import find_sentences
from khabar.normalize.tokens import ARABIC_RUN_RE, find_tokens, fold, token_shape
from khabar.offsets import OffsetMap

#: A few very frequent function words per Latin-script language, for the `lang` guess.
_STOPWORDS = {
    "en": frozenset("the of and to in is that for on with was by said".split()),
    "fr": frozenset("le la les de des et est du un une dans pour que qui".split()),
}
_LATIN_WORD_RE = re.compile(r"[A-Za-z\u00C0-\u024F]+")
_LETTER_RUN_RE = re.compile(r"[^\W\d_]+")
_SCRIPT_OF_SHAPE = {"arabic": "arabic", "latin": "latin", "mixed": "latin", "digit": "", "punct": ""}


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
    doc.tokens, letters = _annotate_tokens(doc, offsets, normalized, found)
    doc.lang = guess_lang(normalized, letters)
    return doc


class _Word(NamedTuple):
    """What a story needs to know about one word form: its token attributes, or, when the clitic
    split depends on the story's evidence, the attributes of every possible split."""

    folded: str
    attrs: dict[str, Any]  # of the split taken without evidence
    base_offset: int
    script: str  # whose letters the word is made of, for the language flag: arabic, latin, other or ""
    options: tuple[tuple[tuple[str, ...], tuple[str, ...], _Word], ...] = ()  # clitics.choose() picks one


#: Word form -> _Word, shared by all stories: news repeats its vocabulary, so most forms are
#: looked up, not analysed. Cleared when full (a plain dict is faster than an LRU here).
_WORDS: dict[str, _Word] = {}
_CACHE_MAX = 100_000


def _analyse_word(norm: str) -> _Word:
    """Shape, fold and clitic choices of a word form, with the attributes of each choice; cached."""
    if len(_WORDS) >= _CACHE_MAX:
        _WORDS.clear()
    shape, folded = token_shape(norm), fold(norm)
    if shape != "arabic":
        word = _word_of(norm, shape, folded, Clitics("", 0, folded, False, ""))
    else:
        choices = clitic_choices(norm, folded)
        word = _word_of(norm, shape, folded, choices[-1][2])
        if choices[0][0] or choices[0][1]:  # the story's evidence decides
            options = tuple((e1, e2, _word_of(norm, shape, folded, split)) for e1, e2, split in choices)
            word = word._replace(options=options)
        else:
            word = _word_of(norm, shape, folded, choices[0][2])
    _WORDS[norm] = word
    return word


def _word_of(norm: str, shape: str, folded: str, split: Clitics) -> _Word:
    attrs = {"norm": norm, "fold": folded, "pre": split.pre, "base": split.base, "det": split.det,
             "enc": split.enc, "shape": shape}
    script = _SCRIPT_OF_SHAPE.get(shape, "other" if norm.isalpha() else "")
    return _Word(folded, attrs, split.base_offset, script)


def _annotate_tokens(doc: Doc, offsets: OffsetMap, normalized: str,
                     found: list[tuple[int, int, int]]) -> tuple[list[Span], dict[str, int]]:
    """Token spans with their attributes (the contract of issue 3; clitics.py documents the split),
    and the number of letters per script for the language flag.

    The story's own (folded Arabic) words are the evidence for the clitic split.
    """
    known = _WORDS.get
    words = [known(norm) or _analyse_word(norm) for norm in [normalized[s:e] for s, e, _ in found]]
    undecided = {id(word): word for word in words if word.options}
    if undecided:
        vocabulary = {word.folded for word in words if word.script == "arabic"}
        decided = {key: word.options[choose(word.options, vocabulary)][2] for key, word in undecided.items()}
        words = [decided.get(id(word), word) for word in words]
    letters = dict.fromkeys(("arabic", "latin", "other", ""), 0)
    spans = offsets.to_original_spans([(s, e) for s, e, _ in found])
    tokens = []
    make_span, to_original = doc.span, offsets.to_original
    for (nstart, nend, sent), (start, end), word in zip(found, spans, words, strict=True):
        span = make_span(start, end)
        span["sent"] = sent
        span["base_start"] = to_original(nstart + word.base_offset, nend)[0] if word.base_offset else start
        span.update(word.attrs)
        tokens.append(span)
        letters[word.script] += nend - nstart
    return tokens, letters


def guess_lang(normalized: str, letters: dict[str, int] | None = None) -> str:
    """"ar" when Arabic letters are a clear majority (>= 60%) of letters, else a guess.

    Stories with little or no Arabic still pass through; the flag lets later stages skip them.
    `letters` (letters per script, as counted while annotating) saves counting them again.

    >>> guess_lang("قال مراسل Reuters إن الوضع"), guess_lang("The talks resumed in Geneva, the UN said")
    ('ar', 'en')
    """
    if letters is None:
        arabic = sum(map(len, ARABIC_RUN_RE.findall(normalized)))
        letters = {"arabic": arabic, "other": sum(map(len, _LETTER_RUN_RE.findall(normalized))) - arabic}
    total = letters.get("arabic", 0) + letters.get("latin", 0) + letters.get("other", 0)
    if total and letters.get("arabic", 0) >= 0.6 * total:
        return "ar"
    words = [w.lower() for w in _LATIN_WORD_RE.findall(normalized)]
    if words and sum(map(len, words)) >= 0.5 * total:
        scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
        best = max(scores, key=lambda lang: scores[lang])
        if scores[best] >= 2 or (scores[best] and len(words) < 20):
            return best
    return "und"
