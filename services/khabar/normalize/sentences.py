"""Sentence boundaries in the normalized view.

A sentence ends at a line break, or after terminal punctuation (. ! ? ؟ … ۔, repeated or
followed by closing quotes/brackets) that is followed by white space or the end of the text.
It does not end at:

- a dot inside a number or a name (1.5, 12.500, example.com, U.S.A, أ.ف.ب): no space follows;
- a dot after a single letter, Arabic or Latin (د. محمد, J. Kerry, ق.م.), or after a Latin
  abbreviation (Mr., Dr., Gen.);
- a dot after a list number at the start of a line (1. ...).

The Arabic comma ، and semicolon ؛ (and , ;) join clauses, as in English; Arabic wire copy
strings long clauses with them, so they never end a sentence. A terminal mark glued to the
next Arabic word (سوريا.وقال, a common scraping artefact) does end one, unless the word
before it is a single letter (an abbreviation such as أ.ف.ب).
"""

from __future__ import annotations

import re

from khabar.normalize.charmap import ARABIC_LETTERS, char_class

_AR = char_class(ARABIC_LETTERS)
# one leading character class lets the regex engine skip ahead fast; a line break is told apart in code
_BOUNDARY_RE = re.compile(r"[\n.!?\u061F\u2026\u06D4][.!?\u061F\u2026\u06D4]*[\"'\u00BB\u201D\u2019)\]]*")
_WORD_BEFORE_RE = re.compile(rf"(?:[A-Za-z{_AR}]+|[0-9]+)\Z")
_ARABIC_LETTER_RE = re.compile(f"[{_AR}]")
#: The commonest boundary, decided without `_ends_sentence`: a lone dot after two Arabic letters
#: (so no one-letter abbreviation, Latin abbreviation or list number), before a space or the end.
_PLAIN_END_RE = re.compile(rf"(?<=[{_AR}]{{2}})\.(?=\s|\Z)")
#: Latin abbreviations that end in a dot mid-sentence (wire copy quoting English sources).
LATIN_ABBREVIATIONS = frozenset("""mr mrs ms dr prof st jr sr gen col lt sgt capt gov sen rep
inc ltd co corp no vs jan feb mar apr jun jul aug sep sept oct nov dec""".split())


def _ends_sentence(text: str, match: re.Match[str], line_start: int) -> bool:
    """Does the terminal punctuation in `match` close a sentence?"""
    mark, end = match.group(), match.end()
    following = text[end] if end < len(text) else ""
    word = _WORD_BEFORE_RE.search(text, max(line_start, match.start() - 40), match.start())
    before = word.group() if word else ""
    only_dot = mark.rstrip("\"'\u00BB\u201D\u2019)]") == "."
    if following and not following.isspace():
        glued_to_arabic = _ARABIC_LETTER_RE.match(following) is not None
        return glued_to_arabic and (not only_dot or len(before) > 1 or before.isdigit())
    if not only_dot:
        return True
    if len(before) == 1 and not before.isdigit():
        return False  # initial or Arabic one-letter abbreviation: د. / م. / J.
    if before.lower() in LATIN_ABBREVIATIONS:
        return False
    if before.isdigit() and not text[line_start:word.start()].strip():  # type: ignore[union-attr]
        return False  # a numbered list item: "1. ..."
    return True


def find_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans `(start, end)` in `text`, trimmed of surrounding white space.

    >>> t = "قتل 1.5 ألف. وقال د. محمد: نعم!\\nسطر"
    >>> [t[s:e] for s, e in find_sentences(t)]
    ['قتل 1.5 ألف.', 'وقال د. محمد: نعم!', 'سطر']
    """
    cuts: list[int] = []
    line_start = 0
    match = _BOUNDARY_RE.search(text)
    while match is not None:
        if match.group()[0] == "\n":
            cuts.append(match.start())
            line_start = match.start() + 1
            match = _BOUNDARY_RE.search(text, line_start)
            continue
        if _PLAIN_END_RE.match(text, match.start()) or _ends_sentence(text, match, line_start):
            cuts.append(match.end())
        match = _BOUNDARY_RE.search(text, match.end())
    cuts.append(len(text))
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in cuts:
        chunk = text[start:cut]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((start + lead, start + lead + len(stripped)))
        start = cut
    return spans
