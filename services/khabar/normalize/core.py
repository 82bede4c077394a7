"""normalize: the first stage. Normalized view + offset map, sentences, tokens, language.

*Find* is in the sibling modules (clean: the view and its map; sentences; tokens; clitics);
this module only *annotates* the document with what they found. Every span it writes is an
original-text span obtained through the offset map.
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from itertools import compress
from operator import add, itemgetter, mul, not_

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
    with _collector_paused():
        normalized, offsets = normalize_text(doc.text)
        doc.normalized, doc.offsets = normalized, offsets
        sentence_bounds = find_sentences(normalized)
        doc.sentences = doc.spans(*offsets.to_original_bounds([s for s, _ in sentence_bounds],
                                                              [e for _, e in sentence_bounds]))
        doc.tokens, letters = _annotate_tokens(doc, offsets, *find_story_tokens(normalized, sentence_bounds))
        doc.lang = guess_lang(normalized, letters)
    return doc


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for one story, then restore its previous state.

    Why: a story makes hundreds of short-lived container objects (regex match objects above
    all) and no reference cycles. With the collector on, collections that fire mid-story
    promote the live ones to older generations, and every ~2 000 stories that pile triggers a
    full collection, which walks the whole word cache (~6% of the stage's CPU time). Paused, the
    story's objects are freed by reference counting before the collector looks at them; what
    the cache keeps is still counted, and collected as usual once the collector is back on.
    The pause lasts one synchronous call (a few ms); a caller that had disabled the collector
    keeps it disabled. Process-wide settings (thresholds, gc.freeze) are left alone.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


#: What a story needs to know about one word form, as the flat tuple
#: `(template, base_offset, vocabulary_form, letters, *options)`:
#: - template: the index in `_TEMPLATES` of its token template (attributes, see
#:   `doc.token_template`) for the split taken without evidence;
#: - base_offset: the characters of the form before the base of that split;
#: - vocabulary_form: `tokens.fold` of an Arabic form (the story's evidence for clitic splits), else "";
#: - letters: its letters per script packed in one int (`_letters_of`), so that a story sums them
#:   for the language flag in one `map`, with no loop;
#: - options: when the clitic split depends on the story's evidence, every split, best first, as
#:   `_OPTION_FIELDS` fields: two split-evidence forms, four enclitic-evidence forms ("" where
#:   there are fewer, all "" when none is needed), template, base_offset (see `_decide`); else none.
#: Flat tuples of strings and numbers, because the garbage collector untracks those at their first
#: collection; nested tuples are untracked one level per collection (a container is examined
#: before what only it refers to), so words with nested options reached the oldest generation
#: still tracked and triggered a full collection every few hundred stories (~10% of the stage).
_Word = tuple
_TEMPLATE, _BASE_OFFSET, _VOCABULARY_FORM, _LETTERS, _OPTIONS = range(5)
_SPLIT_EVIDENCE, _ENCLITIC_EVIDENCE = 2, 4
_OPTION_FIELDS = _SPLIT_EVIDENCE + _ENCLITIC_EVIDENCE + 2
_template, _base_offset = itemgetter(_TEMPLATE), itemgetter(_BASE_OFFSET)
_vocabulary_form, _letters = itemgetter(_VOCABULARY_FORM), itemgetter(_LETTERS)
#: Bit offset of each script's count in the packed letters (a story has far fewer than 2**40 letters).
_LETTER_SHIFTS = {"arabic": 0, "latin": 40, "other": 80}
_LETTER_MASK = (1 << 40) - 1
_BLANKS = [("",) * width for width in range(_ENCLITIC_EVIDENCE + 1)]
#: A token template with every key in place: copying it is about twice as fast as building one.
_BLANK_TEMPLATE = token_template(dict.fromkeys(("norm", "fold", "pre", "base", "det", "enc", "shape"), ""))

#: Word form -> _Word, shared by all stories: news repeats its vocabulary, so most forms are
#: looked up, not analysed. Cleared when full (a plain dict is faster than an LRU here); one
#: entry is about 1 kB, and 200 000 forms hold the vocabulary of a few months of wire copy.
_WORDS: dict[str, _Word] = {}
_TEMPLATES: list[Span] = []
#: The forms in `_WORDS` that have options: a story finds its undecided words by a set intersection.
_UNDECIDED: set[str] = set()
_CACHE_MAX = 200_000


def _analyse_word(norm: str) -> _Word:
    """Shape, fold and clitic choices of a word form, with the token template of each choice; cached."""
    folded = fold(norm)
    if norm[0] in _ARABIC_LETTERS:  # an Arabic token is one run of Arabic letters (tokens.py)
        shape, script, vocabulary_form = "arabic", "arabic", folded
        choices = clitic_choices(norm, folded)
    else:
        shape = token_shape(norm)
        script, vocabulary_form = _SCRIPT_OF_SHAPE.get(shape, "other" if norm.isalpha() else ""), ""
        choices = (((), (), Clitics("", 0, folded, False, "")),)
    letters = len(norm) << _LETTER_SHIFTS[script] if script else 0
    if choices[0][0] or choices[0][1]:  # the story's evidence decides
        # "" fills the evidence fields a split does not use ("" is never in a vocabulary)
        options = [field for e1, e2, split in choices
                   for field in (*e1, *_BLANKS[_SPLIT_EVIDENCE - len(e1)],
                                 *e2, *_BLANKS[_ENCLITIC_EVIDENCE - len(e2)],
                                 _add_template(norm, shape, folded, split), split.base_offset)]
        if len(options) != len(choices) * _OPTION_FIELDS:
            raise AssertionError(f"{norm!r}: more evidence forms than the option layout holds")
        word = (options[-2], options[-1], vocabulary_form, letters, *options)
        _UNDECIDED.add(norm)
    else:
        split = choices[0][2]
        word = (_add_template(norm, shape, folded, split), split.base_offset, vocabulary_form, letters)
    _WORDS[norm] = word
    return word


def _decide(word: _Word, vocabulary: AbstractSet[str]) -> tuple[int, int]:
    """`(template, base_offset)` of the first option of `word` whose evidence the story's
    vocabulary (without "") meets: clitics.choose on the flat layout; the last option needs none."""
    for at in range(_OPTIONS, len(word), _OPTION_FIELDS):
        s1, s2, e1, e2, e3, e4, template, base_offset = word[at:at + _OPTION_FIELDS]
        if (not s1 or s1 in vocabulary or s2 in vocabulary) and \
                (not e1 or e1 in vocabulary or e2 in vocabulary or e3 in vocabulary or e4 in vocabulary):
            return template, base_offset
    raise AssertionError("the last option needs no evidence")


def _add_template(norm: str, shape: str, folded: str, split: Clitics) -> int:
    """Store the token template of one split of a word form; returns its index in `_TEMPLATES`."""
    _TEMPLATES.append(dict(_BLANK_TEMPLATE, norm=norm, fold=folded, pre=split.pre, base=split.base,
                           det=split.det, enc=split.enc, shape=shape))
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
    # token columns are in text order and inside the view; the spans are checked once, in token_spans
    starts, ends = offsets._to_original_bounds_unchecked(nstarts, nends)
    base_starts = offsets._to_original_starts_unchecked(list(map(add, nstarts, map(_base_offset, words))))
    templates = list(map(_TEMPLATES.__getitem__, map(_template, words)))
    tokens = doc.token_spans(starts, ends, sents, base_starts, templates)
    return tokens, letters


def _story_words(norms: list[str]) -> tuple[dict[str, _Word], dict[str, int]]:
    """Each word form of a story with its analysis, the clitic split decided by the story's own
    (folded Arabic) words, and the number of letters per script."""
    if len(_WORDS) >= _CACHE_MAX:  # between stories: a story's words refer to _TEMPLATES by index
        _WORDS.clear()
        _TEMPLATES.clear()
        _UNDECIDED.clear()
    counts = Counter(norms)
    words = list(map(_WORDS.get, counts))
    word_of = dict(zip(counts, words, strict=True))
    new = list(compress(counts, map(not_, words)))  # the forms not in the cache (not_(None) is True)
    if new:
        word_of.update(zip(new, map(_analyse_word, new), strict=True))
    words = word_of.values()
    packed = sum(map(mul, counts.values(), map(_letters, words)))
    letters = {script: packed >> shift & _LETTER_MASK for script, shift in _LETTER_SHIFTS.items()}
    undecided = _UNDECIDED.intersection(counts)  # iterates over the story's forms, in C
    if undecided:
        vocabulary = set(map(_vocabulary_form, words))
        vocabulary.discard("")
        for norm in undecided:
            word_of[norm] = _decide(word_of[norm], vocabulary)
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
