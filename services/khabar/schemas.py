"""JSON Schemas of Khabar's topics, loaded once and enforced at stage boundaries.

The schemas in `schemas/` are the single source of truth for the envelope and
for the enums (entity types, quantity kinds, approx values, event types); code
reads the enums from here rather than restating them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
import orjson
from jsonschema import Draft202012Validator

from khabar.errors import SchemaError

_REPO_SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
_PACKAGED_SCHEMAS = Path(__file__).resolve().parent / "_schemas"
SCHEMA_DIR = _REPO_SCHEMAS if _REPO_SCHEMAS.is_dir() else _PACKAGED_SCHEMAS


@cache
def _schemas() -> dict[str, dict[str, Any]]:
    """Every schema by its `$id`, each checked against the 2020-12 meta-schema on load."""
    schemas = {}
    for path in sorted(SCHEMA_DIR.glob("khabar.*.json")):
        schema = orjson.loads(path.read_bytes())
        Draft202012Validator.check_schema(schema)
        schemas[schema["$id"]] = schema
    return schemas


@cache
def validator(topic: str) -> jsonschema_rs.Draft202012Validator:
    """The validator of a topic such as `khabar.tagged.v1`.

    Instances are checked with jsonschema-rs: the pure-Python validator spent ~8x the
    time of all four stage cores together on a story's few hundred token objects.
    """
    registry = jsonschema_rs.Registry(list(_schemas().items()))
    return jsonschema_rs.Draft202012Validator(_schemas()[f"{topic}.json"], registry=registry)


def validate(topic: str, document: dict[str, Any]) -> None:
    """Raise `SchemaError` naming the story and the first problem when `document` breaks `topic`'s schema."""
    try:
        validator(topic).validate(document)
    except jsonschema_rs.ValidationError as exc:
        where = "/".join(str(p) for p in exc.instance_path) or "(root)"
        story = document.get("id") if isinstance(document, dict) else None
        raise SchemaError(f"story {story}: {topic} at {where}: {exc.message}") from exc


def enum(name: str) -> tuple[str, ...]:
    """An enum from the shared definitions, e.g. `enum("entity_type")`."""
    return tuple(_schemas()["khabar.common.v1.json"]["$defs"][name]["enum"])
