"""Character tables of the normalize stage, kept as data apart from the code that applies them.

Built on camel-tools where it is right, and extended where it stops:

- harakat come from camel-tools' `AR_DIAC_CHARSET` (what `dediac_ar` drops); camel-tools stops at
  U+0652 and U+0670, so the Quranic annotation marks (U+0610-061A, U+06D6-06ED), the combining
  maddah/hamza (U+0653-065F, after composition) and Arabic Extended-A marks are added here;
- presentation forms (U+FB50-FDFF, U+FE70-FEFF) are unfolded with camel-tools' `normalize_unicode`
  (NFKC plus its fixes for ﷼ and ﷽), one character at a time, so we never apply NFKC to the
  whole text (it would also rewrite ², ﬁ, ½ and full-width text we want to keep 1:1);
- we do *not* use camel-tools' `arclean` map: it deletes every character outside its map
  (Latin, Cyrillic, CJK and emoji vanish), turns ٫ into `,` and ٬ into `'`, and deletes ە.
  `tests/unit/normalize/test_charmap.py` checks we agree with it on the letters where it is right.
"""

from __future__ import annotations

from camel_tools.utils.charsets import AR_DIAC_CHARSET, EMOJI_ALL_CHARSET
from camel_tools.utils.normalize import normalize_unicode


def _chars(*ranges: tuple[int, int]) -> str:
    return "".join(chr(c) for lo, hi in ranges for c in range(lo, hi + 1))


def char_class(chars: str) -> str:
    """A regex character class body for `chars`, written as ranges (compact and fast to compile)."""
    cps = sorted(set(map(ord, chars)))
    out, i = [], 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lo, hi = cps[i], cps[j]
        out.append(f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}")
        i = j + 1
    return "".join(out)


#: Combining marks dropped from the normalized view; each is attached to the letter it sits on,
#: so a token's original span keeps its own harakat. camel-tools' set, plus what it leaves out.
MARKS = "".join(sorted(AR_DIAC_CHARSET)) + _chars(
    (0x0610, 0x061A),  # Quranic honorifics and small high letters (ARABIC SIGN SALLALLAHOU ...)
    (0x0653, 0x065F),  # maddah, hamza above/below (left only when they compose with nothing), etc.
    (0x06D6, 0x06DC), (0x06DF, 0x06E8), (0x06EA, 0x06ED),  # Quranic annotation marks, small waw/yeh
    (0x08D3, 0x08E1), (0x08E3, 0x08FF),  # Arabic Extended-A Quranic marks
    (0x0640, 0x0640),  # tatweel (kashida): typographic stretching, never a letter
)

#: Invisible characters dropped from the normalized view on their own (they belong to no letter):
#: bidi controls (UAX #9), zero-width joiners/non-joiners, BOM, soft hyphen, variation selectors.
#: U+200D and U+FE0F are kept inside emoji sequences (UTS #51); see clean.py.
INVISIBLES = _chars(
    (0x200C, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x2069),
    (0xFEFF, 0xFEFF), (0x061C, 0x061C), (0x00AD, 0x00AD), (0x180E, 0x180E),
    (0x06DD, 0x06DD), (0x08E2, 0x08E2),  # end-of-ayah format marks that enclose a digit
    (0xFE00, 0xFE0F),
)

#: One-for-one substitutions applied to the whole text (they never move an offset).
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_SPACES = {c: " " for c in _chars((0x00A0, 0x00A0), (0x1680, 0x1680), (0x2000, 0x200B),
                                  (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000))}
# U+200B ZERO WIDTH SPACE is a word boundary (a line-break opportunity), so it becomes a space
# rather than gluing two words together; the other zero-width characters are dropped.
_LINES = {"\u2028": "\n", "\u2029": "\n", "\u0085": "\n"}
#: Persian/Urdu/Kurdish look-alikes typed on non-Arabic keyboards -> the Arabic letter they stand for.
#: Farsi yeh is dotless only word-finally; Arabic text means ي by it (ى stays ى, folding meets both).
LOOKALIKES = {
    "\u06CC": "\u064A",  # ی FARSI YEH -> ي
    "\u06D2": "\u064A",  # ے YEH BARREE -> ي
    "\u06A9": "\u0643",  # ک KEHEH -> ك
    "\u06AA": "\u0643",  # ڪ SWASH KAF -> ك
    "\u06D5": "\u0647",  # ە AE (Kurdish heh) -> ه   (arclean deletes it)
    "\u06BE": "\u0647",  # ھ HEH DOACHASHMEE -> ه
    "\u06C1": "\u0647",  # ہ HEH GOAL -> ه
    "\u06C0": "\u0629",  # ۀ HEH WITH YEH ABOVE: Persian keyboards' word-final teh marbuta -> ة
    "\u06C3": "\u0629",  # ۃ TEH MARBUTA GOAL -> ة
    "\u066A": "%",       # ٪ ARABIC PERCENT SIGN -> % (quantities read one sign)
}
_FULLWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}

