"""`arena dev check`: the one content gate. Every problem in one run, each naming its file.

For a content root (the shipped content or a pack) it checks that the content loads (every
`ContentError` from `content.survey`), and for each room: the stub fails and the solution
passes, with at least MIN_CASES cases and no grader error, both collecting the same cases;
stub and solution define the entry with the same signature (compared on the syntax tree, never
imported); the solution keeps the room's rules; hints name real cases and failure kinds;
`given:` matches what the files import; the folder holds only the room's files and its name
agrees with the play order; every wrong answer in wrong.yaml is rejected by the case it names;
and (with `cold`) grading the solution warm and cold gives the same verdict (the stub's
verdict, `not_implemented` in every case, is the grader's alone, and tests/test_grading.py
compares it on both paths). Pages:
technique pages have their shape and their examples print their stated output; sub-problem
examples parse.

Grading runs in warm workers, one per core, and goes through the verdict cache
(`arena_dungeon.dev.cache`): an unchanged grading is not run again.
`python -m arena_dungeon.dev FOLDER...` checks room or dungeon folders without loading the
whole content tree (handy while authoring).
"""

from __future__ import annotations

import contextlib
import os
import queue
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from arena_dungeon import mistakes as wrong_answers
from arena_dungeon.content import ContentError, Room, Technique, load_room, survey
from arena_dungeon.dev import examples, static
from arena_dungeon.dev.cache import VerdictCache, default_folder
from arena_dungeon.dev.report import Problem, Report, RoomCheck
from arena_dungeon.grading.report import RoomResult
from arena_dungeon.grading.runner import grade
from arena_dungeon.grading.worker import WarmWorker

__all__ = ["MIN_CASES", "Plan", "Problem", "Report", "RoomCheck", "VerdictCache", "Workers",
           "check", "check_room", "check_rooms", "prepare", "run", "verdict"]

MIN_CASES = 4
_UNSOUND = ("harness", "timeout", "crash")  # a stub verdict that means the room is broken


class Workers:
    """Warm grading workers, started on first use (a fully cached run starts none), at most
    `n`; each grading borrows one."""

    def __init__(self, n: int = 1, *, lend: WarmWorker | None = None) -> None:
        """`lend`: use this caller's worker (never closed here) instead of starting one."""
        self.n = max(1, n)
        self._free: queue.Queue[WarmWorker] = queue.Queue()
        self._all: list[WarmWorker] = []
        self._lock = threading.Lock()
        if lend is not None:
            self.n = 1
            self._free.put(lend)

    @contextlib.contextmanager
    def one(self) -> Iterator[WarmWorker]:
        with self._lock:
            if self._free.empty() and len(self._all) < self.n:
                self._all.append(WarmWorker())
                self._free.put(self._all[-1])
        worker = self._free.get()
        try:
            yield worker
        finally:
            self._free.put(worker)

    def close(self) -> None:
        for worker in self._all:
            worker.close()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def verdict(result: RoomResult) -> tuple[object, ...]:
    """What the learner sees of a grading, minus timings and raw output."""
    return (result.cleared, str(result.verdict), result.message,
            [(c.name, c.passed, str(c.kind), c.message) for c in result.cases],
            [p.caption for p in result.pictures], result.notes)


FRESH_INPUTS = "fresh_seed("  # a room whose tests draw inputs anew in review drills
DRAWS = (1, 2)  # the drills' draws the reference is graded on


class _Grader:
    """Grades files of one room for one check, through the cache."""

    def __init__(self, check: RoomCheck, workers: Workers, cache: VerdictCache) -> None:
        self.check, self.workers, self.cache = check, workers, cache

    def __call__(self, target: Path, mode: str = "warm", cases: Sequence[str] = (),
                 draw: int = 0) -> RoomResult:
        room = self.check.room
        how = "|".join((mode, *cases, *([f"draw={draw}"] if draw else [])))
        key = self.cache.key(room, target, how) if self.cache.enabled else ""
        cached = self.cache.get_result(key) if key else None
        if cached is not None:
            return cached
        if mode == "warm":
            with self.workers.one() as worker:
                result = grade(room, target, worker=worker, cases=cases, draw=draw)
        else:
            result = grade(room, target, cases=cases, draw=draw)
        self.check.graded += 1
        if key:
            self.cache.put_result(key, result)
        return result


