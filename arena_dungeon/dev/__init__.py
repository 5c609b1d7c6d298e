"""Content validation for authors: every stub fails, every solution passes, rules hold.

`python -m arena_dungeon.dev FOLDER...` checks rooms (or a dungeon folder) without loading the
whole content tree (handy while authoring); `arena dev check` checks everything.
"""

from __future__ import annotations

import os
import queue
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from arena_dungeon.content import ContentError, Room, load_dungeon, load_room
from arena_dungeon.grading import rules
from arena_dungeon.grading.report import RoomResult
from arena_dungeon.grading.runner import grade
from arena_dungeon.grading.worker import WarmWorker

MIN_CASES = 4


@dataclass
class RoomCheck:
    """What `dev check` found about one room."""

    room: Room
    problems: list[str] = field(default_factory=list)
    stub: RoomResult | None = None
    solution: RoomResult | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def check_room(room: Room, worker: WarmWorker | None = None) -> RoomCheck:
    """Grade the room's stub (must fail) and solution (must pass); check its own rules."""
    check = RoomCheck(room)
    source = room.solution.read_text(encoding="utf-8")
    for v in rules.check(source, room.rules, room.entry):
        check.problems.append(f"solution.py line {v.line} breaks the room's rule: {v.reason}")
    if f"def {room.entry}" not in room.stub.read_text(encoding="utf-8") and \
            f"class {room.entry}" not in room.stub.read_text(encoding="utf-8"):
        check.problems.append(f"stub.py does not define `{room.entry}`")
    check.stub = grade(room, room.stub, worker=worker)
    check.solution = grade(room, room.solution, worker=worker)
    if check.stub.cleared:
        check.problems.append("the stub passes every case: the tests cannot fail")
    elif check.stub.verdict in ("harness", "timeout", "crash"):
        check.problems.append(f"the stub gave `{check.stub.verdict}`: {check.stub.message}")
    if not check.solution.cleared:
        failing = [f"{c.name}: {c.message}" for c in check.solution.cases if not c.passed]
        why = check.solution.message if check.solution.verdict else "; ".join(failing[:3])
        check.problems.append(f"the solution fails: {why}")
    if len(check.solution.cases) < MIN_CASES:
        check.problems.append(f"only {len(check.solution.cases)} cases; a room needs "
                              f">= {MIN_CASES}")
    if any(c.kind == "harness" for c in check.stub.cases + check.solution.cases):
        check.problems.append("a case hit a grader error (kind `harness`)")
    return check


def check_rooms(rooms: Iterable[Room], *, workers: int | None = None, warm: bool = True,
                on_done: Callable[[RoomCheck], None] | None = None) -> list[RoomCheck]:
    """Check many rooms, one grading child per core at a time, forked from warm workers."""
    rooms = list(rooms)
    n = min(len(rooms), workers or max(1, os.cpu_count() or 1)) or 1
    pool_of: queue.Queue[WarmWorker | None] = queue.Queue()
    warm_workers = [WarmWorker() for _ in range(n)] if warm else []
    for w in warm_workers or [None] * n:
        pool_of.put(w)

    def run(room: Room) -> RoomCheck:
        w = pool_of.get()
        try:
            return check_room(room, w)
        finally:
            pool_of.put(w)

    results: list[RoomCheck] = []
    try:
        with ThreadPoolExecutor(max_workers=n) as pool:
            for check in pool.map(run, rooms):
                results.append(check)
                if on_done is not None:
                    on_done(check)
    finally:
        for w in warm_workers:
            w.close()
    return results


def _main(argv: list[str]) -> int:
    bad = 0
    rooms = []
    for arg in argv:
        folder = Path(arg)
        try:
            if (folder / "dungeon.yaml").is_file():
                rooms.extend(load_dungeon(folder)[1])
            elif (folder / "room.yaml").is_file() or not folder.is_dir():
                rooms.append(load_room(folder))
            else:  # e.g. assets/ or given/ caught by a glob such as dungeons/0.4-backprop/*/
                print(f"skip {arg}: not a room or dungeon folder")
        except ContentError as exc:
            print(f"FAIL {arg}: {exc}")
            bad += 1
    for check in check_rooms(rooms):
        room = check.room
        status = "ok  " if check.ok else "FAIL"
        print(f"{status} {room.id}: stub {check.stub.summary() if check.stub else '-'}; "
              f"solution {check.solution.summary() if check.solution else '-'}")
        for problem in check.problems:
            print(f"     - {problem}")
        bad += not check.ok
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
