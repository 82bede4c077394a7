"""Digit strings: their value and shape, whatever the script and the separators.

Eastern Arabic and Persian digits read like Western ones; ٬ and ٫ are the Arabic
thousands and decimal marks; bidi controls pasted inside a number are ignored.
"""

from __future__ import annotations

import re

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u061c"


class Digits:
    """A digit string's value and shape (how many integer digits, decimal or not)."""

    __slots__ = ("value", "int_digits", "decimal", "plain")

    def __init__(self, value: float | None, int_digits: int, decimal: bool, plain: bool) -> None:
        self.value, self.int_digits, self.decimal, self.plain = value, int_digits, decimal, plain

    def __repr__(self) -> str:
        return f"Digits({self.value})"


#: longer digit strings are identifiers (phone numbers, IDs), never amounts.
MAX_AMOUNT_DIGITS = 18


def parse_digits(raw: str) -> Digits:
    """Value of a digit string with separators.

    Two kinds of separator: the last is the decimal mark, the others group thousands
    (12،220,13). One kind: '.' is decimal (1.5 مليار) unless repeated; ',' and '،' group
    thousands when every group has three digits and the lead is not 0 (1,500 vs 7,5).

    >>> parse_digits("١٣٬٥٠٠").value, parse_digits("7,5").value, parse_digits("1.500.000").value
    (13500.0, 7.5, 1500000.0)
    """
    s = raw.translate(_DIGITS)
    s = "".join(ch for ch in s if ch not in _BIDI)
    groups = re.split(r"([.,،])", s)
    digits, seps = groups[::2], groups[1::2]
    if not seps:
        return _digits(s, "", len(s))
    grouped = all(len(g) == 3 for g in digits[1:-1]) and digits[0] != "0" and len(digits[0]) <= 3
    if len(set(seps)) > 1:
        head = "".join(digits[:-1])
        return _digits(head, digits[-1], len(head)) if grouped else Digits(None, len(s), True, False)
    grouped = grouped and len(digits[-1]) == 3
    if len(seps) == 1 and (seps[0] == "." or not grouped):
        return _digits(digits[0], digits[1], len(digits[0]))
    if grouped:
        return _digits("".join(digits), "", len("".join(digits)))
    return Digits(None, len(s), False, False)


def _digits(int_part: str, frac_part: str, int_digits: int) -> Digits:
    if int_digits > MAX_AMOUNT_DIGITS:
        return Digits(None, int_digits, bool(frac_part), False)
    value = float(f"{int_part}.{frac_part}" if frac_part else int_part)
    return Digits(value, int_digits, bool(frac_part), not frac_part and int_part == int_part.lstrip("0"))
