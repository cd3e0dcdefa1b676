"""The rotation rules: 7 daily, 4 weekly, 12 monthly (and the last few), calendar windows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from fiac_press_desk.services.backup_rotation import (
    RotationPolicy,
    expires_by,
    keepers,
    to_delete,
)

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)  # a Thursday


def daily_for(days: int) -> list[datetime]:
    """One backup a day at 08:00 UTC, the newest today."""
    return [NOW.replace(hour=8) - timedelta(days=d) for d in range(days)]


def kept_days(times: list[datetime], policy: RotationPolicy) -> set[str]:
    return {times[i].strftime("%Y-%m-%d") for i in keepers(times, NOW, policy, PARIS)}


def test_a_year_and_a_half_of_daily_backups_keeps_7_daily_4_weekly_12_monthly() -> None:
    times = daily_for(550)
    kept = kept_days(times, RotationPolicy())
    days = {f"2026-{d}" for d in ("12-03", "12-02", "12-01", "11-30", "11-29", "11-28", "11-27")}
    # Newest of each of the last 4 ISO weeks (Sundays before this week's Thursday).
    weeks = {"2026-12-03", "2026-11-29", "2026-11-22", "2026-11-15"}
    # Newest of each of the last 12 months: each month's last day, this month's today.
    months = {"2026-12-03"} | {
        (datetime(2026 + (m + 1) // 13, (m % 12) + 1, 1) - timedelta(days=1)).strftime("%Y-%m-%d")
        for m in range(1, 12)
    }
    assert months >= {"2026-11-30", "2026-01-31"} and len(months) == 12
    assert kept == days | weeks | months
    assert len(to_delete(times, NOW, RotationPolicy(), PARIS)) == 550 - len(kept)


def test_nothing_is_kept_past_its_longest_window() -> None:
    times = daily_for(550)
    oldest_kept = min(times[i] for i in keepers(times, NOW, RotationPolicy(), PARIS))
    assert oldest_kept.date() == datetime(2026, 1, 31).date()
    for i in keepers(times, NOW, RotationPolicy(), PARIS):
        end = expires_by(i, times, NOW, RotationPolicy(), PARIS)
        assert NOW < end <= times[i] + timedelta(days=366)


def test_several_a_day_keep_the_newest_of_the_day_and_the_last_three() -> None:
    # Today: before an import at 7:00, a merge at 8:00, an erasure at 8:30, an import at 8:50;
    # yesterday: three.
    today = [NOW.replace(hour=h, minute=m) for h, m in ((8, 50), (8, 30), (8, 0), (7, 0))]
    yesterday = [t - timedelta(days=1) for t in today[:3]]
    times = today + yesterday
    kept = keepers(times, NOW, RotationPolicy(), PARIS)
    assert sorted(kept) == [0, 1, 2, 4]  # the three newest, and yesterday's newest
    assert to_delete(times, NOW, RotationPolicy(), PARIS) == [3, 5, 6]


def test_the_policy_is_configurable() -> None:
    times = daily_for(100)
    assert kept_days(times, RotationPolicy(daily=2, weekly=0, monthly=0, recent=0)) == {
        "2026-12-03",
        "2026-12-02",
    }
    only_months = RotationPolicy(daily=0, weekly=0, monthly=3, recent=5)
    assert kept_days(times, only_months) == {"2026-12-03", "2026-11-30", "2026-10-31"}


def test_days_are_the_desks_days_not_utc() -> None:
    # 23:30 UTC on 30 November is 00:30 on 1 December in Paris: a day of its own there.
    late = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    earlier = datetime(2026, 11, 30, 22, 0, tzinfo=UTC)
    policy = RotationPolicy(daily=7, weekly=0, monthly=0, recent=0)
    assert sorted(keepers([late, earlier], NOW, policy, PARIS)) == [0, 1]
    assert sorted(keepers([late, earlier], NOW, policy, UTC)) == [0]


def test_a_newer_backup_of_the_same_month_only_brings_the_end_forward() -> None:
    old = datetime(2026, 6, 10, tzinfo=UTC)
    alone = expires_by(0, [old], NOW, RotationPolicy(), PARIS)
    assert alone == datetime(2027, 6, 1, tzinfo=PARIS)
    # Another one later in June: the first goes at the next rotation.
    assert expires_by(0, [old, old + timedelta(days=5)], NOW, RotationPolicy(), PARIS) == NOW
