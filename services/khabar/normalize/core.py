"""normalize: the first stage. Normalized view + offset map, sentences, tokens, language.

*Find* is in the sibling modules (clean: the view and its map; sentences; tokens; clitics);
this module only *annotates* the document with what they found. Every span it writes is an
original-text span obtained through the offset map.
"""

from __future__ import annotations

import re
from collections import Counter
from operator import add, attrgetter
from typing import NamedTuple

from khabar.doc import Doc, Span, token_template
from khabar.normalize.charmap import ARABIC_LETTERS
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
_ARABIC_LETTERS = frozenset(ARABIC_LETTERS)
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
    doc.sentences = doc.spans(*offsets.to_original_bounds([s for s, _ in sentence_bounds],
                                                          [e for _, e in sentence_bounds]))
    found, sents = _find_story_tokens(normalized, sentence_bounds)
    doc.tokens, letters = _annotate_tokens(doc, offsets, normalized, found, sents)
    doc.lang = guess_lang(normalized, letters)
    return doc


def _find_story_tokens(normalized: str,
                       sentence_bounds: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[int]]:
    """Token spans of the normalized view, sentence by sentence, and the sentence index of each."""
    found: list[tuple[int, int]] = []
    sents: list[int] = []
    for index, (start, end) in enumerate(sentence_bounds):
        spans = find_tokens(normalized, start, end)
        found += spans
        sents += [index] * len(spans)
    return found, sents


class _Word(NamedTuple):
    """What a story needs to know about one word form: its token template (attributes, see
    `doc.token_template`), or, when the clitic split depends on the story's evidence, every
    possible split with the evidence it needs."""

    template: Span  # of the split taken without evidence
    base_offset: int  # characters of the form before its base
    script: str  # whose letters the word is made of, for the language flag: arabic, latin, other or ""
    folded: str
    # every split with its (split, enclitic) evidence, best first; clitics.choose() picks one
    options: tuple[tuple[tuple[str, ...], tuple[str, ...], _Word], ...] = ()


_TEMPLATE, _BASE_OFFSET = attrgetter("template"), attrgetter("base_offset")

#: Word form -> _Word, shared by all stories: news repeats its vocabulary, so most forms are
#: looked up, not analysed. Cleared when full (a plain dict is faster than an LRU here); one
#: entry is about 1 kB, and 200 000 forms hold the vocabulary of a few months of wire copy.
_WORDS: dict[str, _Word] = {}
_CACHE_MAX = 200_000


def _analyse_word(norm: str) -> _Word:
    """Shape, fold and clitic choices of a word form, with the token template of each choice; cached."""
    if len(_WORDS) >= _CACHE_MAX:
        _WORDS.clear()
    folded = fold(norm)
    if norm[0] in _ARABIC_LETTERS:  # an Arabic token is one run of Arabic letters (tokens.py)
        shape, script = "arabic", "arabic"
        choices = clitic_choices(norm, folded)
    else:
        shape = token_shape(norm)
        script = _SCRIPT_OF_SHAPE.get(shape, "other" if norm.isalpha() else "")
        choices = (((), (), Clitics("", 0, folded, False, "")),)
    if choices[0][0] or choices[0][1]:  # the story's evidence decides
        options = tuple((e1, e2, _Word(*_template_of(norm, shape, folded, split), script, folded))
                        for e1, e2, split in choices)
        word = options[-1][2]._replace(options=options)
    else:
        word = _Word(*_template_of(norm, shape, folded, choices[0][2]), script, folded)
    _WORDS[norm] = word
    return word


def _template_of(norm: str, shape: str, folded: str, split: Clitics) -> tuple[Span, int]:
    """The token template of one split of a word form, and where its base begins."""
    attrs = {"norm": norm, "fold": folded, "pre": split.pre, "base": split.base, "det": split.det,
             "enc": split.enc, "shape": shape}
    return token_template(attrs), split.base_offset


def _annotate_tokens(doc: Doc, offsets: OffsetMap, normalized: str, found: list[tuple[int, int]],
                     sents: list[int]) -> tuple[list[Span], dict[str, int]]:
    """Token spans with their attributes (the contract of issue 3; clitics.py documents the split),
    and the number of letters per script for the language flag.

    Works column by column: each word form of the story is looked up once, and the offsets of
    all tokens are mapped in one call, so the only loop over tokens copies their templates.
    """
    norms = [normalized[s:e] for s, e in found]
    word_of, letters = _story_words(norms)
    words = list(map(word_of.__getitem__, norms))
    nstarts = [s for s, _ in found]
    starts, ends = offsets.to_original_bounds(nstarts, [e for _, e in found])
    base_starts = offsets.to_original_starts(list(map(add, nstarts, map(_BASE_OFFSET, words))))
    tokens = doc.token_spans(starts, ends, sents, base_starts, list(map(_TEMPLATE, words)))
    return tokens, letters


def _story_words(norms: list[str]) -> tuple[dict[str, _Word], dict[str, int]]:
    """Each word form of a story with its analysis, the clitic split decided by the story's own
    (folded Arabic) words, and the number of letters per script."""
    known = _WORDS.get
    counts = Counter(norms)
    words = [known(norm) or _analyse_word(norm) for norm in counts]
    word_of = dict(zip(counts, words, strict=True))
    letters = dict.fromkeys(("arabic", "latin", "other", ""), 0)
    for norm, count, word in zip(counts, counts.values(), words, strict=True):
        letters[word.script] += len(norm) * count
    undecided = [(norm, word.options) for norm, word in word_of.items() if word.options]
    if undecided:
        vocabulary = {word.folded for word in words if word.script == "arabic"}
        for norm, options in undecided:
            word_of[norm] = options[choose(options, vocabulary)][2]
    return word_of, letters


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
