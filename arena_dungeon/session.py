"""The player's session: content, workspace and progress together, and the game's actions.

Each action returns data for the UI and saves progress itself; nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from arena_dungeon import game, progress
from arena_dungeon.content import Content, Dungeon, Room, load
from arena_dungeon.errors import GameError
from arena_dungeon.progress import Progress
from arena_dungeon.workspace import Workspace


@dataclass
class Entered:
    dungeon: Dungeon
    room: Room
    path: Path
    written: bool
    cleared: bool
    first_visit_of_dungeon: bool


@dataclass
class Checked:
    room: Room
    path: Path
    result: object  # RoomResult; typed loosely so this module needn't import grading
    reward: game.ClearReward | None = None
    next_room: Room | None = None
    locked_ahead: game.RoomState | None = None  # the next room here, when its door is locked
    already_cleared: bool = False
    recreated: bool = False


@dataclass
class HintShown:
    room: Room
    index: int
    seen: int
    total: int
    text: str
    xp_now: int


@dataclass
class Exported:
    dungeon: Dungeon
    path: Path
    rooms_open: int
    rooms: int
    backup: Path | None


@dataclass
class Session:
    content: Content
    workspace: Workspace
    progress: Progress
    warnings: list[str] = field(default_factory=list)
    # Shown after the command's result: progress could not be saved (and where), or a broken
    # file found on disk while saving was set aside. Saving never raises.
    save_problems: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, workspace: Path | None = None, content_root: Path | None = None) -> Session:
        ws = Workspace(workspace)
        content = load(content_root, cache_dir=ws.state_dir / "cache")
        prog, warning = progress.load(ws.progress_file)
        session = cls(content, ws, prog, [warning] if warning else [])
        if prog.current is not None and prog.current not in content.rooms:
            session.warnings.append(f"your current room `{prog.current}` is not in this "
                                    "content any more; pick one with `arena play`")
            prog.current = None
        return session

    def save(self) -> None:
        """Merge this session's progress into the save file; a failure is recorded, not raised."""
        try:
            self.save_problems.extend(progress.save(self.workspace.progress_file, self.progress))
        except progress.SaveError as exc:
            self.save_problems.append(str(exc))

    # ------------------------------------------------------------ lookups

    def dungeon_of(self, room: Room) -> Dungeon:
        return self.content.dungeon(room.dungeon_id)

    def current_room(self) -> Room:
        if self.progress.current is None:
            raise GameError("you are not in a room yet",
                            f"start with `arena play {self._first_dungeon_id}`")
        return self.content.rooms[self.progress.current]

    def resolve(self, key: str | None) -> Room:
        """A room from the player's words: None means the current room."""
        if key is None:
            return self.current_room()
        room = game.find_room(self.content, key)
        if room is None:
            raise GameError(f"no room `{key}`", "`arena map` lists every room")
        return room

    def room_path(self, room: Room) -> Path:
        return self.workspace.room_file(self.dungeon_of(room), room)

    # ------------------------------------------------------------ actions

    def play(self, key: str | None) -> Entered:
        """Enter a dungeon or room (default: the current room, else the first room)."""
        if key is None:
            current = self.progress.current
            room = (self.content.rooms[current] if current
                    else game.first_room_in(self.content, self.progress,
                                            self.content.dungeons[0].id))
            if current and self.progress.room(current).cleared:
                # Where you left off was cleared: walk on to the suggested next room.
                room = game.next_room(self.content, self.progress, after=current) or room
        elif any(d.id == key for d in self.content.dungeons):
            room = game.first_room_in(self.content, self.progress, key)
        else:
            room = self.resolve(key)
        state = game.states(self.content, self.progress)[room.id]
        if state.door is game.Door.LOCKED:
            where = {t: game.granted_by(self.content, t) for t in state.missing}
            places = "; ".join(f"{t} is found in "
                               + (", ".join(f"{r.dungeon_id} {r.title} ({r.id})" for r in rs)
                                  or "no room yet") for t, rs in where.items())
            raise GameError(f"the door to `{room.title}` is locked: it needs "
                            f"{', '.join(state.missing)}", places)
        dungeon = self.dungeon_of(room)
        first_visit = not any(r in self.progress.rooms for r in dungeon.rooms)
        path, written = self.workspace.ensure_stub(dungeon, room)
        self.progress.current = room.id
        self.progress.room(room.id)
        self.save()
        return Entered(dungeon, room, path, written, state.door is game.Door.CLEARED,
                       first_visit)

    def check(self, key: str | None = None, on_progress=None,  # type: ignore[no-untyped-def]
              worker=None) -> Checked:
        """Grade a room (default: the current one) and apply the game rules.

        `worker` is a warm grading worker (watch mode); without one the child starts cold.
        """
        from arena_dungeon.grading.runner import grade

        room = self.resolve(key)
        dungeon = self.dungeon_of(room)
        path = self.room_path(room)
        recreated = False
        if not path.exists():
            path, recreated = self.workspace.ensure_stub(dungeon, room)
        result = grade(room, path, on_progress=on_progress, worker=worker)
        record = self.progress.room(room.id)
        record.attempts += 1
        checked = Checked(room, path, result, recreated=recreated)
        if result.cleared:
            checked.already_cleared = record.cleared
            checked.reward = game.clear(self.content, self.progress, room, progress.now())
            checked.next_room = game.next_room(self.content, self.progress, after=room.id)
            checked.locked_ahead = game.locked_ahead(self.content, self.progress, room)
        else:
            record.last_failure_kinds = result.failure_kinds
            record.last_failed_cases = result.failed_cases
        self.save()
        return checked

    def hint(self, key: str | None = None) -> HintShown:
        room = self.resolve(key)
        record = self.progress.room(room.id)
        index = game.next_hint(room, record)
        total = len(room.hints)
        if index is None:
            raise GameError(f"you have seen all {total} hints for this room",
                            "`arena solution` shows the reference (no XP if you peek before "
                            "clearing)")
        record.hints_seen.append(index)
        self.save()
        return HintShown(room, index, len(record.hints_seen), total, room.hint_texts()[index],
                         game.xp_for(room, record))

    def solution(self, key: str | None, confirm) -> str | None:  # type: ignore[no-untyped-def]
        """The reference source, if allowed; `confirm(question)` asks before a costly peek."""
        room = self.resolve(key)
        record = self.progress.room(room.id)
        if not record.cleared:
            if len(record.hints_seen) < len(room.hints):
                raise GameError("the solution opens after you clear the room, or after its "
                                "last hint", f"{len(room.hints) - len(record.hints_seen)} "
                                             "hint(s) left: `arena hint`")
            if not record.peeked:
                if not confirm("Peek at the reference solution? Clearing this room will then "
                               "earn no XP."):
                    return None
                record.peeked = True
                self.save()
        return room.solution.read_text(encoding="utf-8")

    def reset(self, key: str | None) -> tuple[Room, Path, Path | None]:
        room = self.resolve(key)
        path, backup = self.workspace.reset(self.dungeon_of(room), room)
        return room, path, backup

    def export_notebook(self, key: str, out: Path | None = None) -> Exported:
        """Write dungeon `key` as a notebook (default `<workspace>/<dungeon>.ipynb`).

        Open rooms get their stub written if the player has no file yet; an existing
        notebook is moved to the backups first, since the player may have added cells.
        """
        from arena_dungeon import export

        dungeon = self._dungeon(key)
        out = (out or self.workspace.root / f"{dungeon.slug}.ipynb").expanduser()
        states = game.states(self.content, self.progress)
        rooms = []
        for room in self.content.rooms_of(dungeon):
            st = states[room.id]
            if st.door is game.Door.LOCKED:
                rooms.append(export.NotebookRoom(room, None, st.missing))
            else:
                rooms.append(export.NotebookRoom(room, self.workspace.ensure_stub(dungeon,
                                                                                  room)[0]))
        notebook = export.build(dungeon, rooms, self.workspace.root, out)
        backup = self.workspace.backup(out, dungeon.slug) if out.exists() else None
        export.write(notebook, out)
        return Exported(dungeon, out, sum(r.path is not None for r in rooms), len(rooms),
                        backup)

    @property
    def _first_dungeon_id(self) -> str:
        return self.content.dungeons[0].id if self.content.dungeons else "DUNGEON"

    def _dungeon(self, key: str) -> Dungeon:
        ids = [d.id for d in self.content.dungeons]
        if key not in ids:
            raise GameError(f"no dungeon `{key}`", f"dungeons: {', '.join(ids)}")
        return self.content.dungeon(key)

    def technique_page(self, name: str) -> tuple:
        """What a tool's page shows: (technique, found, granted by, used in, solves)."""
        c = self.content
        key = game.fuzzy(name, list(c.techniques))
        if key is None:
            sub = game.fuzzy(name, list(c.subproblems))
            raise GameError(f"no tool `{name}`",
                            f"did you mean the sub-problem `arena problem {sub}`?" if sub
                            else "`arena codex` lists every tool")
        found = key in game.inventory(c, self.progress)
        solves = [s for s in c.subproblems.values() if key in s.techniques]
        return (c.techniques[key], found, game.granted_by(c, key), game.used_in(c, key), solves)

    def subproblem_page(self, name: str) -> tuple:
        """What a sub-problem's page shows: (sub-problem, [(tool, found)], rooms)."""
        c = self.content
        key = game.fuzzy(name, list(c.subproblems))
        if key is None:
            raise GameError(f"no sub-problem `{name}`", "`arena codex` lists them all")
        found = set(game.inventory(c, self.progress))
        sub = c.subproblems[key]
        rooms = [r for r in c.ordered_rooms if key in r.subproblems]
        return sub, [(t, t in found) for t in sub.techniques], rooms

    def status_line(self) -> str:
        cleared = self.progress.cleared_ids()
        xp = game.total_xp(self.progress)
        tools = game.inventory(self.content, self.progress)
        where = f"no room yet (arena play {self._first_dungeon_id})"
        if self.progress.current:
            room = self.content.rooms[self.progress.current]
            d = self.dungeon_of(room)
            mark = " ✓" if room.id in cleared else ""
            where = f"{d.id} {d.title} · room {room.number}/{len(d.rooms)} {room.title}{mark}"
        total = len(self.content.rooms)
        return (f"{where} · {len(cleared)}/{total} rooms · {len(tools)} tools · "
                f"{xp} XP (level {game.level(xp)})")
