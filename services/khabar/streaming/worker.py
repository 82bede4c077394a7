"""Start one faust worker of one stage: what `khabar worker <stage>` runs.

It creates any missing topics, Khabar's and the stage app's own (faust's internal topics
and table changelogs, which faust would otherwise create while subscribing, racing its own
consumer), then hands over to faust's own `worker` command with the web server off (several
workers share one host), exactly as

    faust -A khabar.<stage>.app worker --without-web -l info

would after `python -m khabar.streaming.admin <stage>`.
"""

from __future__ import annotations

import asyncio
import importlib
from typing import NoReturn

import faust

from khabar.settings import Settings
from khabar.stages import get_stage
from khabar.streaming.admin import ensure_app_topics, ensure_topics


def load_app(stage: str) -> faust.App:
    """Import the faust App of `stage` from its shell module `khabar.<stage>.app`."""
    get_stage(stage)  # a clear error for an unknown stage name
    return importlib.import_module(f"khabar.{stage}.app").app


def run_worker(stage: str, loglevel: str = "info") -> NoReturn:
    """Run a worker of `stage` until it is stopped (SIGINT/SIGTERM); never returns."""
    from faust.cli.faust import cli

    # faust runs on the current event loop; create it here so topic admin and worker share it.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    settings = Settings.from_env()
    loop.run_until_complete(ensure_topics(settings))  # a missing broker fails before the model loads
    # Import the core (and its model) now: a broken core stops the worker with its traceback,
    # where faust would restart a crashing agent forever inside a live, useless worker.
    get_stage(stage).load()
    app = load_app(stage)
    app.finalize()
    loop.run_until_complete(ensure_app_topics(app, settings))
    app.worker_init()
    app.worker_init_post_autodiscover()
    cli.main(args=["worker", "--without-web", f"--loglevel={loglevel}"],
             prog_name=f"khabar worker {stage}", app=app)
    raise SystemExit(0)  # click exits itself; this only satisfies NoReturn
