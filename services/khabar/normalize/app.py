"""normalize shell: raw stories in, tokens and sentences added, out to khabar.normalized.v1.

Run one worker (as many as there are partitions may share the work):

    khabar worker normalize
    faust -A khabar.normalize.app worker --without-web -l info    # the same, through faust's CLI

Settings come from KHABAR_* environment variables (see khabar.settings).
"""

from __future__ import annotations

from khabar.streaming.app_factory import stage_shell

shell = stage_shell("normalize")
app, settings = shell.app, shell.settings
stories, normalized, dead_letters = shell.source, shell.sink, shell.dead_letters


@app.agent(stories)
async def normalize(stream):
    """Normalize each story, keyed by story id; failures go to the dead-letter topic."""
    async for outcome in shell.run(stream):
        yield outcome  # the story id sent on, or its dead letter
