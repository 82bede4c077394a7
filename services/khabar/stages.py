"""The pipeline as one explicit table: stage name -> core function, topics, layers.

The CLI, the embedded runner, the faust shells and the deploy consistency tests
all read this table; nothing registers itself at import time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from khabar import topics
from khabar.doc import Doc
from khabar.errors import StageOrderError

CoreFn = Callable[[Doc], Doc]


@dataclass(frozen=True)
class Stage:
    """One enrichment step: what it reads, what it writes, and the pure function that does it."""

    name: str
    core: str  # dotted path "module:function", imported lazily so a shell loads only its own model
    input_topic: str
    output_topic: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]
    version: str = "0.1.0"

    @property
    def group(self) -> str:
        """Default consumer group (see Settings.group for the configurable one)."""
        return f"khabar-{self.name}"

    def load(self) -> CoreFn:
        """Import and return the core `process(doc) -> doc` function."""
        import importlib

        module, _, fn = self.core.partition(":")
        return getattr(importlib.import_module(module), fn)


STAGES: tuple[Stage, ...] = (
    Stage("normalize", "khabar.normalize.core:process", topics.RAW, topics.NORMALIZED,
          needs=(), adds=("tokens", "sentences")),
    Stage("tag", "khabar.tag.core:process", topics.NORMALIZED, topics.TAGGED,
          needs=("tokens", "sentences"), adds=("entities",)),
    Stage("quantify", "khabar.quantify.core:process", topics.TAGGED, topics.QUANTIFIED,
          needs=("tokens", "sentences"), adds=("quantities",)),
    Stage("assemble", "khabar.assemble.core:process", topics.QUANTIFIED, topics.EVENTS,
          needs=("tokens", "entities", "quantities"), adds=("events",)),
)

STAGE_BY_NAME = {stage.name: stage for stage in STAGES}


def get_stage(name: str) -> Stage:
    try:
        return STAGE_BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown stage {name!r}; expected one of {', '.join(STAGE_BY_NAME)}") from None


def check_order(stages: Iterable[Stage]) -> None:
    """Refuse an order in which a stage reads a layer that no earlier stage writes."""
    written: set[str] = set()
    for stage in stages:
        missing = [layer for layer in stage.needs if layer not in written]
        if missing:
            raise StageOrderError(f"stage {stage.name} needs {missing} before any stage adds them")
        written.update(stage.adds)


check_order(STAGES)
