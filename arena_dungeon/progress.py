"""The save file: facts about the player's rooms, loaded forgivingly and saved by merging.

Only facts are stored (cleared when, hints seen, peeked, the current room); the
inventory, XP and open doors are derived from them and the content by `game`.

Several `arena` commands may run at once (two terminals, watch mode holding a session
for hours), so a save never just overwrites the file: it takes an exclusive lock, reads
what is on disk, merges it with this process's changes since it loaded (`merge`: facts
only grow), and replaces the file atomically. A file that cannot be parsed or has the wrong
shape is set aside with a warning; a file that cannot be *opened* is left alone, and then
nothing is saved over it (`SaveError`, which names the file).
"""

from __future__ import annotations

import errno
import json
import os
import time
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from arena_dungeon.errors import os_reason, short

FORMAT_VERSION = 2
LOCK_WAIT = 10.0  # seconds a save waits for another command's save before giving up
MAX_BYTES = 8 * 1024 * 1024  # a real save is a few KB; anything this big is not one
_MAX_HINTS = 99  # matches the content's bound on a room's hints
_MAX_COUNT = 10**9
_MAX_TEXT = 1000


class SaveError(Exception):
    """Progress could not be saved: the message says where and why. Nothing was lost on disk."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"progress could not be saved to {short(path)}: {reason}")
        self.path = path
        self.reason = reason


@dataclass
class RoomProgress:
    """What happened in one room."""

    cleared_at: str | None = None
    hints_seen: list[int] = field(default_factory=list)
    peeked: bool = False
    attempts: int = 0
    last_failure_kinds: list[str] = field(default_factory=list)
    last_failed_cases: list[str] = field(default_factory=list)
    xp: int = 0  # awarded when first cleared; kept so later content edits don't change history
    attempts_at_clear: int | None = None  # checks it took, counted when first cleared

    @property
    def cleared(self) -> bool:
        return self.cleared_at is not None

    @classmethod
    def from_dict(cls, data: Any) -> RoomProgress:
        """Read one record, checking each known field's type; unknown fields are ignored."""
        kwargs = _known_fields(data, _FIELD_TYPES, "a room record")
        hints = kwargs.get("hints_seen", [])
        if len(set(hints)) != len(hints) or not all(0 <= h < _MAX_HINTS for h in hints):
            raise ValueError("field `hints_seen` is not a list of distinct hint numbers")
        for key in ("attempts", "xp", "attempts_at_clear"):
            if not 0 <= (kwargs.get(key) or 0) <= _MAX_COUNT:
                raise ValueError(f"field `{key}` is out of range")
        return cls(**kwargs)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _copy(getattr(self, f.name)) for f in fields(self)}


_FIELD_TYPES: dict[str, Any] = {
    "cleared_at": (str, type(None)), "hints_seen": (list, int), "peeked": bool,
    "attempts": int, "last_failure_kinds": (list, str), "last_failed_cases": (list, str),
    "xp": int, "attempts_at_clear": (int, type(None)),
}


def _known_fields(data: Any, types: dict[str, Any], what: str) -> dict[str, Any]:
    """A record's known fields (unknown ones are ignored), each checked against its type."""
    if not isinstance(data, dict):
        raise ValueError(f"{what} is not an object")
    kwargs = {k: v for k, v in data.items() if k in types}
    for key, value in kwargs.items():
        _check_type(key, value, types[key])
    return kwargs


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def _check_type(key: str, value: Any, expected: Any) -> None:
    if isinstance(expected, tuple) and expected[0] is list:
        ok = isinstance(value, list) and all(_is(v, expected[1]) for v in value)
    else:
        ok = _is(value, expected)
    if ok and isinstance(value, list):
        ok = len(value) <= _MAX_TEXT and all(len(v) <= _MAX_TEXT for v in value
                                              if isinstance(v, str))
    elif ok and isinstance(value, str):
        ok = len(value) <= _MAX_TEXT
    if not ok:
        raise ValueError(f"field `{key}` has the wrong type")


def _is(value: Any, expected: Any) -> bool:
    """isinstance, where a bool is not an int (JSON true is not a count)."""
    if isinstance(value, bool) and expected is not bool:
        return False
    return isinstance(value, expected)


