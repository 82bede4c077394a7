"""Event time windows: the quantify stage's dates and durations resolved against `published_at`.

A window is a pair of ISO dates (first day, last day), inclusive. "خلال الساعات الاربع
والعشرين الاخيرة" in a story published on 2015-10-24 is ("2015-10-23", "2015-10-24");
a partial date "2015-10" spans the month. Windows decide whether two mentions can be
one event (merge rule "compatible time window").
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any

Window = tuple[str, str]

_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}
#: Slack when comparing windows: wires date an overnight event by either day.
SLACK_DAYS = 1
#: Longest duration read as an event's window (ten years).
MAX_WINDOW_DAYS = 3653


def parse_published(published_at: str | None) -> date | None:
    """The publication day of a story, from ISO 8601 or an RFC 2822 wire date; None if unknown.

    >>> parse_published("Mon, 19 Feb 2018 00:16:11 +0400")
    datetime.date(2018, 2, 19)
    """
    instant = parse_instant(published_at)
    return instant.date() if instant else None


def parse_instant(value: str | None) -> datetime | None:
    """A timestamp from ISO 8601 or an RFC 2822 wire date, or None."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def iso_instant(value: str | None) -> str | None:
    """A timestamp as ISO 8601 in UTC (naive times are taken as UTC), so instants compare as strings.

    >>> iso_instant("Mon, 19 Feb 2018 00:16:11 +0400")
    '2018-02-18T20:16:11+00:00'
    """
    instant = parse_instant(value)
    if instant is None:
        return None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(UTC).isoformat()


def _partial_window(iso: str) -> Window | None:
    parts = [int(p) for p in iso.split("-")]
    try:
        if len(parts) == 3:
            day = date(*parts).isoformat()
            return day, day
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1).isoformat(), date(parts[0], parts[1], last).isoformat()
        return f"{parts[0]:04d}-01-01", f"{parts[0]:04d}-12-31"
    except ValueError:
        return None


def _duration_days(quantity: dict[str, Any]) -> float | None:
    value = quantity.get("value") or quantity.get("min") or quantity.get("max")
    per_unit = _UNIT_DAYS.get(str(quantity.get("unit") or ""))
    return float(value) * per_unit if value and per_unit else None


def resolve(quantity: dict[str, Any], published: date | None) -> Window | None:
    """The window a date or duration quantity names, or None when it cannot be placed."""
    if quantity.get("kind") == "date":
        if quantity.get("date"):
            return _partial_window(str(quantity["date"]))
        if quantity.get("month") and quantity.get("day") and published:
            year = published.year - (1 if quantity["month"] > published.month else 0)
            return _partial_window(f"{year:04d}-{int(quantity['month']):02d}-{int(quantity['day']):02d}")
        return None
    if quantity.get("kind") == "duration" and published:
        days = _duration_days(quantity)
        if days and days <= MAX_WINDOW_DAYS:  # "منذ 3000 عام" is history, not an event window
            start = published - timedelta(days=max(1, round(days)))
            return start.isoformat(), published.isoformat()
    return None


def time_of(quantity: dict[str, Any], published: date | None) -> dict[str, Any]:
    """The event `time` value: the quantity's span and attributes plus its resolved window."""
    out = {k: quantity[k] for k in ("start", "end", "text", "kind") if k in quantity}
    for key in ("date", "month", "day", "weekday", "time", "value", "unit"):
        if quantity.get(key) is not None:
            out[key] = quantity[key]
    window = resolve(quantity, published)
    if window:
        out["from"], out["to"] = window
    return out


def window_of(time: dict[str, Any] | None, published_at: str | None) -> Window | None:
    """A mention's window: its resolved time, else its story's publication day, else None."""
    if time and time.get("from"):
        return time["from"], time["to"]
    published = parse_published(published_at)
    return (published.isoformat(), published.isoformat()) if published else None


def windows_overlap(a: Window | None, b: Window | None, slack: int = SLACK_DAYS) -> bool:
    """Unknown windows are compatible with anything; known ones must overlap within `slack` days."""
    if a is None or b is None:
        return True
    pad = timedelta(days=slack)
    return _day(a[0]) - pad <= _day(b[1]) and _day(b[0]) - pad <= _day(a[1])


@lru_cache(maxsize=1 << 14)
def _day(iso: str) -> date:
    return date.fromisoformat(iso)
