"""The player's session: content, workspace and progress together, and the game's actions.

The only door into the game: commands and watch mode call these methods and hand the
typed records they return to the UI. Each action saves progress itself; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from arena_dungeon import game, progress
from arena_dungeon.content import Content, Dungeon, Room, SubProblem, Technique, load
from arena_dungeon.errors import GameError
from arena_dungeon.progress import Progress
from arena_dungeon.workspace import Workspace

if TYPE_CHECKING:  # grading imports nothing heavy at the top, but `hint` must not load it
    from arena_dungeon.grading.daemon import Status as GraderStatus
    from arena_dungeon.grading.report import RoomResult
    from arena_dungeon.grading.worker import GradingWorker
    from arena_dungeon.mastery import Mastery

__all__ = ["Checked", "Codex", "DungeonMap", "Entered", "Exported", "GameError", "HintShown",
           "Inventory", "MapView", "OnProgress", "ResetDone", "Session", "Solution", "Status",
           "SubproblemPage", "TechniquePage"]

OnProgress = Callable[[int, int, str], None]  # (cases done, cases in all or 0, what runs now)


@dataclass(eq=False)
class Entered:
    """A room the player walked into."""

    dungeon: Dungeon
    room: Room
    path: Path
    written: bool  # the stub was written just now
    cleared: bool
    first_visit_of_dungeon: bool
    lent_now: list[str] = field(default_factory=list)  # tools lent on entering this dungeon


@dataclass(eq=False)
class Checked:
    """A grading and what the game made of it."""

    room: Room
    path: Path
    result: RoomResult
    peeked: bool = False
    reward: game.ClearReward | None = None  # None unless this check cleared the room anew
    new_tools: dict[str, Technique | None] = field(default_factory=dict)  # id -> its page
    solved: list[str] = field(default_factory=list)  # names of the sub-problems it solves
    next_room: Room | None = None
    locked_ahead: game.RoomState | None = None  # the next room here, when its door is locked
    recreated: bool = False  # the player's file was missing and the stub was written again

    @property
    def cleared(self) -> bool:
        return self.result.cleared


@dataclass(eq=False)
class HintShown:
    """A rung of the hint ladder, just shown."""

    room: Room
    index: int
    seen: int
    total: int
    text: str
    xp_now: int


@dataclass(eq=False)
class Solution:
    """The reference solution of a room."""

    room: Room
    source: str


@dataclass(eq=False)
class Saved:
    """A notebook cell saved as the player's file."""

    room: Room
    path: Path
    backup: Path | None


@dataclass(eq=False)
class DungeonStats:
    id: str
    title: str
    cleared: int
    rooms: int
    checks: int
    hints: int
    peeks: int


@dataclass(eq=False)
class Stats:
    """What `arena stats` draws (and `--json` writes)."""

    dungeons: list[DungeonStats]
    tools: list[Mastery]
    hardest: list[tuple[str, str, int, int]]  # room id, title, checks to clear, hints
    streak: int  # days in a row with a clear or a drill, up to today (or yesterday)
    days: int  # days with a clear or a drill, in all

    def to_json(self) -> dict[str, object]:
        from dataclasses import asdict

        return {"dungeons": [asdict(d) for d in self.dungeons],
                "tools": [asdict(t) | {"label": t.label} for t in self.tools],
                "hardest": [dict(zip(("room", "title", "checks", "hints"), h))
                            for h in self.hardest],
                "streak_days": self.streak, "days_practised": self.days}


@dataclass(eq=False)
class Drill:
    """A review drill: a cleared room replayed from a blank stub, for one tool."""

    tool: str
    room: Room
    path: Path
    started: bool  # written just now (else: the drill under way)
    due: list[str]  # every tool due for review now, this one first when it is due


@dataclass(eq=False)
class DrillChecked:
    drill: Drill
    result: RoomResult
    checks: int  # in this drill so far
    interval: float | None = None  # days to the next review, once cleared


@dataclass(eq=False)
class ResetDone:
    """A room's file put back to the stub, and where the attempt was kept."""

    room: Room
    path: Path
    backup: Path | None


