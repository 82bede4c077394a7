"""Embedded mode: the four stage cores in one process, no broker.

`khabar process` reads stories (JSON Lines, a plain `.txt` story, or stdin),
runs every stage through the same `run_stage_on_dict` the faust shells use, and
writes one enriched document per line. A bad line is reported on stderr with
its line number and skipped; the rest is processed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson

from khabar.doc import loads
from khabar.errors import InputError, KhabarError
from khabar.pipeline import run_stage_on_dict
from khabar.stages import STAGES, Stage, check_order


@dataclass
class RunReport:
    """What happened to each input line: counts plus one message per failure."""

    processed: int = 0
    failed: list[str] = field(default_factory=list)


def read_stories(path: str) -> Iterator[tuple[int, dict[str, Any] | KhabarError]]:
    """Yield `(line_number, story_or_error)`; a `.txt` file is one story whose id is its name."""
    if path != "-" and not Path(path).exists():
        raise InputError(f"input file not found: {path}")
    if path.endswith(".txt"):
        raw = Path(path).read_bytes()
        try:
            yield 1, {"id": Path(path).stem, "text": raw.decode("utf-8")}
        except UnicodeDecodeError as exc:
            yield 1, InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})")
        return
    stream: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    try:
        for number, line in enumerate(stream, start=1):
            if line.strip():
                yield number, _parse_line(line)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _parse_line(line: bytes) -> dict[str, Any] | KhabarError:
    try:
        story = loads(line)
    except KhabarError as exc:
        return exc
    if not isinstance(story, dict):
        return InputError(f"expected a JSON object, found {type(story).__name__}")
    return story


def process_story(story: dict[str, Any], stages: Iterable[Stage] = STAGES,
                  validate: bool = True) -> dict[str, Any]:
    """Run `story` through `stages` in order; raises a `KhabarError` naming what failed."""
    document = story
    for stage in stages:
        document = run_stage_on_dict(stage, document, validate)
    return document


def run(input_path: str, output: IO[bytes], *, validate: bool = True, progress: bool | None = None,
        stages: tuple[Stage, ...] = STAGES, err: IO[str] = sys.stderr) -> RunReport:
    """Process every story of `input_path` into `output` (JSON Lines)."""
    check_order(stages)
    report = RunReport()
    items: Iterable[tuple[int, dict[str, Any] | KhabarError]] = read_stories(input_path)
    if progress is None:
        progress = err.isatty()
    if progress:
        from tqdm import tqdm

        items = tqdm(items, unit="story", file=err, mininterval=0.5)
    for number, story in items:
        try:
            if isinstance(story, KhabarError):
                raise story
            output.write(orjson.dumps(process_story(story, stages, validate)) + b"\n")
            report.processed += 1
        except KhabarError as exc:
            message = f"{input_path}:{number}: {exc.reason}: {exc}"
            print(message, file=err)
            report.failed.append(message)
    output.flush()
    return report