def check_room(room: Room, workers: Workers | WarmWorker | None = None, *,
               cache: VerdictCache | None = None, cold: bool = False) -> RoomCheck:
    """Every check of one room; grading borrows from `workers` (or uses this one warm worker,
    or starts its own)."""
    pool = workers if isinstance(workers, Workers) else Workers(1, lend=workers)
    try:
        return _check_room(room, pool, cache or VerdictCache(None), cold)
    finally:
        if pool is not workers:
            pool.close()


def _check_room(room: Room, workers: Workers, cache: VerdictCache, cold: bool) -> RoomCheck:
    check = RoomCheck(room, problems=static.room_problems(room))
    graded = _Grader(check, workers, cache)
    stub = check.stub = graded(room.stub)
    sol = check.solution = graded(room.solution)
    if stub.cleared:
        check.add(room.stub, "passes every case: the tests cannot fail")
    elif stub.verdict in _UNSOUND:
        check.add(room.stub, f"gave `{stub.verdict}`: {stub.message}")
    if not sol.cleared:
        failing = [f"{c.name}: {c.message}" for c in sol.cases if not c.passed]
        why = sol.message if sol.verdict else "; ".join(failing[:3])
        check.add(room.solution, f"fails: {why}")
    if len(sol.cases) < MIN_CASES:
        check.add(room.tests, f"only {len(sol.cases)} cases; a room needs >= {MIN_CASES}")
    for which, result in ((room.stub, stub), (room.solution, sol)):
        bugs = [c.name for c in result.cases if c.kind == "harness"]
        if bugs:
            check.add(room.tests, f"grading {which.name} hit a grader error (kind `harness`) in "
                                  f"{', '.join(bugs)}: {result.message}")
    names = [c.name for c in sol.cases]
    if not stub.verdict and not sol.verdict and [c.name for c in stub.cases] != names:
        check.add(room.tests, "collects different cases for the stub and the solution: "
                              f"{[c.name for c in stub.cases]} vs {names}")
    if sol.cleared:
        for i, hint in enumerate(room.hints):
            after = getattr(hint, "after_case", None)
            if after is not None and after not in names:
                check.add(room.folder / "room.yaml", f"field `hints.{i}.after_case`: "
                                                     f"`{after}` is not a case the tests run "
                                                     f"(they run: {', '.join(names)})")
    _check_mistakes(check, graded)
    if sol.cleared and FRESH_INPUTS in room.tests.read_text(encoding="utf-8"):
        for draw in DRAWS:  # a review drill's inputs: the reference must pass them too
            again = graded(room.solution, draw=draw)
            if not again.cleared:
                failing = [f"{c.name}: {c.message}" for c in again.cases if not c.passed]
                check.add(room.tests, f"the solution fails on fresh inputs (draw {draw}, as "
                                      f"a review drill draws them): {'; '.join(failing[:2])}")
    if cold:
        for target, warm in ((room.solution, sol),):
            if verdict(graded(target, "cold")) != verdict(warm):
                check.add(target, "grading it warm (forked from a worker) and cold (a fresh "
                                  "Python) gives different verdicts")
    return check


def _check_mistakes(check: RoomCheck, graded: _Grader) -> None:
    """Every wrong answer is rejected, by the case it names; every file in wrong/ is used.

    A wrong answer runs only the case it names (a rule's catch runs none: the rules reject
    the file before any case), so it costs one case, not the room's training cases too.
    """
    room = check.room
    try:
        found = wrong_answers.load_mistakes(room)
    except ContentError as exc:
        check.problems.append(Problem.of(exc))
        return
    used = {m.base.resolve() for m in found}
    folder = room.folder / wrong_answers.FOLDER
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.resolve() not in used and path.name != "__pycache__":
            check.add(path, f"no entry of {wrong_answers.FILE_NAME} uses this file")
    with tempfile.TemporaryDirectory(prefix="arena-wrong-") as tmp:
        for mistake in found:
            target = Path(tmp) / mistake.id / room.filename
            target.parent.mkdir()
            target.write_text(mistake.source(), encoding="utf-8")
            named = () if mistake.catches in wrong_answers.CAUGHT_BEFORE_CASES else \
                (mistake.catches,)
            why = wrong_answers.problem(mistake, graded(target, cases=named))
            check.mistakes += 1
            if why:
                check.add(mistake.where, why)


