"""tag shell: normalized stories in, named entities added, out to khabar.tagged.v1.

Run one worker (as many as there are partitions may share the work):

    khabar worker tag
    faust -A khabar.tag.app worker --without-web -l info    # the same, through faust's CLI

Settings come from KHABAR_* environment variables (see khabar.settings).
"""

from __future__ import annotations

from khabar.streaming.app_factory import stage_shell

shell = stage_shell("tag")
app, settings = shell.app, shell.settings
normalized, tagged, dead_letters = shell.source, shell.sink, shell.dead_letters


@app.agent(normalized)
async def tag(stream):
    """Tag each story's entities, keyed by story id; failures go to the dead-letter topic."""
    async for outcome in shell.run(stream):
        yield outcome  # the story id sent on, or its dead letter
