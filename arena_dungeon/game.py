"""Pure game rules: inventory, doors, XP, the next room, which hint comes next. No I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from arena_dungeon.content import Content, Hint, Room
from arena_dungeon.progress import Progress, RoomProgress

XP_PER_DIFFICULTY = 20
HINT_PENALTY = 0.2  # each hint seen takes a fifth of the room's XP ...
MIN_XP_SHARE = 0.4  # ... down to this share


class Door(str, Enum):
    CLEARED = "cleared"
    OPEN = "open"
    LOCKED = "locked"


@dataclass(frozen=True)
class RoomState:
    room: Room
    door: Door
    missing: tuple[str, ...] = ()


@dataclass
class ClearReward:
    """What clearing a room for the first time brought."""

    xp: int
    new_tools: list[str] = field(default_factory=list)
    opened: list[Room] = field(default_factory=list)
    dungeon_done: bool = False


def inventory(content: Content, progress: Progress) -> list[str]:
    """Tools found, in the order the curriculum grants them."""
    cleared = progress.cleared_ids()
    found: list[str] = []
    for room in content.ordered_rooms:
        if room.id in cleared:
            found.extend(t for t in room.grants if t not in found)
    return found


def lent(content: Content, progress: Progress) -> list[str]:
    """Tools lent to a learner who started at a later dungeon, as ARENA learners start where
    their week starts: every tool granted in the dungeons before the earliest one they
    entered that way, and not found yet. Lent tools open doors; they are not in the
    inventory, give no XP, and become the learner's own when the room that grants them is
    cleared."""
    order = [d.id for d in content.dungeons]
    starts = [order.index(s) for s in progress.started_at if s in order]
    if not starts:
        return []
    owned = set(inventory(content, progress))
    out: list[str] = []
    for dungeon in content.dungeons[:min(starts)]:
        for room in content.rooms_of(dungeon):
            out.extend(t for t in room.grants if t not in owned and t not in out)
    return out


def needs_from_before(content: Content, progress: Progress, dungeon_id: str) -> list[str]:
    """Tools this dungeon's doors need that only earlier dungeons grant, not held yet."""
    order = [d.id for d in content.dungeons]
    here = order.index(dungeon_id)
    earlier = {t for d in content.dungeons[:here] for r in content.rooms_of(d) for t in r.grants}
    held = set(inventory(content, progress)) | set(lent(content, progress))
    return sorted({t for r in content.rooms_of(content.dungeons[here]) for t in r.requires
                   if t in earlier and t not in held})


def state_of(room: Room, tools: set[str], cleared: set[str]) -> RoomState:
    if room.id in cleared:
        return RoomState(room, Door.CLEARED)
    missing = tuple(t for t in room.requires if t not in tools)
    return RoomState(room, Door.LOCKED if missing else Door.OPEN, missing)


def states(content: Content, progress: Progress) -> dict[str, RoomState]:
    tools = set(inventory(content, progress)) | set(lent(content, progress))
    cleared = progress.cleared_ids()
    return {r.id: state_of(r, tools, cleared) for r in content.ordered_rooms}


def granted_by(content: Content, tool: str) -> list[Room]:
    return [r for r in content.ordered_rooms if tool in r.grants]


def used_in(content: Content, tool: str) -> list[Room]:
    return [r for r in content.ordered_rooms if tool in r.uses or tool in r.requires]


def xp_for(room: Room, record: RoomProgress) -> int:
    """XP for clearing `room`: more for harder rooms, less after hints, none after peeking."""
    if record.peeked:
        return 0
    base = XP_PER_DIFFICULTY * room.difficulty
    share = max(MIN_XP_SHARE, 1.0 - HINT_PENALTY * len(record.hints_seen))
    return round(base * share)


def total_xp(progress: Progress) -> int:
    return sum(r.xp for r in progress.rooms.values() if r.cleared)


def level(xp: int) -> int:
    """Level 1 at 0 XP, each level needing 100 XP more than the last."""
    lvl, need = 1, 100
    while xp >= need:
        xp -= need
        lvl += 1
        need += 100
    return lvl


