"""The hospital's time zone: every time and day the console shows is the hospital's.

Why: staff read "when did this patient ask" and "questions on Monday" in the hospital's
local time, not in UTC; a callback request stored at 02:30 UTC came in the evening before.
The database keeps UTC (and CSV exports stay in UTC, labelled so); only what is shown, and
the days that date filters and the dashboard mean, are converted here.

The zone is the setting HOSPITAL_TIMEZONE (an IANA name, default America/New_York), read once
when the app is created. An unknown name stops the console from starting rather than showing
wrong times.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIMEZONE = "America/New_York"
SHOWN_FORMAT = "%Y-%m-%d %H:%M %Z"


def hospital_zone(name: str | None = None) -> ZoneInfo:
    """The zone named `name`, else by HOSPITAL_TIMEZONE, else America/New_York."""
    name = name or os.environ.get("HOSPITAL_TIMEZONE") or DEFAULT_TIMEZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(
            f"HOSPITAL_TIMEZONE={name!r} is not a time zone; use an IANA name such as "
            f"{DEFAULT_TIMEZONE!r} (the operating system's tz database must be installed)."
        ) from error


def as_utc(moment: datetime) -> datetime:
    """`moment` as an aware UTC datetime; a naive one (SQLite drops the zone) is UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def shown(moment: datetime | None, zone: ZoneInfo, fmt: str = SHOWN_FORMAT) -> str:
    """A stored (UTC) time as staff read it: local, with the zone's abbreviation."""
    if moment is None:
        return ""
    return as_utc(moment).astimezone(zone).strftime(fmt)


def machine_readable(moment: datetime | None, zone: ZoneInfo) -> str:
    """The same instant for a `<time datetime>` attribute: ISO 8601 with the local offset."""
    if moment is None:
        return ""
    return as_utc(moment).astimezone(zone).isoformat(timespec="seconds")


def today(zone: ZoneInfo) -> date:
    return datetime.now(zone).date()


def start_of_day(day: date, zone: ZoneInfo) -> datetime:
    """The UTC instant at which the hospital's `day` begins (what a date filter means)."""
    return datetime.combine(day, time.min, tzinfo=zone).astimezone(timezone.utc)


def utc_offset(moment: datetime, zone: ZoneInfo) -> timedelta:
    return as_utc(moment).astimezone(zone).utcoffset() or timedelta(0)


def offset_periods(
    zone: ZoneInfo, start: datetime, end: datetime
) -> list[tuple[datetime, timedelta]]:
    """The zone's UTC offsets between the instants `start` and `end`: [(from when, offset)],
    the first from `start`; a new one at each change (daylight saving time).

    For databases without time zones (SQLite): within one period, the hospital's day of a
    UTC time is the date of that time plus the offset. Changes are found day by day, then to
    the second by bisection (zoneinfo lists no transitions); a year has two or none.
    """
    start, end = as_utc(start), as_utc(end)
    periods = [(start, utc_offset(start, zone))]
    day = timedelta(days=1)
    moment = start
    while moment < end:
        following = min(moment + day, end)
        if utc_offset(following, zone) != periods[-1][1]:
            before, after = int(moment.timestamp()), int(following.timestamp())
            while after - before > 1:  # offsets change on a whole second
                middle = (before + after) // 2
                at_middle = datetime.fromtimestamp(middle, tz=timezone.utc)
                if utc_offset(at_middle, zone) == periods[-1][1]:
                    before = middle
                else:
                    after = middle
            changed = datetime.fromtimestamp(after, tz=timezone.utc)
            periods.append((changed, utc_offset(changed, zone)))
        moment = following
    return periods
