"""normalize shell: raw stories in, tokens and sentences added, out to khabar.normalized.v1.

Run one worker (as many as there are partitions may share the work):

    khabar worker normalize
    faust -A khabar.normalize.app worker --without-web -l info    # the same, through faust's CLI

Settings come from KHABAR_* environment variables (see khabar.settings).
"""

from __future__ import annotations

from khabar import topics
from khabar.settings import Settings
from khabar.stages import get_stage
from khabar.streaming.app_factory import create_app, raw_topic
from khabar.streaming.shell import run_shell

STAGE = get_stage("normalize")
settings = Settings.from_env()

app = create_app(STAGE, settings)
stories = raw_topic(app, settings, STAGE.input_topic)
normalized = raw_topic(app, settings, STAGE.output_topic)
dead_letters = raw_topic(app, settings, topics.DLQ)


@app.agent(stories)
async def normalize(stream):
    """Normalize each story, keyed by story id; failures go to the dead-letter topic."""
    async for outcome in run_shell(STAGE, stream, normalized, dead_letters, validate=settings.validate):
        yield outcome  # the story id sent on, or its dead letter