def next_room(content: Content, progress: Progress, after: str | None = None) -> Room | None:
    """The next open, uncleared room: after `after` in its own dungeon while that dungeon
    has one (wrapping around inside it), else after it in curriculum order (wrapping)."""
    order = content.ordered_rooms
    st = states(content, progress)
    start = next((i + 1 for i, r in enumerate(order) if r.id == after), 0)
    ahead = order[start:] + order[:start]
    here = content.rooms[after].dungeon_id if after in content.rooms else None
    for room in [r for r in ahead if r.dungeon_id == here] + ahead:
        if st[room.id].door is Door.OPEN and room.id != after:
            return room
    return None


def locked_ahead(content: Content, progress: Progress, room: Room) -> RoomState | None:
    """The first uncleared room after `room` in its dungeon, if its door is locked: why the
    suggested next room may be in another dungeon."""
    st = states(content, progress)
    rooms = content.rooms_of(content.dungeon(room.dungeon_id))
    later = rooms[rooms.index(room) + 1:]
    ahead = next((st[r.id] for r in later if st[r.id].door is not Door.CLEARED), None)
    return ahead if ahead is not None and ahead.door is Door.LOCKED else None


def first_room_in(content: Content, progress: Progress, dungeon_id: str) -> Room:
    """Where to enter a dungeon: its first open uncleared room, else its first room."""
    dungeon = content.dungeon(dungeon_id)
    st = states(content, progress)
    rooms = content.rooms_of(dungeon)
    return next((r for r in rooms if st[r.id].door is Door.OPEN), rooms[0])


def clear(content: Content, progress: Progress, room: Room, when: str) -> ClearReward | None:
    """Mark `room` cleared at `when` (None if it already was) and compute the reward."""
    record = progress.room(room.id)
    if record.cleared:
        return None
    before = states(content, progress)
    tools_before = set(inventory(content, progress))
    record.cleared_at = when
    record.xp = xp_for(room, record)
    record.attempts_at_clear = record.attempts
    record.last_failure_kinds, record.last_failed_cases = [], []
    after = states(content, progress)
    new_tools = [t for t in room.grants if t not in tools_before]
    opened = [after[rid].room for rid, s in before.items()
              if s.door is Door.LOCKED and after[rid].door is Door.OPEN]
    dungeon = content.dungeon(room.dungeon_id) if room.dungeon_id else None
    done = dungeon is not None and all(after[r].door is Door.CLEARED for r in dungeon.rooms)
    return ClearReward(record.xp, new_tools, opened, done)


def next_hint(room: Room, record: RoomProgress) -> int | None:
    """The index of the hint to show next: one tied to the last failure first (a failed
    case is more specific than a kind of failure), else the next rung of the ladder."""
    unseen = [i for i in range(len(room.hints)) if i not in record.hints_seen]
    if not unseen:
        return None
    tied = [h if isinstance(h, Hint) else None for h in (room.hints[i] for i in unseen)]
    for i, hint in zip(unseen, tied):
        if hint and hint.after_case and hint.after_case in record.last_failed_cases:
            return i
    for i, hint in zip(unseen, tied):
        if hint and hint.after_kind and hint.after_kind in record.last_failure_kinds:
            return i
    return unseen[0]


def fuzzy(name: str, choices: list[str]) -> str | None:
    """The choice `name` most likely means: exact, a unique prefix, or a close spelling."""
    import difflib

    norm = name.strip().lower().replace("_", "-").replace(" ", "-")
    if norm in choices:
        return norm
    starts = [c for c in choices if c.startswith(norm) or norm.startswith(c)]
    if len(starts) == 1:
        return starts[0]
    close = difflib.get_close_matches(norm, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def find_room(content: Content, key: str) -> Room | None:
    """A room by id, by its workspace file name, or as `DUNGEON/N` (e.g. `0.1/3`)."""
    key = key.strip()
    if key in content.rooms:
        return content.rooms[key]
    if "/" in key:
        did, _, num = key.partition("/")
        if num.isdigit() and any(d.id == did for d in content.dungeons):
            rooms = content.rooms_of(content.dungeon(did))
            n = int(num)
            return rooms[n - 1] if 1 <= n <= len(rooms) else None
    stem = key.removesuffix(".py").rsplit("/", 1)[-1]
    for room in content.ordered_rooms:
        if room.filename.removesuffix(".py") == stem or stem.partition("_")[2] == \
                room.id.replace("-", "_"):
            return room
    return None
