"""The story envelope: one document that owns the original text and grows a layer per stage.

Modelled on spaCy's `Doc`: the text is never modified and every annotation is a
stand-off span (`start`/`end` code-point offsets, end exclusive) into it. Spans
are plain dicts so the JSON shape on Kafka *is* the in-memory shape; they are
built only through `Doc.span` (or its bulk forms `Doc.spans` and `Doc.token_spans`,
which check all bounds in one pass), so `text[start:end]` is always the mention.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import gt
from typing import Any

import orjson

from khabar.errors import EmptyTextError, InputError, NotJsonError, SpanError
from khabar.offsets import OffsetMap

Span = dict[str, Any]

#: Layers a stage may add, in pipeline order.
LAYERS = ("tokens", "sentences", "entities", "quantities", "events")

def token_template(attrs: dict[str, Any]) -> Span:
    """A token with its word attributes and, first, the keys `Doc.token_spans` fills in (the key
    order of the token schema: start, end, text, sent, base_start, then the word's attributes).

    >>> list(token_template({"norm": "قال"}))
    ['start', 'end', 'text', 'sent', 'base_start', 'norm']
    """
    return {"start": 0, "end": 0, "text": "", "sent": 0, "base_start": 0, **attrs}


#: Optional metadata fields of an incoming story (khabar.raw.v1).
STORY_FIELDS = ("source", "url", "title", "published_at")


@dataclass
class Doc:
    """One story and its annotation layers."""

    id: str
    text: str
    version: int = 1
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published_at: str | None = None
    lang: str | None = None
    normalized: str | None = None
    offsets: OffsetMap | None = None
    tokens: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    entities: list[Span] = field(default_factory=list)
    quantities: list[Span] = field(default_factory=list)
    events: list[Span] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    # -- spans -----------------------------------------------------------------
    def span(self, start: int, end: int, *, expect: str | None = None, **attrs: Any) -> Span:
        """Build a span over the original text, checking its bounds (and mention, if given).

        >>> d = Doc(id="x", text="قصف وبغداد")
        >>> d.span(5, 10)["text"]
        'بغداد'
        """
        if not 0 <= start <= end <= len(self.text):
            raise SpanError(f"story {self.id}: span [{start}, {end}) outside text of length {len(self.text)}")
        mention = self.text[start:end]
        if expect is not None and mention != expect:
            raise SpanError(f"story {self.id}: span [{start}, {end}) is {mention!r}, expected {expect!r}")
        return {"start": start, "end": end, "text": mention, **attrs}

    def spans(self, starts: Sequence[int], ends: Sequence[int],
              attrs: Iterable[dict[str, Any]] | None = None) -> list[Span]:
        """Build many spans at once: `Doc.span` without `expect`, the bounds checked in one pass.

        Each mention is sliced from the original text here, so `text[start:end] == mention`
        holds by construction, as in `Doc.span`. `attrs[i]`, when given, is merged into span i.

        >>> d = Doc(id="x", text="قصف وبغداد")
        >>> [s["text"] for s in d.spans([0, 5], [3, 10])]
        ['قصف', 'بغداد']
        """
        self._check_bounds(starts, ends)
        text = self.text
        if attrs is None:
            return [{"start": s, "end": e, "text": text[s:e]} for s, e in zip(starts, ends, strict=True)]
        return [{"start": s, "end": e, "text": text[s:e], **a}
                for s, e, a in zip(starts, ends, attrs, strict=True)]

    def token_spans(self, starts: Sequence[int], ends: Sequence[int], sents: Sequence[int],
                    base_starts: Sequence[int], templates: Sequence[Span]) -> list[Span]:
        """Build the `tokens` layer: `Doc.spans` for tokens, each a copy of its word's template
        (see `token_template`) with `start`, `end`, `text`, `sent` and `base_start` filled in.

        A story has hundreds of tokens and a word's template is shared by all its tokens:
        copying a dict whose keys are already in place is about twice as fast as building it.
        """
        self._check_bounds(starts, ends)
        text = self.text
        return [dict(t, start=s, end=e, text=text[s:e], sent=i, base_start=b)
                for s, e, i, b, t in zip(starts, ends, sents, base_starts, templates, strict=True)]

    def _check_bounds(self, starts: Sequence[int], ends: Sequence[int]) -> None:
        """Raise `SpanError` unless every `0 <= start <= end <= len(text)`, in a few passes in C.

        Spans usually come in text order, where the first start and the last end are the extremes
        (`sorted` on sorted ints is a single cheap pass, `min` compares objects one by one).
        """
        if len(starts) != len(ends):
            raise SpanError(f"story {self.id}: {len(starts)} span starts but {len(ends)} ends")
        if not starts:
            return
        ordered = starts == sorted(starts) and ends == sorted(ends)
        first, last = (starts[0], ends[-1]) if ordered else (min(starts), max(ends))
        size = len(self.text)
        if first < 0 or last > size or any(map(gt, starts, ends)):
            s, e = next((s, e) for s, e in zip(starts, ends, strict=True) if not 0 <= s <= e <= size)
            raise SpanError(f"story {self.id}: span [{s}, {e}) outside text of length {size}")

    def span_from_normalized(self, nstart: int, nend: int, **attrs: Any) -> Span:
        """Build a span from offsets into the normalized view, mapped back to the original."""
        if self.offsets is None:
            raise SpanError(f"story {self.id}: no offset map; run normalize first")
        start, end = self.offsets.to_original(nstart, nend)
        return self.span(start, end, **attrs)

    def has_layer(self, layer: str) -> bool:
        """True when a stage has written `layer` (an empty layer still counts as written)."""
        return layer in self.meta.get("layers", {})

    def mark_layer(self, layer: str, stage: str, version: str) -> None:
        """Record which stage (and which version of it) wrote `layer`."""
        self.meta.setdefault("layers", {})[layer] = {"stage": stage, "version": version}

    # -- (de)serialization -----------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: metadata, then flat lists of spans (the output contract)."""
        out: dict[str, Any] = {"id": self.id, "version": self.version, "text": self.text}
        for name in (*STORY_FIELDS, "lang"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.normalized is not None and self.offsets is not None:
            out["normalized"] = {"text": self.normalized, "map": self.offsets.to_json()}
        for layer in LAYERS:
            if self.has_layer(layer) or getattr(self, layer):
                out[layer] = getattr(self, layer)
        out["meta"] = self.meta
        return out

    def to_json(self) -> bytes:
        return orjson.dumps(self.to_dict())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Doc:
        """Build a Doc from a raw story or from any later topic's document."""
        if not isinstance(data, dict):
            raise InputError(f"expected a JSON object, found {type(data).__name__}")
        story_id, text = data.get("id"), data.get("text")
        if not isinstance(story_id, str) or not story_id:
            raise InputError("story has no string 'id'")
        if not isinstance(text, str):
            raise InputError(f"story {story_id}: 'text' must be a string")
        if not text.strip():
            raise EmptyTextError(f"story {story_id}: empty text")
        norm = data.get("normalized")
        doc = cls(
            id=story_id,
            text=text,
            version=int(data.get("version") or 1),
            lang=data.get("lang"),
            normalized=norm["text"] if norm else None,
            offsets=OffsetMap.from_json(norm["map"]) if norm else None,
            meta=dict(data.get("meta") or {}),
            **{name: data.get(name) for name in STORY_FIELDS},
        )
        for layer in LAYERS:
            setattr(doc, layer, list(data.get(layer) or []))
        return doc

    @classmethod
    def from_json(cls, raw: bytes | str) -> Doc:
        return cls.from_dict(loads(raw))


def loads(raw: bytes | str) -> Any:
    """Parse JSON bytes, turning decoding failures into `NotJsonError`."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise NotJsonError(f"not valid UTF-8 JSON: {exc}") from exc


def check_spans(doc_dict: dict[str, Any]) -> list[str]:
    """Every annotation in every layer must satisfy `text[start:end] == mention`.

    Returns the list of problems (empty when all spans are exact); shared by tests
    and by the schema check at stage boundaries.
    """
    text = doc_dict["text"]
    problems = []
    for layer in LAYERS:
        for i, ann in enumerate(doc_dict.get(layer) or []):
            for span in _spans_of(ann):
                s, e = span.get("start"), span.get("end")
                if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(text)):
                    problems.append(f"{layer}[{i}]: bad offsets {s!r}..{e!r}")
                elif "text" in span and text[s:e] != span["text"]:
                    problems.append(f"{layer}[{i}]: text[{s}:{e}]={text[s:e]!r} != {span['text']!r}")
    return problems


def _spans_of(ann: dict[str, Any]) -> list[dict[str, Any]]:
    """The annotation itself plus nested spans (event arguments, evidence)."""
    found = [ann] if "start" in ann else []
    for value in ann.values():
        if isinstance(value, dict) and "start" in value:
            found.append(value)
        elif isinstance(value, list):
            found.extend(v for v in value if isinstance(v, dict) and "start" in v)
    return found
