"""The normalized view of a story and its offset map (normalized -> original).

The view is: HTML tags and entities resolved, harakat/Quranic marks/tatweel and invisible
characters dropped, presentation forms unfolded, look-alike letters, odd spaces and Eastern
digits mapped, ٫ ٬ read as decimal/thousands marks inside numbers. It is *not* folded
(alef, yeh and teh marbuta stay as written; see `tokens.fold`).

Most characters of a news story survive unchanged, so the map is built only from regex
matches of the characters whose length changes; one-for-one substitutions run after it on
the whole string and never move an offset.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator

from khabar.normalize.charmap import (
    BLOCK_TAGS,
    COMPOSE,
    EMOJI_CHARS,
    EXPANSIONS,
    INLINE_TAGS,
    INVISIBLES,
    MARKS,
    SUBSTITUTIONS,
    char_class,
)
from khabar.offsets import OffsetMap, OffsetMapBuilder

_TAG_NAMES = "|".join(sorted(BLOCK_TAGS | INLINE_TAGS, key=len, reverse=True))
_EDIT_RE = re.compile(
    rf"(?P<marks>[{char_class(MARKS)}]+)"
    rf"|(?P<drop>[{char_class(INVISIBLES)}]+)"
    rf"|(?P<expand>[{char_class(''.join(EXPANSIONS))}])"
    r"|(?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<tag>(?si:<!--.*?-->|<(?:script|style)\b[^>]*>.*?</(?:script|style)\s*>"
    rf"|</?(?:{_TAG_NAMES})\b[^<>]*>))",
)
_TRIGGER_RE = re.compile(f"[{char_class(MARKS + INVISIBLES + ''.join(EXPANSIONS) + '&<')}]")
_EXPAND_RE = re.compile(f"[{char_class(''.join(EXPANSIONS))}]")
_SUBST_RE = re.compile(f"[{char_class(''.join(SUBSTITUTIONS))}]+")
_SUBST_TABLE = str.maketrans(SUBSTITUTIONS)
_SMALL_DROP = str.maketrans("", "", MARKS + INVISIBLES)
_NUMBER_MARK_RE = re.compile(r"(?<=[0-9])[\u066B\u066C](?=[0-9])")
_EMOJI = frozenset(EMOJI_CHARS)
_MARK_SET = frozenset(MARKS)
_COMPOSING = frozenset("\u0653\u0654\u0655")


def clean_fragment(fragment: str) -> str:
    """Normalize a short string with no offset map (entity values, table building, tests).

    >>> clean_fragment("بِسْمِ ﷲ ١٢٫٥")
    'بسم الله 12.5'
    """
    for pair, composed in COMPOSE.items():
        if pair in fragment:
            fragment = fragment.replace(pair, composed)
    fragment = fragment.translate(_SMALL_DROP)
    fragment = _EXPAND_RE.sub(_expand, fragment)
    fragment = fragment.translate(_SUBST_TABLE)
    return _NUMBER_MARK_RE.sub(_number_mark, fragment)


def _substitute(match: re.Match[str]) -> str:
    return match.group().translate(_SUBST_TABLE)


def _expand(match: re.Match[str]) -> str:
    return EXPANSIONS[match.group()]


def _number_mark(match: re.Match[str]) -> str:
    # ٫ is the Arabic decimal separator and ٬ the thousands separator (CLDR `arab` numbering);
    # camel-tools' arclean turns them into `,` and `'`, which reads 12٫5 as twelve thousand five.
    return "." if match.group() == "\u066B" else ","


def _edit_marks(text: str, start: int, end: int) -> str:
    base = text[start]
    if base in _MARK_SET:
        return ""  # marks with no letter under them (after a space or another edit)
    if text[start + 1] in _COMPOSING:
        return clean_fragment(text[start:end])  # ا + ٔ -> أ
    return base  # the letter alone; one-for-one substitutions come after, on the whole view


def _edit_drop(text: str, start: int, end: int) -> str:
    # ZWJ and VS16 are part of an emoji sequence (UTS #51) when they follow an emoji: keep them.
    run = text[start:end]
    if start and text[start - 1] in _EMOJI:
        if run == "\uFE0F":
            return run
        if run in ("\u200D", "\uFE0F\u200D") and end < len(text) and text[end] in _EMOJI:
            return run
    return ""


def _edit_expand(text: str, start: int, end: int) -> str:
    return EXPANSIONS[text[start:end]]


def _edit_entity(text: str, start: int, end: int) -> str:
    entity = text[start:end]
    value = html.unescape(entity)
    return entity if value == entity else clean_fragment(value)


def _edit_tag(text: str, start: int, end: int) -> str:
    name = re.match(r"</?([A-Za-z0-9]*)", text[start:end])
    if name and name.group(1).lower() in BLOCK_TAGS:
        return "\n"  # <br>, <p>, <li> end a line in the rendered page
    if 0 < start and end < len(text) and not text[start - 1].isspace() and not text[end].isspace():
        return " "  # keep words on both sides apart: كلمة</span><span>كلمة
    return ""


_EDITORS: dict[str, Callable[[str, int, int], str]] = {
    "marks": _edit_marks, "drop": _edit_drop, "expand": _edit_expand,
    "entity": _edit_entity, "tag": _edit_tag,
}


def _edits(text: str) -> Iterator[re.Match[str]]:
    """The length-changing edits of `text`, left to right.

    A one-class pattern scans text several times faster than the alternation (the regex engine
    skips ahead on a character class), and edits are rare: find where one may start, then match it.
    """
    search, match_at = _TRIGGER_RE.search, _EDIT_RE.match
    found = search(text)
    while found is not None:
        edit = match_at(text, found.start())
        if edit is None:  # a lone & or < that starts no entity or tag
            found = search(text, found.start() + 1)
        else:
            yield edit
            found = search(text, edit.end())


def _apply_edits(text: str) -> tuple[str, OffsetMap]:
    """Resolve every length-changing edit, recording each as one offset-map segment."""
    builder = OffsetMapBuilder()
    parts: list[str] = []
    last = 0
    for match in _edits(text):
        start, end = match.span()
        kind = match.lastgroup or ""
        if kind == "marks" and start > last and not text[start - 1].isspace():
            start -= 1  # a mark belongs to the letter it sits on: map the pair as one block
        if start > last:
            parts.append(text[last:start])
            builder.keep(start - last)
        replacement = _EDITORS[kind](text, start, end)
        parts.append(replacement)
        builder.replace(len(replacement), end - start)
        last = end
    if not parts:
        return text, OffsetMap.identity(len(text))
    parts.append(text[last:])
    builder.keep(len(text) - last)
    return "".join(parts), builder.build()


def normalize_text(text: str) -> tuple[str, OffsetMap]:
    """The normalized view of `text` and the map from its offsets to the original's.

    Args:
        text: the original story text.

    Returns:
        `(normalized, offsets)`; `offsets.to_original(s, e)` is the original span of `normalized[s:e]`.

    >>> normalize_text("قُتل ١٢ شخصاً")[0]
    'قتل 12 شخصا'
    """
    normalized, offsets = _apply_edits(text)
    if _SUBST_RE.search(normalized):
        # str.translate looks every character up in a dict; substitute only the runs that change
        normalized = _SUBST_RE.sub(_substitute, normalized)
    if "\u066B" in normalized or "\u066C" in normalized:
        normalized = _NUMBER_MARK_RE.sub(_number_mark, normalized)
    return normalized, offsets
