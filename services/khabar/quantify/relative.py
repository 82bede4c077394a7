"""Calendar arithmetic against the story's publication date (weekdays, أمس، قبل يومين).

CONVENTIONS.md: a weekday is the latest such day on or before publication unless the text
marks the future; without a publication date the date stays null and only the weekday
(or month and day) is given.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

_DAYS_PER_UNIT = {"day": 1, "week": 7}
_MONTHS_PER_UNIT = {"month": 1, "year": 12}


def parse_published(value: str | None) -> date | None:
    """The calendar date of `published_at` (ISO-8601, or RFC 2822 as some feeds give it)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def shift_date(published: date | None, amount: float, unit: str) -> str | None:
    """ISO date `amount` units (day, week, month, year) from publication, or None."""
    if published is None or amount != int(amount):
        return None
    if unit in _DAYS_PER_UNIT:
        return (published + timedelta(days=int(amount) * _DAYS_PER_UNIT[unit])).isoformat()
    if unit in _MONTHS_PER_UNIT:
        return add_months(published, int(amount) * _MONTHS_PER_UNIT[unit]).isoformat()
    return None


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's length (31 Jan + 1 month = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for dom in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, dom)
        except ValueError:
            continue
    raise ValueError(f"no valid day in {year}-{month + 1}")


def resolve_weekday(published: date, iso_weekday: int, direction: str) -> date:
    """The weekday nearest publication: "past" (on or before), "last" (strictly before),
    "future" (on or after) or "next" (strictly after).

    >>> resolve_weekday(date(2016, 11, 7), 7, "past").isoformat()
    '2016-11-06'
    """
    delta = (published.isoweekday() - iso_weekday) % 7
    if direction == "past":
        return published - timedelta(days=delta)
    if direction == "last":
        return published - timedelta(days=delta or 7)
    ahead = (iso_weekday - published.isoweekday()) % 7
    return published + timedelta(days=ahead if direction == "future" else ahead or 7)


def weekday_of_week(published: date, weeks: int, iso_weekday: int) -> date:
    """That weekday in the ISO week `weeks` away from publication (الأسبوع المقبل يوم الجمعة)."""
    monday = published - timedelta(days=published.isoweekday() - 1) + timedelta(weeks=weeks)
    return monday + timedelta(days=iso_weekday - 1)


def nth_weekday(published: date, nth: int, iso_weekday: int) -> date | None:
    """The `nth` such weekday of the publication month (الأحد الثاني), or None past its end."""
    first = published.replace(day=1)
    day = first + timedelta(days=(iso_weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    return day if day.month == published.month else None


def iso_date(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """Partial ISO date ("2012", "2012-10", "2012-10-16"); None without a year or when invalid."""
    if year is None or not 1000 <= year <= 9999:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