@dataclass(eq=False)
class Exported:
    """A dungeon written as a notebook."""

    dungeon: Dungeon
    path: Path
    rooms_open: int  # (a walkthrough: the rooms in it, the cleared ones)
    rooms: int
    backup: Path | None
    walkthrough: bool = False


@dataclass(eq=False)
class DungeonMap:
    """One dungeon of the map: its rooms' doors in play order."""

    dungeon: Dungeon
    rooms: list[game.RoomState]  # in play order


@dataclass(eq=False)
class MapView:
    """What `arena map` draws."""

    dungeons: list[DungeonMap]
    current: str | None  # the room the player is in


@dataclass(eq=False)
class Inventory:
    """What `arena inventory` draws."""

    found: dict[str, Technique | None]  # tool id -> its page, in the order they were granted
    hidden: dict[str, Room]  # tools not found yet -> the first room that grants them
    lent: frozenset[str]  # hidden tools that open doors anyway (`game.lent`)
    xp: int
    level: int
    mastery: dict[str, Mastery] = field(default_factory=dict)  # found tool -> how well


@dataclass(eq=False)
class Codex:
    """What `arena codex` draws."""

    techniques: list[Technique]
    found: frozenset[str]
    subproblems: list[SubProblem]
    found_in: dict[str, str] = field(default_factory=dict)  # tool -> dungeon id granting it


@dataclass(eq=False)
class TechniquePage:
    """What a tool's page shows."""

    technique: Technique
    found: bool
    granted_by: list[Room]
    used_in: list[Room]
    solves: list[SubProblem]


@dataclass(eq=False)
class SubproblemPage:
    """What a sub-problem's page shows."""

    subproblem: SubProblem
    found: frozenset[str]  # the tools the player holds
    rooms: list[Room]  # where it appears


@dataclass(eq=False)
class Status:
    """What the status line says."""

    room: Room | None  # the current room
    dungeon: Dungeon | None  # and its dungeon
    room_cleared: bool
    cleared: int
    rooms: int
    tools: int
    xp: int
    level: int
    first_dungeon_id: str  # where to start when there is no current room


