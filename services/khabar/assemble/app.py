"""assemble shell: quantified stories in, events added, out to khabar.events.v1; then merged across stories.

Run one worker (as many as there are partitions may share the work):

    khabar worker assemble
    python -m khabar.streaming.admin assemble &&
        faust -A khabar.assemble.app worker --without-web -l info    # the same, through faust's CLI

Three agents: `assemble` runs the stage core on each story; `route_mentions` and
`assemble_events` fold its output into two tables and publish the merged events to the
compacted khabar.events.assembled.v1 (see khabar.streaming.assembly). The buckets topic and
the tables' changelogs are faust's own; `khabar worker` creates them before faust starts, since
faust creating them while it subscribes races its consumer ("Ignoring missing topic").
Settings come from KHABAR_* environment variables (see khabar.settings).
"""

from __future__ import annotations

from khabar import topics
from khabar.streaming.app_factory import internal_topic, json_table, raw_topic, stage_shell
from khabar.streaming.assembly import assemble_buckets, route_stories

shell = stage_shell("assemble")
app, settings = shell.app, shell.settings
quantified, events, dead_letters = shell.source, shell.sink, shell.dead_letters
assembled = raw_topic(app, settings, topics.ASSEMBLED)
buckets = internal_topic(app, settings, "buckets")  # created by `khabar worker` before faust starts
story_table = json_table(app, settings, "stories")
bucket_table = json_table(app, settings, "buckets")


@app.agent(quantified)
async def assemble(stream):
    """Find each story's events, keyed by story id; failures go to the dead-letter topic."""
    async for outcome in shell.run(stream):
        yield outcome  # the story id sent on, or its dead letter


@app.agent(events)
async def route_mentions(stream):
    """Send each story version's mentions to the buckets they may merge in, keyed by bucket."""
    async for outcome in route_stories(stream, story_table, buckets, dead_letters):
        yield outcome


@app.agent(buckets)
async def assemble_events(stream):
    """Re-cluster each bucket and upsert the changed events, keyed by event id."""
    async for outcome in assemble_buckets(stream, bucket_table, assembled, dead_letters, settings.validate):
        yield outcome
