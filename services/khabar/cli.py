"""`khabar` command line: embedded processing, stage workers, ingest and tail.

    khabar process --input story.txt --output -        # no broker needed
    khabar worker tag                                   # one faust worker of one stage
    khabar ingest stories.jsonl                         # publish to khabar.raw.v1
    khabar tail khabar.events.v1                        # print what arrives
"""

from __future__ import annotations

import sys

import click

from khabar.errors import InputError, KhabarError
from khabar.stages import STAGE_BY_NAME


@click.group()
@click.version_option(package_name="khabar")
def main() -> None:
    """Khabar: Arabic news wires in, structured facts out."""


@main.command()
@click.option("--input", "-i", "input_path", required=True,
              help="JSON Lines, a .txt story, or - for stdin.")
@click.option("--output", "-o", "output_path", default="-", show_default=True,
              help="JSON Lines, or - for stdout.")
@click.option("--strict", is_flag=True, help="Exit non-zero if any input line failed.")
@click.option("--no-validate", is_flag=True, help="Skip JSON Schema checks between stages (faster).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when a terminal).")
def process(input_path: str, output_path: str, strict: bool, no_validate: bool,
            progress: bool | None) -> None:
    """Run all four stages in this process (embedded mode)."""
    from khabar.runner import run

    try:
        if output_path == "-":
            report = run(input_path, sys.stdout.buffer, validate=not no_validate, progress=progress)
        else:
            with open(output_path, "wb") as out:
                report = run(input_path, out, validate=not no_validate, progress=progress)
    except InputError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"khabar: {report.processed} stories processed, {len(report.failed)} failed", err=True)
    if strict and report.failed:
        sys.exit(1)


@main.command()
@click.argument("stage", type=click.Choice(list(STAGE_BY_NAME)))
@click.option("--loglevel", "-l", default="info", show_default=True)
def worker(stage: str, loglevel: str) -> None:
    """Run one faust worker of STAGE (settings from KHABAR_* environment variables)."""
    from khabar.streaming.worker import run_worker

    try:
        run_worker(stage, loglevel=loglevel)
    except KhabarError as exc:  # no broker, topics not creatable: say so, without a traceback
        raise click.ClickException(str(exc)) from exc


@main.command()
@click.argument("source", default="-")
@click.option("--limit", type=int, default=None, help="Publish at most this many stories.")
def ingest(source: str, limit: int | None) -> None:
    """Publish stories from SOURCE (a file, a folder of .txt/.jsonl, or -) to khabar.raw.v1."""
    from khabar.streaming.ingest import ingest_path

    try:
        sent, bad = ingest_path(source, limit=limit)
    except KhabarError as exc:  # a missing file, no broker, undelivered stories
        raise click.ClickException(str(exc)) from exc
    click.echo(f"khabar: {sent} stories published, {bad} lines rejected", err=True)


@main.command()
@click.argument("topic")
@click.option("--from-beginning", is_flag=True)
@click.option("--max", "max_messages", type=int, default=None, help="Stop after this many messages.")
@click.option("--timeout", type=float, default=None, help="Stop after this many idle seconds.")
def tail(topic: str, from_beginning: bool, max_messages: int | None, timeout: float | None) -> None:
    """Print what arrives on TOPIC, one JSON document per line."""
    from khabar.streaming.tail import tail_topic

    try:
        tail_topic(topic, from_beginning=from_beginning, max_messages=max_messages, idle_timeout=timeout)
    except KhabarError as exc:
        raise click.ClickException(str(exc)) from exc


if __name__ == "__main__":
    main()
