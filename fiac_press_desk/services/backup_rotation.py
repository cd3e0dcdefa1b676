"""Which automatic backups to keep: 7 daily, 4 weekly, 12 monthly (configurable).

Calendar windows, not "the last N periods that had a backup": a backup is kept as the newest
of its day while that day is among the last ``daily`` days, the newest of its ISO week while
the week is among the last ``weekly`` weeks, the newest of its month while the month is among
the last ``monthly`` months. So no backup outlives its longest window (a year by default),
however rarely the desk is opened, and the erasure report can say by when a person is gone
from them (``expires_by``). The ``recent`` newest backups are kept too while they are in the
daily window: the copy taken before the morning's import survives the one taken before the
afternoon's merge.

Days, weeks and months are the desk's (its time zone, ``config.desk_timezone``). Pure
functions of the backups' times: the service lists files and deletes what ``to_delete`` says.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo


@dataclass(frozen=True)
class RotationPolicy:
    """How many of each to keep (0: none of that kind)."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    recent: int = 3


def _day(moment: datetime, zone: tzinfo) -> date:
    return moment.astimezone(zone).date()


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _first_of(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def _midnight(day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, time(), zone)


def keepers(
    times: Sequence[datetime], now: datetime, policy: RotationPolicy, zone: tzinfo
) -> dict[int, datetime]:
    """For each index of ``times`` kept, the moment its longest window ends (it is gone by
    then at the latest, if the desk runs). Times in the future count as now."""
    today = _day(now, zone)
    order = sorted(range(len(times)), key=lambda i: times[i], reverse=True)
    kept: dict[int, datetime] = {}

    def keep(i: int, until: datetime) -> None:
        kept[i] = max(kept.get(i, until), until)

    def newest_per(
        period: Callable[[date], Hashable],
        inside: Callable[[date], bool],
        end: Callable[[date], datetime],
    ) -> None:
        seen: set[Hashable] = set()
        for i in order:
            day = _day(times[i], zone)
            key = period(day)
            if key in seen or not inside(day):
                continue
            seen.add(key)
            keep(i, end(day))

    first_day = today - timedelta(days=policy.daily - 1)
    if policy.daily > 0:
        newest_per(
            lambda d: d,
            lambda d: d >= first_day,
            lambda d: _midnight(d + timedelta(days=policy.daily), zone),
        )
    if policy.weekly > 0:
        first_week = _week_start(today) - timedelta(weeks=policy.weekly - 1)
        newest_per(
            _week_start,
            lambda d: _week_start(d) >= first_week,
            lambda d: _midnight(_week_start(d) + timedelta(weeks=policy.weekly), zone),
        )
    if policy.monthly > 0:
        first_month = _month_index(today) - (policy.monthly - 1)
        newest_per(
            _month_index,
            lambda d: _month_index(d) >= first_month,
            lambda d: _midnight(_first_of(_month_index(d) + policy.monthly), zone),
        )
    if policy.daily > 0:
        for i in order[: policy.recent]:
            day = _day(times[i], zone)
            if day >= first_day:
                keep(i, _midnight(day + timedelta(days=policy.daily), zone))
    return kept


def to_delete(
    times: Sequence[datetime], now: datetime, policy: RotationPolicy, zone: tzinfo
) -> list[int]:
    """Indexes of ``times`` that no rule keeps."""
    kept = keepers(times, now, policy, zone)
    return [i for i in range(len(times)) if i not in kept]


def expires_by(
    index: int, times: Sequence[datetime], now: datetime, policy: RotationPolicy, zone: tzinfo
) -> datetime:
    """By when the backup ``times[index]`` is deleted at the latest (a newer backup of its
    day, week or month can only bring that forward); one no rule keeps goes at the next
    rotation, i.e. now."""
    return keepers(times, now, policy, zone).get(index, now)
