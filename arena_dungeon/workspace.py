"""The player's folder: where room files live, writing stubs, reset with a backup.

A file the player may have edited is never overwritten: reset moves it to
`.arena/backups/` first, and new content only ever adds files. A workspace that can't be
written (read-only, full, a file, a path too long) is a GameError naming the file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from arena_dungeon.content import Dungeon, Room
from arena_dungeon.errors import GameError, os_reason, short

WORKSPACE_ENV = "ARENA_WORKSPACE"
DEFAULT_NAME = "arena-workspace"


def _is_workspace(folder: Path) -> bool:
    state = folder / ".arena"
    return state.is_dir() and ((state / "progress.json").exists() or folder.name == DEFAULT_NAME)


def find(start: Path) -> Path:
    """The workspace `start` is in or beside, as git finds `.git`: walking up from `start`,
    the first folder that is a workspace, or that holds `arena-workspace/`; else a new
    `arena-workspace/` in `start`. A workspace is never created inside another one."""
    for folder in (start, *start.parents):
        if _is_workspace(folder):
            return folder
        if _is_workspace(folder / DEFAULT_NAME):
            return folder / DEFAULT_NAME
    return start / DEFAULT_NAME


class Workspace:
    """Paths inside the player's workspace."""

    def __init__(self, root: Path | None = None) -> None:
        env = os.environ.get(WORKSPACE_ENV)
        self.root = (root or (Path(env) if env else find(Path.cwd()))).expanduser()

    @property
    def state_dir(self) -> Path:
        return self.root / ".arena"

    @property
    def progress_file(self) -> Path:
        return self.state_dir / "progress.json"

    @property
    def backups(self) -> Path:
        return self.state_dir / "backups"

    def room_file(self, dungeon: Dungeon, room: Room) -> Path:
        """The player's file for `room`; an existing file with an older number is reused."""
        with self._io("find your file for this room"):
            return self._room_file(dungeon, room)

    def _room_file(self, dungeon: Dungeon, room: Room) -> Path:
        folder = self.root / dungeon.slug
        path = folder / room.filename
        if not path.exists() and folder.is_dir():
            suffix = "_" + room.id.replace("-", "_") + ".py"
            older = sorted(p for p in folder.glob(f"*{suffix}")
                           if p.name[:2].isdigit() and p.name[2:] == "_" + suffix[1:])
            if older:
                return older[0]
        return path

    def ensure_stub(self, dungeon: Dungeon, room: Room) -> tuple[Path, bool]:
        """Write the room's stub unless the player's file exists; returns (path, written)."""
        path = self.room_file(dungeon, room)
        self.ensure_given(dungeon, room)
        with self._io("write the room's file"):
            if path.exists():
                return path, False
            import shutil

            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(room.stub, path)
        return path, True

    def ensure_given(self, dungeon: Dungeon, room: Room) -> list[Path]:
        """Put the modules the room's file imports (`given:`) beside it, as shipped.

        They are for reading and for running the file by hand; grading always imports the
        shipped copy. A copy that differs (edited, or from older content) is backed up
        before it is refreshed.
        """
        placed = []
        for source in room.given_files:
            dest = self.root / dungeon.slug / source.name
            with self._io("put the room's given modules in place"):
                if not dest.exists() or dest.read_bytes() != source.read_bytes():
                    if dest.exists():
                        self.backup(dest, dest.stem)
                    _replace_with_copy(source, dest)
            placed.append(dest)
        return placed

    def backup(self, path: Path, label: str) -> Path:
        """Copy a file of the player's into the backups folder; returns the copy's path."""
        import shutil

        with self._io("back up your file"):
            self.backups.mkdir(parents=True, exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            dest = self.backups / f"{label}-{stamp}{path.suffix}"
            n = 1
            while dest.exists():
                dest = self.backups / f"{label}-{stamp}-{n}{path.suffix}"
                n += 1
            shutil.copy2(path, dest)
        return dest

    def write_player_file(self, dungeon: Dungeon, room: Room, source: str,
                          keep: bool, path: Path | None = None) -> tuple[Path, Path | None]:
        """Save `source` as the player's file for `room` (or at `path`, atomically), backing
        up what was there first when `keep` and it differs; returns (file, backup)."""
        path = path or self.room_file(dungeon, room)
        self.ensure_given(dungeon, room)
        with self._io("save your file"):
            old = path.read_text(encoding="utf-8") if path.exists() else None
            saved = self.backup(path, room.id) if keep and old not in (None, source) else None
            _replace(path, lambda tmp: tmp.write_text(source, encoding="utf-8"))
        return path, saved

    def reset(self, dungeon: Dungeon, room: Room) -> tuple[Path, Path | None]:
        """Back up the player's file (if any) and put the stub back; returns (file, backup)."""
        path = self.room_file(dungeon, room)
        self.ensure_given(dungeon, room)
        with self._io("put the stub back"):
            saved = self.backup(path, room.id) if path.exists() else None
            _replace_with_copy(room.stub, path)
        return path, saved

    @contextmanager
    def _io(self, doing: str) -> Iterator[None]:
        """Turn a failed read or write in the workspace into a GameError that names the file."""
        try:
            yield
        except OSError as exc:
            raise GameError(f"could not {doing}: {os_reason(exc)}",
                            f"the workspace must be a folder you can write to (now: "
                            f"{short(self.root)}); choose another with --workspace") from None


def _replace_with_copy(source: Path, dest: Path) -> None:
    """Copy `source` over `dest` atomically."""
    import shutil

    _replace(dest, lambda tmp: shutil.copyfile(source, tmp))


def _replace(dest: Path, fill: Callable[[Path], object]) -> None:
    """Write `dest` atomically: `fill` writes a temporary file beside it, which then replaces
    it, so a reader sees the old file or the new one."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".tmp")
    fill(tmp)
    os.replace(tmp, dest)