@dataclass
class ReviewRecord:
    """The spaced-review schedule of one tool (arena_dungeon/mastery.py)."""

    interval: float = 1.0  # days until the next review after the last drill
    due: str | None = None  # when the next drill is due (None: a day after the tool was found)
    last: str | None = None  # when last drilled
    drills: int = 0
    clean: int = 0  # drills cleared in one check, no hint
    lapses: int = 0  # drills that took more than two checks
    room: str | None = None  # the room of the drill under way (None: no drill under way)
    checks: int = 0  # checks in the drill under way

    @classmethod
    def from_dict(cls, data: Any) -> ReviewRecord:
        kwargs = _known_fields(data, _REVIEW_TYPES, "a review record")
        if not 0 < float(kwargs.get("interval", 1.0)) <= 3650:
            raise ValueError("field `interval` is out of range")
        for key in ("drills", "clean", "lapses", "checks"):
            if not 0 <= kwargs.get(key, 0) <= _MAX_COUNT:
                raise ValueError(f"field `{key}` is out of range")
        return cls(**kwargs)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


_REVIEW_TYPES: dict[str, Any] = {
    "interval": (int, float), "due": (str, type(None)), "last": (str, type(None)),
    "drills": int, "clean": int, "lapses": int, "room": (str, type(None)), "checks": int,
}


@dataclass
class Progress:
    """The whole save: rooms keyed by their stable id, and the current room.

    `base` is what this process last read or wrote (None: nothing yet): a save merges the
    changes made since then into what is on disk.
    """

    format_version: int = FORMAT_VERSION
    current: str | None = None
    rooms: dict[str, RoomProgress] = field(default_factory=dict)
    started_at: list[str] = field(default_factory=list)  # dungeons entered without the earlier ones
    reviews: dict[str, ReviewRecord] = field(default_factory=dict)  # tool -> its schedule
    base: Progress | None = field(default=None, repr=False, compare=False)

    def room(self, room_id: str) -> RoomProgress:
        """The record of `room_id`, created on first use."""
        return self.rooms.setdefault(room_id, RoomProgress())

    def cleared_ids(self) -> set[str]:
        return {rid for rid, r in self.rooms.items() if r.cleared}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Progress:
        current = data.get("current")
        if current is not None and not (isinstance(current, str) and len(current) <= _MAX_TEXT):
            raise ValueError("field `current` has the wrong type")
        rooms = data.get("rooms", {})
        if not isinstance(rooms, dict):
            raise ValueError("field `rooms` is not an object")
        started = data.get("started_at", [])
        if not (isinstance(started, list) and len(started) <= 100
                and all(isinstance(s, str) and len(s) <= _MAX_TEXT for s in started)):
            raise ValueError("field `started_at` is not a list of dungeon ids")
        reviews = data.get("reviews", {})
        if not isinstance(reviews, dict) or len(reviews) > 1000:
            raise ValueError("field `reviews` is not an object")
        return cls(format_version=FORMAT_VERSION, current=current,
                   rooms={str(k): RoomProgress.from_dict(v) for k, v in rooms.items()},
                   started_at=list(started),
                   reviews={str(k): ReviewRecord.from_dict(v) for k, v in reviews.items()})

    def to_dict(self) -> dict[str, Any]:
        return {"format_version": FORMAT_VERSION, "current": self.current,
                "rooms": {k: r.to_dict() for k, r in sorted(self.rooms.items())},
                **({"started_at": list(self.started_at)} if self.started_at else {}),
                **({"reviews": {k: r.to_dict() for k, r in sorted(self.reviews.items())}}
                   if self.reviews else {})}

    def snapshot(self) -> Progress:
        """A deep copy without a base."""
        return Progress.from_dict(self.to_dict())

    def take(self, other: Progress) -> None:
        """Become `other` (after a merge), keeping the record objects callers may hold."""
        self.current = other.current
        self.started_at = list(other.started_at)
        self.reviews = other.reviews
        for room_id, record in other.rooms.items():
            if room_id in self.rooms:
                vars(self.rooms[room_id]).update(vars(record))
            else:
                self.rooms[room_id] = record


