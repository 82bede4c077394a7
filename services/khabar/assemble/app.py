"""assemble shell: quantified stories in, events added, out to khabar.events.v1.

Run one worker (as many as there are partitions may share the work):

    khabar worker assemble
    faust -A khabar.assemble.app worker --without-web -l info    # the same, through faust's CLI

Settings come from KHABAR_* environment variables (see khabar.settings).
"""

from __future__ import annotations

from khabar import topics
from khabar.settings import Settings
from khabar.stages import get_stage
from khabar.streaming.app_factory import create_app, raw_topic
from khabar.streaming.shell import run_shell

STAGE = get_stage("assemble")
settings = Settings.from_env()

app = create_app(STAGE, settings)
quantified = raw_topic(app, settings, STAGE.input_topic)
events = raw_topic(app, settings, STAGE.output_topic)
dead_letters = raw_topic(app, settings, topics.DLQ)


@app.agent(quantified)
async def assemble(stream):
    """Find each story's events, keyed by story id; failures go to the dead-letter topic."""
    async for outcome in run_shell(STAGE, stream, events, dead_letters, validate=settings.validate):
        yield outcome  # the story id sent on, or its dead letter


# ---------------------------------------------------------------------------------------------
# SLOT: the cross-story merge (khabar.events.v1 -> assembled-events Table -> khabar.events.assembled.v1)
# goes here as a second agent once khabar.assemble.merge/table exist (issue 2, assemble part).
# ---------------------------------------------------------------------------------------------
