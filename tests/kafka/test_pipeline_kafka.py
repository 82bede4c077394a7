"""The four stages as separate worker processes on a real broker, fed like production.

One streaming run (module fixture `streamed`) feeds the seed story and 500 news stories
(`khabar ingest` and a plain producer), six versions of one story and malformed messages;
after the first 450 stories a second `tag` and a second `assemble` worker join (the latter
takes over table partitions, rebuilt from their changelogs). Meanwhile the same stories run
through embedded mode (`khabar.runner.process_story`) in a pool process. Each test then
checks one property of that run.

Delivery is at least once: a rebalance may make a worker redo messages whose offsets were
not committed yet, so a document may arrive twice. The stages are deterministic, so a
repeat is the identical document and consumers dedupe by (id, version); the tests assert
exactly that (no loss, repeats identical), not exactly-once.

Only `normalize` checks schemas in the workers, so malformed raw messages are named by the
raw schema. Later stages run with KHABAR_VALIDATE=0: the checks cost several times the stage
cores, and the streamed documents are schema-checked here instead, and must equal the
embedded ones.
"""

from __future__ import annotations

import asyncio
import base64
import multiprocessing
import re
import subprocess
import time
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice

import orjson
import pytest
from tests.conftest import NEWS_PATH, SEED_PATH
from tests.kafka.conftest import BIN, TopicReader, produce, read_until, stop_workers

from khabar import schemas, topics
from khabar.assemble.assembler import Assembler
from khabar.doc import LAYERS
from khabar.errors import KhabarError
from khabar.pipeline import check_document
from khabar.runner import process_story
from khabar.streaming.assembly import arrival_time
from khabar.streaming.ingest import to_raw_story

pytestmark = [pytest.mark.kafka, pytest.mark.slow]

NEWS_COUNT = 500
#: Stories ingested before the second tag worker joins; the rest come after it.
FIRST_PHASE = 450
#: Events that must have reached khabar.events.v1 before the second worker starts.
FLOWING = 20
SEED_ID = SEED_PATH.stem
STREAM_TIMEOUT_S = 420.0
#: How long the table agents may lag behind khabar.events.v1 once every story is there.
ASSEMBLED_TIMEOUT_S = 120.0
#: khabar.events.assembled.v1 silent this long (and not yet as expected) means it is done, and differs.
ASSEMBLED_QUIET_S = 15.0
SKIP_SCHEMA_CHECKS = {"KHABAR_VALIDATE": "0"}

#: Written for this test: "Three civilians were killed and 12 wounded in shelling on the northern
#: Aleppo countryside on Saturday" — sent as six versions of one story id, in order.
ORDER_PROBE_ID = "order-probe-aleppo"
ORDER_PROBE_TEXT = "قُتل ٣ مدنيين وأصيب ١٢ آخرون في قصف على ريف حلب الشمالي يوم السبت"
ORDER_VERSIONS = range(1, 7)

#: Malformed messages for the raw topic: (key, value, expected reason, a word the error names).
MALFORMED_RAW = [
    (b"bad-not-json", "خبر عاجل: {".encode() + b"\xff", "not_json", "JSON"),
    (b"bad-schema", orjson.dumps({"id": 42, "text": "قصف على حلب"}), "schema_invalid", "id"),
    (b"bad-empty-text", orjson.dumps({"id": "bad-empty-text", "text": " \n\t "}), "empty_text", "empty"),
]
#: Not JSON, sent straight to quantify's input: its dead letter must name quantify.
MALFORMED_TAGGED = (b"bad-at-quantify", "تحديث: قتلى ٥".encode(), "not_json", "JSON")


def news_stories() -> list[dict]:
    """The first NEWS_COUNT stories of the shared corpus, as ingest publishes them."""
    with open(NEWS_PATH, "rb") as lines:
        return [to_raw_story(orjson.loads(line)) for line in islice(lines, NEWS_COUNT)]


def order_probe_versions() -> list[dict]:
    return [{"id": ORDER_PROBE_ID, "version": v, "text": f"{ORDER_PROBE_TEXT} (التحديث رقم {v})"}
            for v in ORDER_VERSIONS]


def keyed(stories: list[dict]) -> list[tuple[bytes, bytes]]:
    """Stories as Kafka messages keyed by story id, as `khabar ingest` sends them."""
    return [(story["id"].encode(), orjson.dumps(story)) for story in stories]


def key_of(document: dict) -> tuple[str, int]:
    return document["id"], document.get("version") or 1