def merge(disk: Progress, mine: Progress, base: Progress | None) -> Progress:
    """What to save: the file on disk plus what this process changed since `base`.

    Facts only grow: a clear is never undone (the earliest clear wins, with its XP); hints
    seen and peeks are unions; attempts add up (the disk's count plus this process's new
    ones). The current room and the last failure are this process's when it changed them,
    else the disk's. Rooms only one side knows are kept.
    """
    base = base or Progress()
    out = Progress(current=mine.current if mine.current != base.current else disk.current,
                   started_at=disk.started_at + [s for s in mine.started_at
                                                 if s not in disk.started_at])
    # A tool's schedule: this process's when it drilled since `base`, else the disk's.
    for tool in sorted(set(disk.reviews) | set(mine.reviews)):
        d_rev, m_rev, b_rev = disk.reviews.get(tool), mine.reviews.get(tool), base.reviews.get(tool)
        changed = m_rev is not None and (b_rev is None or m_rev.to_dict() != b_rev.to_dict())
        chosen = m_rev if changed or d_rev is None else d_rev
        if chosen is not None:
            out.reviews[tool] = ReviewRecord.from_dict(chosen.to_dict())
    for room_id in sorted(set(disk.rooms) | set(mine.rooms)):
        d, m = disk.rooms.get(room_id), mine.rooms.get(room_id)
        if d is None or m is None:
            out.rooms[room_id] = RoomProgress(**(d or m).to_dict())  # type: ignore[union-attr]
            continue
        b = base.rooms.get(room_id) or RoomProgress()
        first = min((r for r in (d, m) if r.cleared),
                    key=lambda r: (r.cleared_at, -r.xp), default=None)
        changed = (m.last_failure_kinds, m.last_failed_cases) != (b.last_failure_kinds,
                                                                  b.last_failed_cases)
        failed = m if changed else d
        out.rooms[room_id] = RoomProgress(
            cleared_at=first.cleared_at if first else None,
            hints_seen=d.hints_seen + [h for h in m.hints_seen if h not in d.hints_seen],
            peeked=d.peeked or m.peeked,
            attempts=min(_MAX_COUNT, d.attempts + max(0, m.attempts - b.attempts)),
            last_failure_kinds=list(failed.last_failure_kinds),
            last_failed_cases=list(failed.last_failed_cases),
            xp=first.xp if first else 0,
            attempts_at_clear=first.attempts_at_clear if first else None,
        )
    return out


def now() -> str:
    """The time, as saved (UTC, ISO 8601). ARENA_NOW sets it: the clock tests control."""
    from datetime import datetime, timezone

    fixed = os.environ.get("ARENA_NOW")
    if fixed:
        return datetime.fromisoformat(fixed).astimezone(timezone.utc).isoformat(
            timespec="seconds")
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older save up to FORMAT_VERSION."""
    version = data.get("format_version", 1)
    if version < 2:
        # Version 1 counted hints as a number; version 2 remembers which rungs were seen.
        rooms = data.get("rooms", {})
        for record in rooms.values() if isinstance(rooms, dict) else ():
            if isinstance(record, dict) and "hints_used" in record:
                used = record.pop("hints_used")
                if used is None:
                    used = 0
                if not _is(used, int) or not 0 <= used <= _MAX_HINTS:
                    raise ValueError("field `hints_used` is not a number of hints")
                record["hints_seen"] = list(range(used))
    data["format_version"] = FORMAT_VERSION
    return data


class _Unreadable(Exception):
    """The file exists but could not be opened or read (not a sign that it is corrupt)."""


def _read_bytes(path: Path) -> bytes | None:
    """The file's bytes, or None when there is none; `_Unreadable` when it can't be opened."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _Unreadable(f"{short(path)} could not be opened "
                          f"({os_reason(exc, name=False)})") from None
    return data


def _parse(raw: bytes) -> tuple[Progress, str | None]:
    """The progress in `raw`, and a note when it came from a newer version; ValueError if the
    bytes are not a save of the right shape."""
    if len(raw) > MAX_BYTES:
        raise ValueError(f"larger than {MAX_BYTES // 2**20} MB")
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise ValueError("nested too deeply") from None
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    version = data.get("format_version", 1)
    if not _is(version, int) or version < 1:
        raise ValueError("field `format_version` is not a version number")
    if version > FORMAT_VERSION:
        return Progress.from_dict(data), "newer"
    return Progress.from_dict(_migrate(data)), None


