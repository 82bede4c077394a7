"""Currencies after a number: the noun, its nationality adjective, and the ISO 4217 code.

Codes come from the tables in `units.py` and are checked against pycountry's ISO 4217
list when this module loads. A noun with no adjective (ليرة، دينار) takes the code this
story already used for it, else the family default, else stays null: a guessed code is
worse than none.
"""

from __future__ import annotations

import pycountry

from khabar.quantify import units
from khabar.quantify.candidates import Context
from khabar.quantify.tokens import fold

_ADJECTIVES: dict[tuple[str, str], str] = {}
for (_family, _adjective), _code in units.CURRENCY_ADJECTIVES.items():
    _ADJECTIVES[(_family, fold(_adjective))] = _code
_ISO_4217 = frozenset(currency.alpha_3 for currency in pycountry.currencies)
_UNKNOWN = {
    code
    for code in (
        *units.CURRENCY_ADJECTIVES.values(),
        *units.CURRENCY_DEFAULTS.values(),
        *units.CURRENCY_SYMBOLS.values(),
    )
    if code not in _ISO_4217
}
if _UNKNOWN:
    raise ValueError(f"quantify: currency codes not in ISO 4217: {sorted(_UNKNOWN)}")


def read_currency(ctx: Context, j: int) -> tuple[int, str | None] | None:
    """`(end, code)` of a currency named at token `j` (noun plus optional adjective), or None."""
    tok = ctx.tok(j)
    if tok is None:
        return None
    if tok.cls == "sym" and tok.text in units.CURRENCY_SYMBOLS:
        return j + 1, units.CURRENCY_SYMBOLS[tok.text]
    if tok.cls != "curr" or tok.pre not in ("", "ال"):
        return None
    family = tok.val
    code = _adjective_code(ctx, j + 1, family)
    if code is not None:
        ctx.seen[family] = code
        return j + 2, code
    return j + 1, ctx.seen.get(family) or units.CURRENCY_DEFAULTS.get(family)


def _adjective_code(ctx: Context, j: int, family: str) -> str | None:
    """ISO code from the nationality adjective after the noun (سورية، السوري، الأمريكي)."""
    word = ctx.fold(j)
    if word.startswith("ال"):
        word = word[2:]
    for stem in (word, word[:-1] if word.endswith(("ه", "ا")) else word):
        code = _ADJECTIVES.get((family, stem))
        if code is not None:
            return code
    return None