def run_cli(space, *args: str) -> str:
    """Run the `khabar` command in a space; returns its stderr (the summary line)."""
    done = subprocess.run([str(BIN / "khabar"), *args], env=space.env, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    return done.stderr.decode()


def assigned_topics(log: str) -> set[str]:
    """Topics in the partition tables faust logs after each 'Setting newly assigned partitions'."""
    found: set[str] = set()
    for table in re.findall(r"Setting newly assigned partitions(.*?)for group", log, flags=re.S):
        found.update(re.findall(r"^\|\s*(\S+)\s*\|\s*\{[\d\-, ]+\}\s*\|", table, flags=re.M))
    return found


@dataclass(frozen=True)
class Failure:
    """A story that did not come through, with the reason code and message its dead letter gave."""

    reason: str
    error: str


def embed(story: dict) -> bytes | Failure:
    """Embedded mode for one story, in a pool process: the document as JSON, or why it failed."""
    try:
        return orjson.dumps(process_story(story, validate=False))
    except KhabarError as exc:
        return Failure(exc.reason, str(exc))


def check_events_document(document: bytes) -> str | None:
    """Schema and exact spans of one khabar.events.v1 document, in a pool process; the problem, if any."""
    try:
        check_document(topics.EVENTS, orjson.loads(document))
    except KhabarError as exc:
        return str(exc)
    return None


def story_key_of_letter(letter: dict) -> tuple[str, int] | None:
    """(id, version) of the story a dead letter holds, or None when its bytes are no story."""
    try:
        document = orjson.loads(base64.b64decode(letter["original"]))
    except orjson.JSONDecodeError:
        return None
    return key_of(document) if isinstance(document, dict) and isinstance(document.get("id"), str) else None


class Progress:
    """Follows khabar.events.v1 and khabar.dlq.v1 and says when every story is accounted for."""

    def __init__(self, events: TopicReader, dlq: TopicReader, expected: set[tuple[str, int]]):
        self.events, self.dlq, self.expected = events, dlq, expected

    def arrived(self) -> set[tuple[str, int]]:
        return {key_of(orjson.loads(record.value)) for record in self.events.records}

    def dead(self) -> set[tuple[str, int]]:
        return {story_key_of_letter(orjson.loads(record.value)) for record in self.dlq.records} - {None}

    def flowing(self) -> bool:
        return len(self.events.records) >= FLOWING

    def complete(self) -> bool:
        """Every story arrived or was dead-lettered, and so was every malformed message."""
        dead_stories = self.dead() & self.expected
        enough_letters = len(self.dlq.records) >= len(MALFORMED_RAW) + 1 + len(dead_stories)
        return enough_letters and self.expected <= self.arrived() | dead_stories


@dataclass
class StreamRun:
    """What one streaming run produced, and the embedded reference for the same stories."""

    stories: list[dict]
    events: list[tuple[tuple[str, int], bytes]]  # every arrival, repeats included, in arrival order
    dead_letters: list[dict]
    events_at_join: int
    second_worker_topics: set[str]
    embedded: dict[tuple[str, int], bytes | Failure]
    topic_names: dict[str, str]
    assembled: dict[str, dict]  # khabar.events.assembled.v1 as a consumer of the compacted topic sees it
    assembled_embedded: dict[str, dict]  # the embedded Assembler fed the same events, same arrival times

    @property
    def expected(self) -> set[tuple[str, int]]:
        return {key_of(story) for story in self.stories}

    def streaming(self) -> dict[tuple[str, int], bytes | Failure]:
        """Each story's first arrival on khabar.events.v1, or its dead letter."""
        outcomes: dict[tuple[str, int], bytes | Failure] = {}
        for letter in self.dead_letters:
            key = story_key_of_letter(letter)
            if key in self.expected:  # not the malformed messages, which are no stories
                outcomes[key] = Failure(letter["reason"], letter["error"])
        for key, document in self.events:
            outcomes.setdefault(key, document)
        return outcomes


def assemble_embedded(event_records: list) -> dict[str, dict]:
    """The embedded `Assembler` over khabar.events.v1 as streamed: same documents, repeats, arrival times."""
    assembler = Assembler()
    for record in event_records:
        assembler.add(orjson.loads(record.value), seen=arrival_time(record.timestamp))
    return assembler.records


class CompactedView:
    """A compacted topic's content as its reader sees it: the last value per key, tombstones deleting."""

    def __init__(self, reader: TopicReader):
        self.reader, self.latest, self.folded = reader, {}, 0
        self.changed_at = time.monotonic()

    def quiet(self, seconds: float) -> bool:
        """Nothing new for `seconds` after something arrived: the producers are done."""
        return bool(self.latest) and time.monotonic() - self.changed_at > seconds

    def state(self) -> dict[str, dict]:
        if len(self.reader.records) > self.folded:
            self.changed_at = time.monotonic()
        for record in self.reader.records[self.folded:]:
            if record.value is None:
                self.latest.pop(record.key.decode(), None)
            else:
                self.latest[record.key.decode()] = orjson.loads(record.value)
        self.folded = len(self.reader.records)
        return self.latest


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessPoolExecutor]:
    """Two spawned processes for the CPU-heavy reference work (embedded run, schema checks)."""
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as executor:
        yield executor


