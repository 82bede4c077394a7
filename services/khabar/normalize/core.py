"""normalize: the first stage (placeholder core, deepened in issue 3).

Drops diacritics and tatweel, maps Eastern digits, folds alef/yeh/teh for
matching, and splits sentences and word tokens, recording an offset map.
"""

from __future__ import annotations

import re

from khabar.doc import Doc
from khabar.offsets import OffsetMapBuilder

_DROP = set(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670", "\u0640"}
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_FOLD = str.maketrans("أإآٱىة", "اااايه")
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]", re.UNICODE)
_SENT_END_RE = re.compile(r"[.!?؟…]+(?=\s|$)|\n+")


def normalize_text(text: str) -> tuple[str, OffsetMapBuilder]:
    builder = OffsetMapBuilder()
    out = []
    for ch in text:
        if ch in _DROP:
            builder.replace(0, 1)
        else:
            out.append(ch.translate(_DIGITS))
            builder.keep(1)
    return "".join(out), builder


def process(doc: Doc) -> Doc:
    normalized, builder = normalize_text(doc.text)
    doc.normalized, doc.offsets = normalized, builder.build()
    start = 0
    bounds = []
    for m in _SENT_END_RE.finditer(normalized):
        if normalized[start:m.end()].strip():
            bounds.append((start, m.end()))
        start = m.end()
    if normalized[start:].strip():
        bounds.append((start, len(normalized)))
    for sent_index, (s, e) in enumerate(bounds):
        s += len(normalized[s:e]) - len(normalized[s:e].lstrip())
        e -= len(normalized[s:e]) - len(normalized[s:e].rstrip())
        doc.sentences.append(doc.span_from_normalized(s, e))
        for m in _TOKEN_RE.finditer(normalized, s, e):
            word = m.group()
            doc.tokens.append(doc.span_from_normalized(m.start(), m.end(), norm=word,
                                                       fold=word.translate(_FOLD), sent=sent_index))
    doc.lang = "ar" if re.search(r"[\u0600-\u06FF]", doc.text) else "und"
    return doc
