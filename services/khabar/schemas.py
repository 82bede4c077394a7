"""JSON Schemas of Khabar's topics, loaded once and enforced at stage boundaries.

The schemas in `schemas/` are the single source of truth for the envelope and
for the enums (entity types, quantity kinds, approx values, event types); code
reads the enums from here rather than restating them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import orjson
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from khabar.errors import SchemaError

_REPO_SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
_PACKAGED_SCHEMAS = Path(__file__).resolve().parent / "_schemas"
SCHEMA_DIR = _REPO_SCHEMAS if _REPO_SCHEMAS.is_dir() else _PACKAGED_SCHEMAS


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("khabar.*.json")):
        schema = orjson.loads(path.read_bytes())
        Draft202012Validator.check_schema(schema)
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


@cache
def validator(topic: str) -> Draft202012Validator:
    """The validator of a topic such as `khabar.tagged.v1` (schema checked on load)."""
    contents = _registry().contents(f"{topic}.json")
    return Draft202012Validator(contents, registry=_registry())


def validate(topic: str, document: dict[str, Any]) -> None:
    """Raise `SchemaError` naming the story and the first problem when `document` breaks `topic`'s schema."""
    try:
        validator(topic).validate(document)
    except ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(root)"
        story = document.get("id") if isinstance(document, dict) else None
        raise SchemaError(f"story {story}: {topic} at {where}: {exc.message}") from exc


def enum(name: str) -> tuple[str, ...]:
    """An enum from the shared definitions, e.g. `enum("entity_type")`."""
    return tuple(_registry().contents("khabar.common.v1.json")["$defs"][name]["enum"])
