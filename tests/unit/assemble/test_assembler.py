"""Assembling across versions and sources: replays, duplicates and out-of-order versions (issue 6).

The seed story is split into three versions (its first 3 paragraphs, its first 10, all of it)
and run through the whole embedded pipeline; the in-memory `Assembler` calls the same
`table.route`/`table.apply` functions as the faust agents.
"""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from tests.unit.assemble.conftest import cardinal, loc, make_doc

from khabar import schemas, topics
from khabar.assemble.assembler import Assembler
from khabar.assemble.core import process
from khabar.assemble.table import apply, route
from khabar.runner import process_story

pytestmark = pytest.mark.unit

PUBLISHED = "2015-10-24T09:00:00+00:00"
SEEN = {1: "2015-10-24T09:00:00+00:00", 2: "2015-10-24T09:20:00+00:00", 3: "2015-10-24T10:05:00+00:00"}
_VOLATILE = ("history", "revisions", "first_seen", "last_seen")


@pytest.fixture(scope="module")
def seed_versions(seed_text: str) -> dict[int, dict[str, Any]]:
    paragraphs = seed_text.split("\n")
    texts = {1: "\n".join(paragraphs[:3]), 2: "\n".join(paragraphs[:10]), 3: seed_text}
    return {
        v: process_story({"id": "seed", "version": v, "text": t, "published_at": PUBLISHED, "source": "AFP"})
        for v, t in texts.items()
    }


def assemble(documents: list[tuple[dict[str, Any], str]]) -> Assembler:
    assembler = Assembler()
    for document, seen in documents:
        assembler.add(document, seen=seen)
    return assembler


