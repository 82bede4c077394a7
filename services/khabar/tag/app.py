"""tag shell: normalized stories in, named entities added, out to khabar.tagged.v1.

Run one worker (as many as there are partitions may share the work):

    khabar worker tag
    faust -A khabar.tag.app worker --without-web -l info    # the same, through faust's CLI

Settings come from KHABAR_* environment variables (see khabar.settings).
"""

from __future__ import annotations

from khabar import topics
from khabar.settings import Settings
from khabar.stages import get_stage
from khabar.streaming.app_factory import create_app, raw_topic
from khabar.streaming.shell import run_shell

STAGE = get_stage("tag")
settings = Settings.from_env()

app = create_app(STAGE, settings)
normalized = raw_topic(app, settings, STAGE.input_topic)
tagged = raw_topic(app, settings, STAGE.output_topic)
dead_letters = raw_topic(app, settings, topics.DLQ)


@app.agent(normalized)
async def tag(stream):
    """Tag each story's entities, keyed by story id; failures go to the dead-letter topic."""
    async for outcome in run_shell(STAGE, stream, tagged, dead_letters, validate=settings.validate):
        yield outcome  # the story id sent on, or its dead letter