@dataclass(eq=False)
class Launcher:
    """The process that runs commands forked from an already-started `arena`
    (arena_dungeon/launcher.py), when one runs."""

    pid: int
    started: float
    commands: int


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
            raise self._unknown(key)
        return room

    def _unknown(self, key: str) -> GameError:
        """No room or dungeon is called `key`: the error, with what the player may have meant."""
        import difflib
        import re

        ids = [d.id for d in self.content.dungeons]
        if re.fullmatch(r"\d+\.\d+", key.strip()):
            return GameError(f"no dungeon `{key}`", f"dungeons: {', '.join(ids)}")
        close = difflib.get_close_matches(key.strip().lower().replace("_", "-"),
                                          [*self.content.rooms, *ids], n=3, cutoff=0.6)
        if close:
            return GameError(f"no room `{key}`",
                             "did you mean " + " or ".join(f"`{c}`" for c in close) + "?")
        return GameError(f"no room `{key}`", "`arena map` lists every room")

    def gradable(self, key: str | None) -> Room:
        """The room `arena check` would grade; a locked door is refused (issue 13: a room
        whose tools the player does not hold cannot be cleared)."""
        room = self.resolve(key)
        self._refuse_locked(room, "so it can't be graded yet")
        return room

    def room_path(self, room: Room) -> Path:
        return self.workspace.room_file(self.dungeon_of(room), room)

    def next_room(self, after: str) -> Room | None:
        """The suggested next open room after room `after`, if any."""
        return game.next_room(self.content, self.progress, after=after)

    def _refuse_locked(self, room: Room, why: str = "") -> None:
        state = game.states(self.content, self.progress)[room.id]
        if state.door is not game.Door.LOCKED:
            return
        where = {t: game.granted_by(self.content, t) for t in state.missing}
        places = "; ".join(f"{t} is found in "
                           + (", ".join(f"{r.dungeon_id} {r.title} ({r.id})" for r in rs)
                              or "no room yet") for t, rs in where.items())
        raise GameError(f"the door to `{room.title}` is locked: it needs "
                        f"{', '.join(state.missing)}{', ' + why if why else ''}", places)

    # ------------------------------------------------------------ actions

    def play(self, key: str | None) -> Entered:
        """Enter a dungeon or room (default: the current room, else the first room).

        Entering a dungeon whose doors need tools that only earlier dungeons grant lends
        those tools (`game.lent`), so every room of the chosen dungeon can be played.
        """
        lent_now: list[str] = []
        if key is None:
            current = self.progress.current
            room = (self.content.rooms[current] if current
                    else game.first_room_in(self.content, self.progress,
                                            self.content.dungeons[0].id))
            if current and self.progress.room(current).cleared:
                # Where you left off was cleared: walk on to the suggested next room.
                room = self.next_room(current) or room
        elif any(d.id == key for d in self.content.dungeons):
            lent_now = game.needs_from_before(self.content, self.progress, key)
            if lent_now:  # starting here, as ARENA learners start where their week starts
                self.progress.started_at.append(key)
            room = game.first_room_in(self.content, self.progress, key)
        else:
            room = self.resolve(key)
        self._refuse_locked(room)
        dungeon = self.dungeon_of(room)
        first_visit = not any(r in self.progress.rooms for r in dungeon.rooms)
        path, written = self.workspace.ensure_stub(dungeon, room)
        self.progress.current = room.id
        self.progress.room(room.id)
        self.save()
        return Entered(dungeon, room, path, written, self.progress.room(room.id).cleared,
                       first_visit, lent_now)

    def grader(self) -> GraderStatus:
        """The workspace's grading daemon, if one runs (`arena daemon status`)."""
        from arena_dungeon.grading import daemon

        return daemon.status(self.workspace.root)

    def stop_grader(self) -> bool:
        """End the workspace's grading daemon; True if one was running."""
        from arena_dungeon.grading import daemon

        return daemon.stop(self.workspace.root)

    @staticmethod
    def launcher() -> Launcher | None:
        """The command launcher, if one runs (`arena daemon status`)."""
        from arena_dungeon import launcher

        info = launcher.status()
        try:
            return Launcher(int(info["pid"]), float(info["started"]), int(info["commands"])) \
                if info else None
        except (KeyError, TypeError, ValueError):
            return None

    @staticmethod
    def stop_launcher() -> bool:
        """End the command launcher; True if one was running."""
        from arena_dungeon import launcher

        return launcher.stop()

    def check(self, key: str | None = None, on_progress: OnProgress | None = None,
              worker: GradingWorker | None = None) -> Checked:
        """Grade a room (default: the current one) and apply the game rules.

        A locked room is refused before anything runs. `worker` is a warm grading worker
        (watch mode); without one the workspace's grading daemon forks the child if it is
        running (else it is started for the next check, and this child starts cold).
        """
        room = self.gradable(key)
        from arena_dungeon.grading.runner import grade

        if worker is None:
            worker = self._daemon()
        dungeon = self.dungeon_of(room)
        path = self.room_path(room)
        recreated = False
        if not path.exists():
            path, recreated = self.workspace.ensure_stub(dungeon, room)
        result = grade(room, path, on_progress=on_progress, worker=worker)
        record = self.progress.room(room.id)
        record.attempts += 1
        checked = Checked(room, path, result, peeked=record.peeked, recreated=recreated)
        if result.cleared:
            checked.reward = reward = game.clear(self.content, self.progress, room,
                                                 progress.now())
            checked.new_tools = {t: self.content.techniques.get(t)
                                 for t in (reward.new_tools if reward else [])}
            subs = self.content.subproblems
            checked.solved = [subs[s].name if s in subs else s for s in room.subproblems]
            checked.next_room = self.next_room(room.id)
            checked.locked_ahead = game.locked_ahead(self.content, self.progress, room)
        else:
            record.last_failure_kinds = [str(k) for k in result.failure_kinds]
            record.last_failed_cases = result.failed_cases
        self.save()
        return checked

    def _daemon(self) -> GradingWorker | None:
        """The workspace's grading daemon if one runs (else it is started for next time)."""
        from arena_dungeon.content import seen_fingerprint
        from arena_dungeon.grading import daemon

        return daemon.client(self.workspace.root, seen_fingerprint(self.content.root))

    def save_pictures(self, checked: Checked, path: Path) -> list[Path]:
        """Write the check's pictures as PNG: `path`, then `path-2.png`, ... ."""
        from arena_dungeon.errors import os_reason
        from arena_dungeon.pictures import save_png

        saved = []
        for i, pic in enumerate(checked.result.pictures):
            out = path if i == 0 else path.with_stem(f"{path.stem}-{i + 1}")
            try:
                save_png(pic, out)
            except OSError as exc:
                raise GameError(f"the picture could not be saved: {os_reason(exc)}") from None
            saved.append(out)
        return saved

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

    def solution(self, key: str | None, confirm: Callable[[str], bool]) -> Solution | None:
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
        return Solution(room, room.solution.read_text(encoding="utf-8"))

    def save_cell(self, key: str | None, source: str, last_saved: Mapping[Path, str]) -> Saved:
        """A notebook cell becomes the player's file for room `key` (default: the current
        room), the file `arena check` grades. The file on disk is backed up first unless it
        is what this notebook saved there last (`last_saved`, by path): an edit made in a
        terminal or an editor in between is never lost."""
        room = self.gradable(key)
        disk = self.room_path(room)
        try:
            keep = disk.read_text(encoding="utf-8") != last_saved.get(disk)
        except (OSError, UnicodeDecodeError):
            keep = True  # missing (nothing to keep) or unreadable (backed up as it is)
        path, backup = self.workspace.write_player_file(self.dungeon_of(room), room, source,
                                                        keep=keep)
        return Saved(room, path, backup)

    def stats(self) -> Stats:
        """Time, checks and hints per dungeon and per tool, the hardest rooms, the streak."""
        from datetime import date, datetime, timedelta

        from arena_dungeon import mastery

        c, prog = self.content, self.progress
        dungeons = []
        for d in c.dungeons:
            recs = [prog.rooms.get(r.id) for r in c.rooms_of(d)]
            seen = [r for r in recs if r is not None]
            dungeons.append(DungeonStats(d.id, d.title, sum(r.cleared for r in seen), len(recs),
                                         sum(r.attempts for r in seen),
                                         sum(len(r.hints_seen) for r in seen),
                                         sum(r.peeked for r in seen)))
        cleared = [(room, prog.rooms[room.id]) for room in c.ordered_rooms
                   if room.id in prog.rooms and prog.rooms[room.id].cleared]
        hardest = sorted(cleared, key=lambda rr: (-(rr[1].attempts_at_clear or 0),
                                                  -len(rr[1].hints_seen)))[:5]
        days = {datetime.fromisoformat(r.cleared_at).date() for _, r in cleared
                if r.cleared_at} | {datetime.fromisoformat(v.last).date()
                                    for v in prog.reviews.values() if v.last}
        today = datetime.fromisoformat(progress.now()).date()
        day: date = today if today in days else today - timedelta(days=1)
        streak = 0
        while day in days:
            streak, day = streak + 1, day - timedelta(days=1)
        found = game.inventory(c, prog)
        return Stats(dungeons, list(mastery.of(c, prog, found, progress.now()).values()),
                     [(room.id, room.title, r.attempts_at_clear or r.attempts,
                       len(r.hints_seen)) for room, r in hardest if
                      (r.attempts_at_clear or 0) > 1 or r.hints_seen],
                     streak, len(days))

    # ------------------------------------------------------------ spaced review

    def _drill_path(self, room: Room) -> Path:
        return self.workspace.root / "review" / room.filename

    def drill_under_way(self) -> Drill | None:
        for tool, record in self.progress.reviews.items():
            room = self.content.rooms.get(record.room or "")
            if room is not None:
                return Drill(tool, room, self._drill_path(room), False, [])
        return None

    def review(self, tool: str | None = None) -> Drill:
        """The drill under way, or a new one: for `tool`, else for the most overdue tool."""
        from arena_dungeon import mastery
        from arena_dungeon.progress import ReviewRecord

        found = game.inventory(self.content, self.progress)
        due = mastery.due(self.content, self.progress, found, progress.now())
        if tool is None:
            current = self.drill_under_way()
            if current is not None:
                current.due = due
                return current
            if not due:
                raise GameError("no tool is due for review yet",
                                "`arena review TOOL` drills one now; `arena inventory` shows "
                                "how well each is mastered")
            tool = due[0]
        else:
            key = game.fuzzy(tool, found)
            if key is None:
                raise GameError(f"`{tool}` is not a tool you have found",
                                f"yours: {', '.join(found) or 'none yet'}")
            tool = key
        room = mastery.next_drill_room(self.content, self.progress, tool)
        if room is None:
            raise GameError(f"no cleared room uses `{tool}` yet")
        record = self.progress.reviews.setdefault(tool, ReviewRecord())
        for other, rec in self.progress.reviews.items():  # one drill at a time
            if other != tool:
                rec.room, rec.checks = None, 0
        record.room, record.checks = room.id, 0
        path = self._drill_path(room)
        # (an older drill's file of the same room goes to the backups)
        self.workspace.write_player_file(self.dungeon_of(room), room,
                                         room.stub.read_text(encoding="utf-8"), keep=True,
                                         path=path)
        self.save()
        return Drill(tool, room, path, True, due)

    def review_check(self, on_progress: OnProgress | None = None) -> DrillChecked:
        """Grade the drill under way; cleared, schedule the tool's next review."""
        from arena_dungeon import mastery
        from arena_dungeon.grading.runner import grade

        drill = self.drill_under_way()
        if drill is None:
            raise GameError("no drill is under way", "`arena review` starts one")
        room, record = drill.room, self.progress.reviews[drill.tool]
        if not drill.path.exists():
            raise GameError(f"the drill's file {drill.path} is missing",
                            f"`arena review {drill.tool}` writes a fresh one")
        # Inputs drawn anew for each drill (cases that use testing.fresh_seed), the same
        # draw for every check of one drill.
        result = grade(room, drill.path, on_progress=on_progress, worker=self._daemon(),
                       draw=record.drills + 1)
        record.checks += 1
        done = DrillChecked(drill, result, record.checks)
        if result.cleared:
            done.interval = mastery.finish_drill(record, progress.now())
        self.save()
        return done

    def reset(self, key: str | None) -> ResetDone:
        room = self.resolve(key)
        path, backup = self.workspace.reset(self.dungeon_of(room), room)
        return ResetDone(room, path, backup)

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
        from arena_dungeon.content import shipped_root

        pack = None if self.content.root.resolve() == shipped_root() else \
            self.content.root
        notebook = export.build(dungeon, rooms, self.workspace.root, out, content=pack)
        backup = self.workspace.backup(out, dungeon.slug) if out.exists() else None
        export.write(notebook, out)
        return Exported(dungeon, out, sum(r.path is not None for r in rooms), len(rooms),
                        backup)

    def export_walkthrough(self, key: str, out: Path | None = None,
                           on_room: Callable[[int, int, Room], None] | None = None) -> Exported:
        """Write the cleared rooms of dungeon `key` as a notebook to study from (default
        `<workspace>/<dungeon>-walkthrough.ipynb`): each room's solution beside the
        reference, its debrief, and the pictures from grading the player's file again
        (forked from one warm worker; `on_room(i, n, room)` before each)."""
        from arena_dungeon import export
        from arena_dungeon.grading.runner import grade
        from arena_dungeon.grading.worker import WarmWorker

        dungeon = self._dungeon(key)
        rooms = self.content.rooms_of(dungeon)
        done = self.progress.cleared_ids()
        cleared = [r for r in rooms if r.id in done]
        if not cleared:
            raise GameError(f"no room of {dungeon.id} is cleared yet",
                            "a walkthrough shows the rooms you have cleared")
        out = (out or self.workspace.root / f"{dungeon.slug}-walkthrough.ipynb").expanduser()
        items = []
        with WarmWorker() as worker:
            for i, room in enumerate(cleared):
                if on_room is not None:
                    on_room(i, len(cleared), room)
                path = self.room_path(room)
                try:
                    mine = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    continue  # the file is gone: nothing of the player's to show
                result = grade(room, path, worker=worker)
                items.append(export.WalkthroughRoom(
                    room, mine, tuple(result.pictures) if result.cleared else ()))
        notebook = export.build_walkthrough(dungeon, items, len(rooms))
        backup = self.workspace.backup(out, f"{dungeon.slug}-walkthrough") \
            if out.exists() else None
        export.write(notebook, out)
        return Exported(dungeon, out, len(items), len(rooms), backup, walkthrough=True)

    # ------------------------------------------------------------ views

    def map_view(self, only: str | None = None) -> MapView:
        """Every dungeon (or only dungeon `only`) with each room's door."""
        states = game.states(self.content, self.progress)
        dungeons = [self._dungeon(only)] if only is not None else self.content.dungeons
        return MapView([DungeonMap(d, [states[r.id] for r in self.content.rooms_of(d)])
                        for d in dungeons], self.progress.current)

    def inventory(self) -> Inventory:
        c = self.content
        found = game.inventory(c, self.progress)
        hidden: dict[str, Room] = {}  # in the order the curriculum hands them out
        for room in c.ordered_rooms:
            for tool in room.grants:
                if tool not in found and tool not in hidden:
                    hidden[tool] = room
        from arena_dungeon import mastery

        xp = game.total_xp(self.progress)
        return Inventory({t: c.techniques.get(t) for t in found}, hidden,
                         frozenset(game.lent(c, self.progress)), xp, game.level(xp),
                         mastery.of(c, self.progress, found, progress.now()))

    def codex(self) -> Codex:
        c = self.content
        found_in: dict[str, str] = {}
        for room in c.ordered_rooms:
            for tool in room.grants:
                found_in.setdefault(tool, room.dungeon_id)
        return Codex(list(c.techniques.values()), frozenset(game.inventory(c, self.progress)),
                     list(c.subproblems.values()), found_in)

    def technique_page(self, name: str) -> TechniquePage:
        c = self.content
        key = game.fuzzy(name, list(c.techniques))
        if key is None:
            sub = game.fuzzy(name, list(c.subproblems))
            raise GameError(f"no tool `{name}`",
                            f"did you mean the sub-problem `arena problem {sub}`?" if sub
                            else "`arena codex` lists every tool")
        found = key in game.inventory(c, self.progress)
        solves = [s for s in c.subproblems.values() if key in s.techniques]
        return TechniquePage(c.techniques[key], found, game.granted_by(c, key),
                             game.used_in(c, key), solves)

    def subproblem_page(self, name: str) -> SubproblemPage:
        c = self.content
        key = game.fuzzy(name, list(c.subproblems))
        if key is None:
            raise GameError(f"no sub-problem `{name}`", "`arena codex` lists them all")
        rooms = [r for r in c.ordered_rooms if key in r.subproblems]
        return SubproblemPage(c.subproblems[key], frozenset(game.inventory(c, self.progress)),
                              rooms)

    def status(self) -> Status:
        cleared = self.progress.cleared_ids()
        xp = game.total_xp(self.progress)
        room = self.content.rooms[self.progress.current] if self.progress.current else None
        return Status(room, self.dungeon_of(room) if room else None,
                      room is not None and room.id in cleared, len(cleared),
                      len(self.content.rooms), len(game.inventory(self.content, self.progress)),
                      xp, game.level(xp), self._first_dungeon_id)

    @property
    def _first_dungeon_id(self) -> str:
        return self.content.dungeons[0].id if self.content.dungeons else "DUNGEON"

    def _dungeon(self, key: str) -> Dungeon:
        ids = [d.id for d in self.content.dungeons]
        if key not in ids:
            raise GameError(f"no dungeon `{key}`", f"dungeons: {', '.join(ids)}")
        return self.content.dungeon(key)
