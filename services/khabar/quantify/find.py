"""Find quantities in a text: tokens in, candidate quantities out (pure, no Doc).

One left-to-right pass: at every token that can start a quantity the matchers are tried
in a fixed order — identifiers first (so a name's number is never a count), then
explicit dates, deictic dates, clock times, amounts and ordinals — and the first match
wins and consumes its tokens. Matchers may reach back over an unconsumed lead word
(عام 2012، الساعة 7) but never into the previous quantity.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from khabar.quantify import calendars, lexicon, units
from khabar.quantify.amounts import match_amount
from khabar.quantify.bounds import range_attrs
from khabar.quantify.candidates import Candidate, Context
from khabar.quantify.dates import match_date
from khabar.quantify.deixis import match_deixis
from khabar.quantify.identifiers import match_identifier
from khabar.quantify.ordinals import match_ordinal
from khabar.quantify.times import match_time
from khabar.quantify.tokens import Tok, Tokens, first_words, fold, tokenize

Matcher = Callable[[Context, int], "Candidate | None"]
MATCHERS: tuple[Matcher, ...] = (
    match_identifier,
    match_date,
    match_deixis,
    match_time,
    match_amount,
    match_ordinal,
)

#: words that can start a quantity without being classified tokens; qualifiers and range
#: openers (أكثر من، بين) are found by looking back from the number instead.
_TRIGGER_WORDS = first_words(
    calendars.RELATIVE_DAYS,
    lexicon.RELATIVE_ORDINALS,
    calendars.NAMED_TIMES,
    calendars.YEAR_PARTS,
    calendars.YEAR_NOUNS,
    calendars.cldr_months(),
    calendars.MONTHS_EXTRA,
    calendars.HIJRI_MONTHS,
    ("قبل", "بعد", "نسبة", "بنسبة", "النسبة"),
)
_TRIGGER_SYMBOLS = frozenset(("$", "€", "£", "%", "٪", "-", "−"))
_URL_RE = re.compile(r"(?:https?://|www\.)\S+")
_CONJ = fold("و")
_LOWER = frozenset(("gt", "gte"))
_UPPER = frozenset(("lt", "lte"))


@dataclass(slots=True)
class Found:
    """A quantity as offsets into the searched text, with its attributes and counted noun."""

    start: int
    end: int
    attrs: dict[str, Any]
    counted: tuple[int, int] | None = None


def find_quantities(text: str, published: date | None = None) -> list[Found]:
    """Every quantity in `text` (the normalized view), in text order.

    >>> [(f.attrs["kind"], f.attrs["min"]) for f in find_quantities("قتل اكثر من 60 عنصرا")]
    [('cardinal', 60)]
    """
    toks = tokenize(text)
    ctx = Context(toks, published)
    found: list[Candidate] = []
    i = 0
    while i < len(toks):
        cand = _match_at(ctx, i) if _is_trigger(toks[i]) else None
        if cand is None:
            i += 1
            continue
        found.append(cand)
        ctx.floor = i = cand.j
        ctx.last = cand
    urls = [m.span() for m in _URL_RE.finditer(text)]
    merged = _share_month(toks, _merge_bounds(toks, found))
    return [_to_found(toks, c) for c in merged if not _inside(toks, c, urls)]


def _is_trigger(tok: Tok) -> bool:
    if tok.cls == "sym":
        return tok.text in _TRIGGER_SYMBOLS
    return tok.cls is not None or tok.fold in _TRIGGER_WORDS or tok.key in _TRIGGER_WORDS


def _match_at(ctx: Context, i: int) -> Candidate | None:
    for matcher in MATCHERS:
        cand = matcher(ctx, i)
        if cand is not None and cand.j > i and cand.i >= ctx.floor:
            return cand
    return None


def _merge_bounds(toks: Tokens, found: list[Candidate]) -> list[Candidate]:
    """أكثر من عشرة وأقل من خمسة عشر: a lower and an upper bound joined by و make one range."""
    out: list[Candidate] = []
    for cand in found:
        prev = out[-1] if out else None
        if prev is not None and _joinable(toks, prev, cand):
            low, high = prev.attrs["value"], cand.attrs["value"]
            prev.attrs = range_attrs(prev.attrs["kind"], low, high, prev.attrs["unit"] or cand.attrs["unit"])
            prev.j, prev.counted = cand.j, cand.counted or prev.counted
            continue
        out.append(cand)
    return out


def _share_month(toks: Tokens, found: list[Candidate]) -> list[Candidate]:
    """يومي 5 و6 دجنبر 2018: a bare day number before "و" + a date takes that date's month."""
    for cand, nxt in zip(found, found[1:], strict=False):
        attrs, later = cand.attrs, nxt.attrs
        joined = (cand.j == nxt.i and toks[nxt.i].conj) or (
            cand.j + 1 == nxt.i and toks[cand.j].fold == _CONJ
        )
        if (
            attrs["kind"] == "cardinal"
            and attrs["approx"] == "exact"
            and attrs["unit"] is None
            and joined
            and isinstance(attrs["value"], int)
            and 1 <= attrs["value"] <= 31
            and later["kind"] == "date"
            and later.get("day") is not None
        ):
            date = later["date"][:8] + f"{attrs['value']:02d}" if later.get("date") else None
            cand.attrs = {**later, "date": date, "day": attrs["value"]}
    return found


def _joinable(toks: Tokens, a: Candidate, b: Candidate) -> bool:
    if a.attrs["approx"] not in _LOWER or b.attrs["approx"] not in _UPPER:
        return False
    if a.attrs["kind"] != b.attrs["kind"] or a.attrs["value"] >= b.attrs["value"]:
        return False
    gap = toks[a.j : b.i]
    return (not gap and toks[b.i].conj) or [t.fold for t in gap] == [_CONJ]


def _inside(toks: Tokens, cand: Candidate, spans: list[tuple[int, int]]) -> bool:
    start, end = toks.starts[cand.i], toks.ends[cand.j - 1]
    return any(s < end and start < e for s, e in spans)


def _to_found(toks: Tokens, cand: Candidate) -> Found:
    """Offsets of the candidate, leaving out a leading و/ب/ل clitic (but keeping ال)."""
    start = toks.starts[cand.i] + len(_strip_article(toks[cand.i].pre))
    counted = None
    if cand.counted is not None:
        counted = (toks.starts[cand.counted[0]], toks.ends[cand.counted[1] - 1])
    return Found(start, toks.ends[cand.j - 1], cand.attrs, counted)


def _strip_article(prefix: str) -> str:
    """The clitics before the article: وال -> و, بال -> ب, لل -> '' (the article is kept)."""
    if prefix.endswith("ال"):
        return prefix[:-2]
    if prefix.endswith("لل"):
        return prefix[:-2]
    return prefix


__all__ = ["Found", "find_quantities", "units"]
