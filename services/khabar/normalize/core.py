"""normalize: the first stage. Normalized view + offset map, sentences, tokens, language.

*Find* is in the sibling modules (clean: the view and its map; sentences; tokens; clitics);
this module only *annotates* the document with what they found. Every span it writes is an
original-text span obtained through the offset map.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Set as AbstractSet
from operator import add, itemgetter

from khabar.doc import Doc, Span, token_template
from khabar.normalize.charmap import ARABIC_LETTERS
from khabar.normalize.clean import normalize_text
from khabar.normalize.clitics import Clitics, clitic_choices
from khabar.normalize.sentences import find_sentences
from khabar.normalize.tokens import ARABIC_RUN_RE, find_story_tokens, fold, token_shape
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
    doc.tokens, letters = _annotate_tokens(doc, offsets, *find_story_tokens(normalized, sentence_bounds))
    doc.lang = guess_lang(normalized, letters)
    return doc


#: What a story needs to know about one word form, as the flat tuple
#: `(template, base_offset, script, folded, *options)`:
#: - template: the index in `_TEMPLATES` of its token template (attributes, see
#:   `doc.token_template`) for the split taken without evidence;
#: - base_offset: the characters of the form before the base of that split;
#: - script: whose letters the word is made of, for the language flag: arabic, latin, other or "";
#: - folded: `tokens.fold` of the form;
#: - options: when the clitic split depends on the story's evidence, every split, best first, as
#:   four fields `split evidence, enclitic evidence, template, base_offset`, each evidence being
#:   its forms joined by a space ("" when none is needed; see `_decide`); else nothing.
#: Flat tuples of strings and numbers, because the garbage collector untracks those at their first
#: collection; nested tuples are untracked one level per collection (a container is examined
#: before what only it refers to), so words with nested options reached the oldest generation
#: still tracked and triggered a full collection every few hundred stories (~10% of the stage).
_Word = tuple
_TEMPLATE, _BASE_OFFSET, _SCRIPT, _FOLDED, _OPTIONS = range(5)
_OPTION_FIELDS = 4
_template, _base_offset = itemgetter(_TEMPLATE), itemgetter(_BASE_OFFSET)

#: Word form -> _Word, shared by all stories: news repeats its vocabulary, so most forms are
#: looked up, not analysed. Cleared when full (a plain dict is faster than an LRU here); one
#: entry is about 1 kB, and 200 000 forms hold the vocabulary of a few months of wire copy.
_WORDS: dict[str, _Word] = {}
_TEMPLATES: list[Span] = []
_CACHE_MAX = 200_000


def _analyse_word(norm: str) -> _Word:
    """Shape, fold and clitic choices of a word form, with the token template of each choice; cached."""
    folded = fold(norm)
    if norm[0] in _ARABIC_LETTERS:  # an Arabic token is one run of Arabic letters (tokens.py)
        shape, script = "arabic", "arabic"
        choices = clitic_choices(norm, folded)
    else:
        shape = token_shape(norm)
        script = _SCRIPT_OF_SHAPE.get(shape, "other" if norm.isalpha() else "")
        choices = (((), (), Clitics("", 0, folded, False, "")),)
    if choices[0][0] or choices[0][1]:  # the story's evidence decides
        options = [field for e1, e2, split in choices
                   for field in (" ".join(e1), " ".join(e2), _add_template(norm, shape, folded, split),
                                 split.base_offset)]
        word = (options[-2], options[-1], script, folded, *options)
    else:
        split = choices[0][2]
        word = (_add_template(norm, shape, folded, split), split.base_offset, script, folded)
    _WORDS[norm] = word
    return word


def _decide(word: _Word, vocabulary: AbstractSet[str]) -> _Word:
    """`(template, base_offset)` of the first option of `word` whose evidence the story's
    vocabulary meets (clitics.choose on the flat layout); the last option needs none."""
    for at in range(_OPTIONS, len(word), _OPTION_FIELDS):
        split_evidence, enclitic_evidence = word[at], word[at + 1]
        # isdisjoint is the set test `any(w in vocabulary ...)` without a Python-level loop
        if (not split_evidence or not vocabulary.isdisjoint(split_evidence.split(" "))) and \
                (not enclitic_evidence or not vocabulary.isdisjoint(enclitic_evidence.split(" "))):
            return word[at + 2:at + 4]
    raise AssertionError("the last option needs no evidence")


def _add_template(norm: str, shape: str, folded: str, split: Clitics) -> int:
    """Store the token template of one split of a word form; returns its index in `_TEMPLATES`."""
    attrs = {"norm": norm, "fold": folded, "pre": split.pre, "base": split.base, "det": split.det,
             "enc": split.enc, "shape": shape}
    _TEMPLATES.append(token_template(attrs))
    return len(_TEMPLATES) - 1


def _annotate_tokens(doc: Doc, offsets: OffsetMap, norms: list[str], nstarts: list[int], nends: list[int],
                     sents: list[int]) -> tuple[list[Span], dict[str, int]]:
    """Token spans with their attributes (the contract of issue 3; clitics.py documents the split),
    and the number of letters per script for the language flag.

    Works column by column: each word form of the story is looked up once, and the offsets of
    all tokens are mapped in one call, so the only loop over tokens copies their templates.
    """
    word_of, letters = _story_words(norms)
    words = list(map(word_of.__getitem__, norms))
    starts, ends = offsets.to_original_bounds(nstarts, nends)
    base_starts = offsets.to_original_starts(list(map(add, nstarts, map(_base_offset, words))))
    templates = list(map(_TEMPLATES.__getitem__, map(_template, words)))
    tokens = doc.token_spans(starts, ends, sents, base_starts, templates)
    return tokens, letters


def _story_words(norms: list[str]) -> tuple[dict[str, _Word], dict[str, int]]:
    """Each word form of a story with its analysis, the clitic split decided by the story's own
    (folded Arabic) words, and the number of letters per script."""
    if len(_WORDS) >= _CACHE_MAX:  # between stories: a story's words refer to _TEMPLATES by index
        _WORDS.clear()
        _TEMPLATES.clear()
    known = _WORDS.get
    counts = Counter(norms)
    words = [known(norm) or _analyse_word(norm) for norm in counts]
    word_of = dict(zip(counts, words, strict=True))
    letters = dict.fromkeys(("arabic", "latin", "other", ""), 0)
    for norm, count, word in zip(counts, counts.values(), words, strict=True):
        letters[word[_SCRIPT]] += len(norm) * count
    undecided = [(norm, word) for norm, word in word_of.items() if len(word) > _OPTIONS]
    if undecided:
        vocabulary = {word[_FOLDED] for word in words if word[_SCRIPT] == "arabic"}
        for norm, word in undecided:
            word_of[norm] = _decide(word, vocabulary)
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
