"""quantify shell: tagged stories in, quantities added, out to khabar.quantified.v1.

Run one worker (as many as there are partitions may share the work):

    khabar worker quantify
    faust -A khabar.quantify.app worker --without-web -l info    # the same, through faust's CLI

Settings come from KHABAR_* environment variables (see khabar.settings).
"""

from __future__ import annotations

from khabar.streaming.app_factory import stage_shell

shell = stage_shell("quantify")
app, settings = shell.app, shell.settings
tagged, quantified, dead_letters = shell.source, shell.sink, shell.dead_letters


@app.agent(tagged)
async def quantify(stream):
    """Find each story's quantities, keyed by story id; failures go to the dead-letter topic."""
    async for outcome in shell.run(stream):
        yield outcome  # the story id sent on, or its dead letter