#: Three-letter and longer entities decoded by html.unescape are cleaned the same way.
BLOCK_TAGS = frozenset("""address article aside blockquote br dd div dl dt figcaption figure footer form
h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul""".split())
INLINE_TAGS = frozenset("""a abbr b bdi bdo big cite code del em font i iframe img ins kbd label mark meta
link picture q s small source span strike strong sub sup time u video audio wbr center html head body
title noscript button input select option caption""".split())


def _presentation_forms() -> tuple[dict[str, str], dict[str, str], str]:
    """Unfold U+FB50-FDFF and U+FE70-FEFF with camel-tools' normalize_unicode, then clean the result.

    Returns (one-for-one substitutions, expansions, forms that are only marks).
    ﷺ ﷻ ﷽ ﷲ are expanded to their words (documented choice: downstream matching sees words).
    """
    substitute: dict[str, str] = {}
    expand: dict[str, str] = {}
    marks: list[str] = []
    drop = str.maketrans("", "", MARKS + INVISIBLES)
    for cp in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)):
        form = chr(cp)
        unfolded = normalize_unicode(form)
        if unfolded == form:
            continue
        cleaned = unfolded.translate(drop).translate(_BASE_TABLE)
        if not cleaned.strip():
            marks.append(form)  # isolated harakat forms such as ﹰ (U+FE70): " ً" -> ""
        elif len(cleaned) == 1:
            substitute[form] = cleaned
        else:
            expand[form] = cleaned
    return substitute, expand, "".join(marks)


_BASE_TABLE = str.maketrans(_DIGITS | _SPACES | _LINES | LOOKALIKES | _FULLWIDTH)
_FORM_SUBST, EXPANSIONS, _FORM_MARKS = _presentation_forms()
MARKS += _FORM_MARKS

#: Everything that changes one character into exactly one other.
SUBSTITUTIONS: dict[str, str] = _DIGITS | _SPACES | _LINES | LOOKALIKES | _FULLWIDTH | _FORM_SUBST

#: Combining hamza/maddah after a letter compose with it (NFC) instead of being dropped: ا + ٓ -> آ.
COMPOSE = {
    "\u0627\u0653": "\u0622", "\u0627\u0654": "\u0623", "\u0627\u0655": "\u0625",
    "\u0648\u0654": "\u0624", "\u064A\u0654": "\u0626", "\u06D5\u0654": "\u0629",
}

#: Folding for matching only (never applied to the normalized view). camel-tools folds
#: أ إ آ ٱ, ى and ة; we add the letters Maghrebi/Iraqi/Persian spellings use for foreign
#: sounds so that ڤيينا meets فيينا and گوگل meets كوكل.
FOLD_EXTRA = str.maketrans("\u06A4\u06A8\u067E\u0686\u0698\u06AF\u0672\u0673\u0675",
                           "\u0641\u0642\u0628\u062C\u0632\u0643\u0627\u0627\u0627")
#: The documented option: hamza on waw/yeh folded to the bare letter (ؤ -> و, ئ -> ي).
FOLD_HAMZA = str.maketrans("\u0624\u0626", "\u0648\u064A")

#: Arabic letters as they appear in the normalized view (no marks, no tatweel).
ARABIC_LETTERS = _chars((0x0621, 0x063F), (0x0641, 0x064A), (0x066E, 0x066F), (0x0671, 0x06D3),
                        (0x06EE, 0x06EF), (0x06FA, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08C9))

#: Code points that start or continue an emoji (from camel-tools' emoji set, UTS #51), minus ASCII.
EMOJI_CHARS = "".join(sorted({ch for seq in EMOJI_ALL_CHARSET for ch in seq if ord(ch) > 0x7F}
                             - {"\u200D", "\uFE0F", "\u20E3"}))
