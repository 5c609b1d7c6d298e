"""How well a tool is mastered, from the evidence progress keeps of the rooms that teach or
use it: cleared or not, in how many checks, with how many hints, peeked or not.

Each cleared room scores how cleanly it went: 1.0 with no hint, no peek and at most two
checks; each hint takes 0.15 off and every check past the second 0.05 (down to 0.4); a
peek at the reference scores 0.2. A tool's mastery is the mean over its cleared rooms (the
ones that grant it and the ones that list it in `uses`); once the tool has been drilled
(`arena review`), the drills count for half: a clean drill 1.0, one in two checks 0.6, a
lapse 0.2.

Spaced review: a tool's first review is due a day after it was found; a drill replays one of
its cleared rooms from a blank stub, graded like any check. Cleared in one check, the next
interval is 2.5 times longer; in two, 1.2 times; in more, back to one day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from arena_dungeon.content import Content, Room
from arena_dungeon.progress import Progress, ReviewRecord, RoomProgress

LEVELS = ((0.85, "solid"), (0.65, "good"), (0.45, "shaky"), (0.0, "fragile"))


@dataclass(frozen=True)
class Mastery:
    tool: str
    rooms: int  # cleared rooms that teach or use the tool
    clean: int  # of those, cleared without a hint or a peek, in at most two checks
    hints: int
    peeks: int
    score: float  # 0..1
    due: bool = False  # a review is due

    @property
    def label(self) -> str:
        return next(name for floor, name in LEVELS if self.score >= floor)


def _checks(record: RoomProgress) -> int:
    """The checks it took to clear (saves from before that was kept: the checks so far)."""
    return record.attempts_at_clear or record.attempts or 1


def room_score(record: RoomProgress) -> float:
    if record.peeked:
        return 0.2
    return max(0.4, 1.0 - 0.15 * len(record.hints_seen) - 0.05 * max(0, _checks(record) - 2))


def _clean(record: RoomProgress) -> bool:
    return not record.peeked and not record.hints_seen and _checks(record) <= 2


def of(content: Content, progress: Progress, tools: list[str],
       now: str | None = None) -> dict[str, Mastery]:
    """Mastery of each of `tools` (the inventory's), from the rooms cleared so far and the
    drills done; `due` marks the tools whose review is due at `now`."""
    records: dict[str, list[RoomProgress]] = {t: [] for t in tools}
    for room in content.ordered_rooms:
        record = progress.rooms.get(room.id)
        if record is None or not record.cleared:
            continue
        for tool in dict.fromkeys((*room.grants, *room.uses)):
            if tool in records:
                records[tool].append(record)
    ready = set(due(content, progress, tools, now)) if now else set()
    out = {}
    for tool, recs in records.items():
        score = sum(map(room_score, recs)) / len(recs) if recs else 0.0
        review = progress.reviews.get(tool)
        if review is not None and review.drills:
            middling = review.drills - review.clean - review.lapses
            drilled = (review.clean + 0.6 * middling + 0.2 * review.lapses) / review.drills
            score = (score + drilled) / 2
        out[tool] = Mastery(tool, len(recs), sum(map(_clean, recs)),
                            sum(len(r.hints_seen) for r in recs), sum(r.peeked for r in recs),
                            round(score, 3), tool in ready)
    return out


# ------------------------------------------------------------------ spaced review

FIRST_REVIEW = 1.0  # days after a tool is found
GROW = 2.5  # a clean drill (one check, no hint): the interval grows this much
KEEP = 1.2  # two checks: it grows a little; more than two: back to FIRST_REVIEW


def _time(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def found_at(content: Content, progress: Progress, tool: str) -> str | None:
    """When the tool was found: the earliest clear of a room that grants it."""
    stamps = [r.cleared_at for room in content.ordered_rooms if tool in room.grants
              for r in [progress.rooms.get(room.id)] if r is not None and r.cleared_at]
    return min(stamps, default=None)


def due_at(content: Content, progress: Progress, tool: str) -> datetime | None:
    record = progress.reviews.get(tool)
    if record is not None and record.due:
        return _time(record.due)
    found = found_at(content, progress, tool)
    return _time(found) + timedelta(days=FIRST_REVIEW) if found else None


def due(content: Content, progress: Progress, tools: list[str], now: str) -> list[str]:
    """The tools whose review is due at `now`, the most overdue first."""
    when = {t: due_at(content, progress, t) for t in tools}
    ready = [t for t, d in when.items() if d is not None and d <= _time(now)]
    return sorted(ready, key=lambda t: when[t] or _time(now))


def drill_rooms(content: Content, progress: Progress, tool: str) -> list[Room]:
    """Cleared rooms that teach or use the tool: what a drill replays from a blank stub."""
    cleared = progress.cleared_ids()
    return [r for r in content.ordered_rooms if r.id in cleared
            and (tool in r.grants or tool in r.uses)]


def next_drill_room(content: Content, progress: Progress, tool: str) -> Room | None:
    rooms = drill_rooms(content, progress, tool)
    if not rooms:
        return None
    record = progress.reviews.get(tool)
    return rooms[(record.drills if record else 0) % len(rooms)]  # each in turn


def finish_drill(record: ReviewRecord, now: str) -> float:
    """Schedule the next review after a drill cleared in `record.checks` checks; returns the
    new interval in days."""
    if record.checks <= 1:
        record.interval, record.clean = record.interval * GROW, record.clean + 1
    elif record.checks == 2:
        record.interval = record.interval * KEEP
    else:
        record.interval, record.lapses = FIRST_REVIEW, record.lapses + 1
    record.interval = min(record.interval, 365.0)
    record.drills += 1
    record.last = now
    record.due = (_time(now) + timedelta(days=record.interval)).isoformat(timespec="seconds")
    record.room, record.checks = None, 0
    return record.interval