async def feed_second_phase(space, stories: list[dict]) -> None:
    """The rest of the news, the seed story, the ordered versions and the malformed messages."""
    await produce(space, topics.RAW, keyed(stories[FIRST_PHASE:NEWS_COUNT]))
    assert "1 stories published, 0 lines rejected" in run_cli(space, "ingest", str(SEED_PATH))
    await produce(space, topics.RAW, keyed(order_probe_versions()))
    await produce(space, topics.RAW, [(key, value) for key, value, *_ in MALFORMED_RAW])
    await produce(space, topics.TAGGED, [MALFORMED_TAGGED[:2]])


@pytest.fixture(scope="module")
async def streamed(kafka_space_factory, worker_factory, seed_text, pool) -> StreamRun:
    space = await kafka_space_factory("pipeline")
    stories = [*news_stories(), {"id": SEED_ID, "text": seed_text}, *order_probe_versions()]
    # The embedded reference runs while the workers stream, so both cores stay busy.
    embedded = [asyncio.wrap_future(pool.submit(embed, story)) for story in stories]
    workers = [worker_factory(space, "normalize"),
               worker_factory(space, "tag", env=SKIP_SCHEMA_CHECKS),
               worker_factory(space, "quantify", launcher="faust", env=SKIP_SCHEMA_CHECKS),
               worker_factory(space, "assemble", env=SKIP_SCHEMA_CHECKS)]
    try:
        async with TopicReader(space, topics.EVENTS) as events, TopicReader(space, topics.DLQ) as dlq:
            progress = Progress(events, dlq, {key_of(story) for story in stories})
            assert f"{FIRST_PHASE} stories published, 0 lines rejected" in \
                run_cli(space, "ingest", str(NEWS_PATH), "--limit", str(FIRST_PHASE))
            await read_until(progress.flowing, [events], STREAM_TIMEOUT_S, workers)

            # Second workers of tag (stateless) and assemble (its tables move with their partitions).
            second_tag = worker_factory(space, "tag", name="tag-2", env=SKIP_SCHEMA_CHECKS)
            second_assemble = worker_factory(space, "assemble", name="assemble-2", env=SKIP_SCHEMA_CHECKS)
            workers += [second_tag, second_assemble]

            def joined() -> bool:
                return (space.topic(topics.NORMALIZED) in assigned_topics(second_tag.log())
                        and space.topic(topics.QUANTIFIED) in assigned_topics(second_assemble.log()))

            await read_until(joined, [events], 90, workers)
            events_at_join = len(progress.arrived())

            await feed_second_phase(space, stories)
            await read_until(progress.complete, [events, dlq], STREAM_TIMEOUT_S, workers)
            assembled_embedded = assemble_embedded(events.records)
            async with TopicReader(space, topics.ASSEMBLED) as reader:
                assembled = CompactedView(reader)

                def settled() -> bool:
                    return assembled.state() == assembled_embedded or assembled.quiet(ASSEMBLED_QUIET_S)

                await read_until(settled, [reader], ASSEMBLED_TIMEOUT_S, workers)
    finally:
        stop_workers(workers)
    return StreamRun(
        stories=stories,
        events=[(key_of(orjson.loads(r.value)), r.value) for r in events.records],
        dead_letters=[orjson.loads(r.value) for r in dlq.records],
        events_at_join=events_at_join,
        second_worker_topics=assigned_topics(second_tag.log()) | assigned_topics(second_assemble.log()),
        embedded={key_of(story): await outcome for story, outcome in zip(stories, embedded, strict=True)},
        topic_names={name: space.topic(name) for name in topics.ALL_TOPICS},
        assembled=assembled.state(), assembled_embedded=assembled_embedded,
    )


@pytest.fixture(scope="module", params=["embedded", "streaming"])
def runner_output(request, streamed) -> dict[tuple[str, int], bytes | Failure]:
    """The same stories' outcomes from each mode, keyed by (id, version)."""
    return streamed.embedded if request.param == "embedded" else streamed.streaming()


