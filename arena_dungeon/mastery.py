"""How well a tool is mastered, from the evidence progress keeps of the rooms that teach or
use it: cleared or not, in how many checks, with how many hints, peeked or not.

Each cleared room scores how cleanly it went: 1.0 with no hint, no peek and at most two
checks; each hint takes 0.15 off and every check past the second 0.05 (down to 0.4); a
peek at the reference scores 0.2. A tool's mastery is the mean over its cleared rooms (the
ones that grant it and the ones that list it in `uses`). Spaced review (issue 22) will add
drills to this evidence; until then mastery only grows as more rooms use the tool.
"""

from __future__ import annotations

from dataclasses import dataclass

from arena_dungeon.content import Content
from arena_dungeon.progress import Progress, RoomProgress

LEVELS = ((0.85, "solid"), (0.65, "good"), (0.45, "shaky"), (0.0, "fragile"))


@dataclass(frozen=True)
class Mastery:
    tool: str
    rooms: int  # cleared rooms that teach or use the tool
    clean: int  # of those, cleared without a hint or a peek, in at most two checks
    hints: int
    peeks: int
    score: float  # 0..1

    @property
    def label(self) -> str:
        return next(name for floor, name in LEVELS if self.score >= floor)


def room_score(record: RoomProgress) -> float:
    if record.peeked:
        return 0.2
    checks = record.attempts_at_clear or record.attempts or 1
    return max(0.4, 1.0 - 0.15 * len(record.hints_seen) - 0.05 * max(0, checks - 2))


def _clean(record: RoomProgress) -> bool:
    return not record.peeked and not record.hints_seen and \
        (record.attempts_at_clear or record.attempts or 1) <= 2


def of(content: Content, progress: Progress, tools: list[str]) -> dict[str, Mastery]:
    """Mastery of each of `tools` (the inventory's), from the rooms cleared so far."""
    records: dict[str, list[RoomProgress]] = {t: [] for t in tools}
    for room in content.ordered_rooms:
        record = progress.rooms.get(room.id)
        if record is None or not record.cleared:
            continue
        for tool in dict.fromkeys((*room.grants, *room.uses)):
            if tool in records:
                records[tool].append(record)
    out = {}
    for tool, recs in records.items():
        score = sum(map(room_score, recs)) / len(recs) if recs else 0.0
        out[tool] = Mastery(tool, len(recs), sum(map(_clean, recs)),
                            sum(len(r.hints_seen) for r in recs), sum(r.peeked for r in recs),
                            round(score, 3))
    return out