def load(path: Path) -> tuple[Progress, str | None]:
    """The saved progress, or a fresh one, and a warning for the player (or None).

    A file that is not a save (bad JSON, wrong shape) is set aside and a fresh one started;
    a file that cannot be opened is left alone, and saving will fail rather than replace it.
    """
    try:
        raw = _read_bytes(path)
    except _Unreadable as exc:
        return _loaded(Progress()), (f"{exc}; your saved progress is not shown and nothing will "
                                     "be saved until it can be read")
    if raw is None:
        return _loaded(Progress()), None
    try:
        prog, note = _parse(raw)
    except (ValueError, RecursionError) as exc:
        return _loaded(Progress()), _set_aside(path, raw, exc)
    if note:
        return _loaded(prog), (f"{path} was written by a newer arena-dungeon; it is read as far "
                               "as possible and will be rewritten in this version's format")
    return _loaded(prog), None


def _loaded(prog: Progress) -> Progress:
    prog.base = prog.snapshot()
    return prog


def _set_aside(path: Path, raw: bytes, exc: BaseException) -> str:
    """Move a broken save out of the way (only if it is still the same bytes); the warning."""
    aside = _aside_name(path)
    try:
        with _locked(path):
            if _read_bytes(path) == raw:
                os.replace(path, aside)
    except (OSError, SaveError, _Unreadable):
        aside = path
    reason = (str(exc).splitlines() or [type(exc).__name__])[0][:120]
    return (f"your progress file could not be read ({reason}); it was kept as {aside} and a "
            "fresh one started")


def _aside_name(path: Path) -> Path:
    """A free name beside `path` for a broken save: progress.json.broken-<time>[-n]."""
    stem = f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}"
    aside, n = path.with_name(stem), 1
    while aside.exists():
        aside, n = path.with_name(f"{stem}-{n}"), n + 1
    return aside


class _locked:
    """An exclusive lock beside `path` (fcntl.flock), waited for at most LOCK_WAIT seconds."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = path.with_name(path.name + ".lock")
        self.fd = -1

    def __enter__(self) -> _locked:
        try:
            import fcntl
        except ImportError:  # no flock here (Windows): saves still merge, unlocked
            return self
        self.fd = os.open(self.lock, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    self.__exit__()
                    raise
                if time.monotonic() > deadline:
                    self.__exit__()
                    raise SaveError(self.path, f"another arena command has held {self.lock} "
                                               f"for {LOCK_WAIT:g} s") from None
                time.sleep(0.02)

    def __exit__(self, *exc: object) -> None:
        if self.fd >= 0:
            os.close(self.fd)  # closing releases the lock
            self.fd = -1


def save(path: Path, progress: Progress) -> list[str]:
    """Merge `progress` into the file under a lock and write it atomically.

    Afterwards `progress` holds the merged facts (another command's clears included).
    Returns warnings for the player (a broken file found on disk was set aside); raises
    `SaveError` when nothing could be saved.
    """
    warnings: list[str] = []
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(path):
            raw = _read_bytes(path)
            disk = Progress()
            if raw is not None:
                try:
                    disk = _parse(raw)[0]
                except (ValueError, RecursionError) as exc:
                    aside = _aside_name(path)
                    os.replace(path, aside)
                    warnings.append(f"the progress file on disk could not be read ({exc}); it "
                                    f"was kept as {aside} and yours saved in its place")
            merged = merge(disk, progress, progress.base)
            _write(path, json.dumps(merged.to_dict(), indent=2, sort_keys=True) + "\n")
    except _Unreadable as exc:
        raise SaveError(path, f"{exc}, and it is not replaced") from None
    except OSError as exc:
        raise SaveError(path, os_reason(exc)) from None
    progress.take(merged)
    progress.base = merged.snapshot()
    return warnings


def _write(path: Path, text: str) -> None:
    """A temp file in the same folder, flushed to disk, then os.replace."""
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=".progress-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