async def test_runner_enriches_every_story_with_all_layers(runner_output, streamed, pool):
    assert set(runner_output) == streamed.expected
    failed = {key: outcome for key, outcome in runner_output.items() if isinstance(outcome, Failure)}
    assert failed == {}, f"{len(failed)} stories failed, e.g. {next(iter(failed.items()), None)}"
    documents = list(runner_output.values())
    checks = [asyncio.wrap_future(pool.submit(check_events_document, document)) for document in documents]
    problems = [problem for problem in await asyncio.gather(*checks) if problem]
    assert problems == [], f"{len(problems)} documents break khabar.events.v1, e.g. {problems[0]}"
    layers = [set(orjson.loads(document)["meta"]["layers"]) for document in documents]
    assert all(found == set(LAYERS) for found in layers)


def test_streaming_outcomes_equal_embedded_outcomes(streamed):
    """Same document per story, compared whole; a story that fails fails the same way in both modes."""
    streaming = streamed.streaming()
    differing = sorted(key for key, embedded in streamed.embedded.items()
                       if _comparable(streaming.get(key)) != _comparable(embedded))
    assert differing == [], f"{len(differing)} stories differ between modes, first: {differing[:3]}"


def _comparable(outcome: bytes | Failure | None) -> dict | Failure | None:
    return orjson.loads(outcome) if isinstance(outcome, bytes) else outcome


def test_streaming_keeps_versions_of_one_story_in_order(streamed):
    arrivals = [version for (story_id, version), _ in streamed.events if story_id == ORDER_PROBE_ID]
    assert list(dict.fromkeys(arrivals)) == list(ORDER_VERSIONS), arrivals  # first arrivals, in order
    texts = {version: orjson.loads(doc)["text"] for (story_id, version), doc in streamed.events
             if story_id == ORDER_PROBE_ID}
    assert all(texts[v].endswith(f"رقم {v})") for v in ORDER_VERSIONS)


def test_second_workers_join_mid_stream_without_loss_or_divergent_repeats(streamed):
    assert {streamed.topic_names[topics.NORMALIZED], streamed.topic_names[topics.QUANTIFIED]} \
        <= streamed.second_worker_topics
    assert FLOWING <= streamed.events_at_join < FIRST_PHASE, "the second workers joined after the first phase"
    copies: dict[tuple[str, int], set[bytes]] = defaultdict(set)
    for key, document in streamed.events:
        copies[key].add(document)
    lost = streamed.expected - set(streamed.streaming())
    assert lost == set()
    divergent = sorted(key for key, documents in copies.items() if len(documents) > 1)
    assert divergent == []  # a redelivered story is byte-identical, so (id, version) dedupes it
    repeats = len(streamed.events) - len(copies)
    print(f"\nrebalance: second tag and assemble workers joined after {streamed.events_at_join} events; "
          f"{repeats} repeated deliveries downstream")


def test_malformed_messages_become_dead_letters_with_reason(streamed):
    """Each bad message is one dead letter naming its stage, reason and source offset; good ones pass."""
    letters = {base64.b64decode(letter["original"]): letter for letter in streamed.dead_letters}
    expected = [("normalize", topics.RAW, *bad) for bad in MALFORMED_RAW]
    expected.append(("quantify", topics.TAGGED, *MALFORMED_TAGGED))
    for stage, topic, _key, value, reason, word in expected:
        letter = letters[value]  # the exact original bytes, even when they are not UTF-8
        schemas.validate(topics.DLQ, letter)
        assert (letter["stage"], letter["reason"]) == (stage, reason)
        assert letter["topic"] == streamed.topic_names[topic] and word in letter["error"]
        assert letter["partition"] is not None and letter["offset"] is not None


def test_assembled_events_equal_the_embedded_assembler(streamed):
    """The table agents' compacted output is what the in-memory Assembler makes of the same events."""
    assert streamed.assembled_embedded, "the stories have event mentions, so something must be assembled"
    missing = set(streamed.assembled_embedded) - set(streamed.assembled)
    extra = set(streamed.assembled) - set(streamed.assembled_embedded)
    differing = [eid for eid, record in streamed.assembled.items()
                 if eid in streamed.assembled_embedded and record != streamed.assembled_embedded[eid]]
    assert (len(missing), len(extra), len(differing)) == (0, 0, 0), (sorted(missing)[:3], sorted(extra)[:3],
                                                                   differing[:3])
    for record in streamed.assembled.values():
        schemas.validate(topics.ASSEMBLED, record)