def content(records: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Records without the fields that legitimately remember earlier versions."""
    return {eid: {k: v for k, v in r.items() if k not in _VOLATILE} for eid, r in records.items()}


def test_versions_in_order_end_like_the_full_story_once(seed_versions):
    once = assemble([(seed_versions[3], SEEN[3])])
    stepwise = assemble([(seed_versions[v], SEEN[v]) for v in (1, 2, 3)])
    assert content(stepwise.records) == content(once.records)
    mention_ids = [m["mention_id"] for r in stepwise.records.values() for m in r["mentions"]]
    assert len(mention_ids) == len(set(mention_ids)) == len(seed_versions[3]["events"])
    assert len(stepwise.records) == len({e["event_id"] for e in seed_versions[3]["events"]})
    assert {m["version"] for r in stepwise.records.values() for m in r["mentions"]} == {3}


def test_duplicates_and_out_of_order_versions_give_identical_records(seed_versions):
    in_order = assemble([(seed_versions[v], SEEN[v]) for v in (1, 2, 3)])
    shuffled = assemble(
        [
            (seed_versions[3], SEEN[3]),
            (seed_versions[1], SEEN[1]),
            (seed_versions[3], SEEN[3]),
            (seed_versions[2], SEEN[2]),
            (seed_versions[1], "2015-10-24T11:00:00+00:00"),
        ]
    )
    assert shuffled.records == in_order.records
    lead = next(r for r in in_order.records.values() if r["type"] == "statement" and len(r["mentions"]) > 1)
    assert (lead["first_seen"], lead["last_seen"]) == (SEEN[1], SEEN[3])  # in every version since the flash
    total = next(r for r in in_order.records.values() if r["killed"] == {"min": 60, "max": None})
    assert (total["first_seen"], total["last_seen"]) == (SEEN[3], SEEN[3])  # only in the full text


def test_assembled_records_match_their_topic_schema(seed_versions):
    for record in assemble([(seed_versions[v], SEEN[v]) for v in (1, 2, 3)]).records.values():
        schemas.validate(topics.ASSEMBLED, record)


def test_replaying_a_story_changes_nothing_and_emits_nothing(seed_versions):
    assembler = assemble([(seed_versions[v], SEEN[v]) for v in (1, 2, 3)])
    before = dict(assembler.records)
    assert assembler.add(seed_versions[3], seen=SEEN[3]) == []
    assert assembler.add(seed_versions[2], seen=SEEN[2]) == []
    assert assembler.records == before


def test_a_version_that_drops_events_retracts_them(seed_versions):
    assembler = assemble([(seed_versions[3], SEEN[3])])
    shorter = {**seed_versions[1], "version": 4}
    upserts = assembler.add(shorter, seen="2015-10-24T12:00:00+00:00")
    tombstones = [eid for eid, record in upserts if record is None]
    assert tombstones and len(assembler.records) == len({e["event_id"] for e in shorter["events"]})


def test_the_two_leads_of_one_statement_are_one_assembled_event(seed_versions):
    statements = [
        r for r in assemble([(seed_versions[3], SEEN[3])]).records.values() if r["type"] == "statement"
    ]
    lead = max(statements, key=lambda r: len(r["mentions"]))
    assert len(lead["mentions"]) >= 2
    assert "لافروف" in lead["speaker"]["text"]


def agency_report(
    story_id: str, text: str, figure: dict[str, Any], source: str, published: str
) -> dict[str, Any]:
    doc = make_doc(
        text,
        [("حلب", loc(geonames_id=170063, lat=36.2, lon=37.16, country="SY"))],
        [(figure.pop("surface"), figure)],
        doc_id=story_id,
        published_at=published,
        source=source,
    )
    return process(doc).to_dict()


def test_two_agencies_and_an_update_make_one_event_with_count_history():
    afp = agency_report(
        "afp-1",
        "قتل اكثر من 60 عنصرا في محافظة حلب، وفق ما افاد المرصد السوري لحقوق الانسان.",
        {"surface": "اكثر من 60", **cardinal(60, "gt", "عنصر")},
        "AFP",
        "2015-10-24T09:00:00Z",
    )
    reuters = agency_report(
        "rtr-7",
        "ارتفعت حصيلة القتلى في ريف حلب إلى 71 قتيلا، بحسب المرصد.",
        {"surface": "71", **cardinal(71, unit="قتيل")},
        "Reuters",
        "2015-10-24T15:00:00Z",
    )
    assembler = Assembler()
    assembler.add(afp)
    assembler.add(reuters)
    (record,) = [r for r in assembler.records.values() if r["type"] == "casualties"]
    assert {m["story_id"] for m in record["mentions"]} == {"afp-1", "rtr-7"}
    assert record["killed"] == {"min": 71, "max": 71}
    assert record["agencies"] == ["AFP", "Reuters"]
    assert [h["story_id"] for h in record["history"]] == ["afp-1", "rtr-7"]
    assert record["location"]["geonames_id"] == 170063


def test_route_and_apply_are_the_faust_table_contract(seed_versions):
    story_state, sends = route(None, seed_versions[2], seen=SEEN[2])
    assert story_state["version"] == 2 and sorted(story_state["buckets"]) == story_state["buckets"]
    assert all(payload["story_id"] == "seed" and payload["latest_version"] == 2 for _, payload in sends)
    bucket, payload = sends[0]
    bucket_state, upserts = apply(None, payload)
    assert upserts and all(record["event_id"] == eid for eid, record in upserts)
    again_state, again = apply(bucket_state, payload)
    assert again == [] and again_state == bucket_state
    story_state, older = route(story_state, seed_versions[1], seen=SEEN[1])
    assert story_state["version"] == 2 and all(p["latest_version"] == 2 for _, p in older)


def test_table_values_survive_a_json_round_trip(seed_versions):
    """The faust changelog stores table values as JSON: state read back must behave the same."""

    def through_json(value: Any) -> Any:
        return orjson.loads(orjson.dumps(value))

    buckets: dict[str, Any] = {}
    story_state, sends = route(None, seed_versions[3], seen=SEEN[3])
    for bucket, payload in sends:
        state, _ = apply(buckets.get(bucket), through_json(payload))
        buckets[bucket] = through_json(state)
    _, sends = route(through_json(story_state), seed_versions[3], seen=SEEN[3])
    assert all(apply(buckets[bucket], through_json(payload))[1] == [] for bucket, payload in sends)