def check_rooms(rooms: Iterable[Room], *, workers: int | None = None,
                cache: VerdictCache | None = None, cold: bool = False,
                on_done: Callable[[RoomCheck], None] | None = None) -> list[RoomCheck]:
    """Check many rooms, one grading at a time per core, forked from warm workers."""
    rooms = list(rooms)
    n = min(len(rooms), workers or max(1, os.cpu_count() or 1)) or 1
    results: list[RoomCheck] = []
    with Workers(n) as pool, ThreadPoolExecutor(max_workers=n) as threads:
        for check in threads.map(lambda r: check_room(r, pool, cache=cache, cold=cold), rooms):
            results.append(check)
            if on_done is not None:
                on_done(check)
    return results


def _rooms_of_left_out_dungeons(root: Path, loaded: set[Path]) -> list[Room]:
    """Rooms that load on their own in dungeons `survey` left out (for a problem elsewhere in
    the dungeon): still graded, so one run names every problem."""
    rooms = []
    for folder in sorted((root / "dungeons").glob("*/*/room.yaml")):
        if folder.parent.parent.resolve() in loaded:
            continue
        with contextlib.suppress(ContentError):  # survey already named it
            rooms.append(load_room(folder.parent))
    return rooms


@dataclass
class Plan:
    """What a check will do: the rooms to grade, and the problems found before any grading."""

    root: Path
    rooms: list[Room]
    report: Report
    techniques: dict[str, Technique]  # whose examples to run (none when only rooms are checked)


def prepare(root: Path | None = None, only: list[str] | None = None) -> Plan:
    """Survey the content under `root` (default: the shipped content) and run the checks that
    need no grading; `only` keeps the rooms and dungeons it names (and the pages they
    grant, use or solve)."""
    content, errors = survey(root)
    root = content.root
    report = Report(root, content=[Problem.of(e) for e in errors])
    rooms = content.ordered_rooms + _rooms_of_left_out_dungeons(
        root, {d.folder.resolve() for d in content.dungeons})
    if only:
        rooms = [r for r in rooms if r.id in only or r.dungeon_id in only]
        report.content += [Problem(root, f"`{x}` is neither a room nor a dungeon id here")
                           for x in only if not any(x in (r.id, r.dungeon_id) for r in rooms)]
    loaded = {d.folder.resolve(): d for d in content.dungeons}
    for folder in sorted({r.folder.parent for r in rooms}):
        dungeon = loaded.get(folder.resolve())
        its_rooms = content.rooms_of(dungeon) if dungeon else \
            [r for r in rooms if r.folder.parent == folder]
        report.content += static.dungeon_problems(folder, its_rooms, dungeon=dungeon)
    # With `only`, the pages its rooms grant, use or solve (a page of one example, say, is a
    # problem of the dungeon that brings it); without, every page.
    tools = {t for r in rooms for t in (*r.grants, *r.uses)} if only else set(content.techniques)
    subs = {s for r in rooms for s in r.subproblems} if only else set(content.subproblems)
    for tech_id, tech in sorted(content.techniques.items()):
        if tech_id in tools:
            path = root / "techniques" / f"{tech_id}.yaml"
            report.content += static.technique_problems(tech, path, content.techniques)
    for sub_id, sub in sorted(content.subproblems.items()):
        if sub_id in subs:
            report.content += static.subproblem_problems(
                sub, root / "techniques" / "subproblems" / f"{sub_id}.yaml")
    return Plan(root, rooms, report, content.techniques if not only else
                {t: tech for t, tech in content.techniques.items() if t in tools})


def run(plan: Plan, *, jobs: int = 0, cold: bool = True, cache: VerdictCache | None = None,
        on_done: Callable[[RoomCheck], None] | None = None) -> Report:
    """Grade the planned rooms (and run the pages' examples beside them); the full report."""
    start = time.perf_counter()
    cache = cache if cache is not None else VerdictCache(default_folder())
    pages = examples.Run(plan.techniques, plan.root / "techniques", cache) \
        if plan.techniques else None
    cache.prune()
    report = plan.report
    report.rooms = check_rooms(plan.rooms, workers=jobs, cache=cache, cold=cold,
                               on_done=on_done)
    if pages is not None:
        report.content += pages.problems()
    report.seconds += time.perf_counter() - start
    return report


def check(root: Path | None = None, only: list[str] | None = None, **options: Any) -> Report:
    """`prepare` then `run`: every problem of the content under `root`."""
    start = time.perf_counter()
    plan = prepare(root, only)
    plan.report.seconds = time.perf_counter() - start
    return run(plan, **options)
