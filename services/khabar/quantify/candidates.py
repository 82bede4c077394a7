"""What the matchers return: a candidate quantity over a run of tokens, before annotation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from khabar.quantify.tokens import Tok, Tokens


@dataclass(slots=True)
class Candidate:
    """Tokens `i`..`j` (end exclusive) read as one quantity with its attributes.

    `attrs` holds the contract fields (kind, value, min, max, approx, unit) and any of the
    optional ones (date, month, day, weekday, time, hijri); `counted` is the token range of
    the noun the number counts, when there is one.
    """

    i: int
    j: int
    attrs: dict[str, Any]
    counted: tuple[int, int] | None = None


@dataclass(slots=True)
class Context:
    """One story's tokens plus what matchers may consult: the publication date."""

    toks: Tokens
    published: date | None = None
    floor: int = 0  # matchers may extend a span backwards down to this token, no further
    last: Candidate | None = None  # the quantity found just before
    seen: dict[str, str] = field(default_factory=dict)  # story-level memory (currency codes)

    def tok(self, i: int) -> Tok | None:
        """Token `i`, or None outside the story (lets matchers look around without bounds checks)."""
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def fold(self, i: int) -> str:
        """Folded text of token `i` ('' outside the story)."""
        tok = self.tok(i)
        return tok.fold if tok is not None else ""


def amount(
    kind: str, value: float | None, approx: str = "exact", unit: str | None = None, **extra: Any
) -> dict[str, Any]:
    """Contract attributes of a quantity whose stated number is `value` (CONVENTIONS.md bounds).

    >>> amount("cardinal", 60, "gt")["min"], amount("cardinal", 7, "lte")["max"]
    (60, 7)
    """
    value = as_number(value)
    low = value if approx in ("gt", "gte") else None
    high = value if approx in ("lt", "lte") else None
    return {"kind": kind, "value": value, "min": low, "max": high, "approx": approx, "unit": unit, **extra}


def as_number(value: float | None) -> float | int | None:
    """An integral float as int (60, not 60.0), for clean JSON."""
    if value is None:
        return None
    if float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return round(value, 10)
