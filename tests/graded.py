"""Fixture player files graded once, whichever test asks first, and kept while nothing changes.

A cold grading starts Python and imports torch (about a second of CPU). The same fixture's
cold verdict is read by the test asserting its words (test_grading), by the warm/cold
comparison and by the daemon's comparison (test_daemon), in whichever test process runs
them. Two layers keep it:

- this run's folder, shared by all of its test processes under a lock: the first asker
  grades, the others read;
- the verdict cache (arena_dungeon/dev/cache.py, `tests.conftest.DEV_CACHE`), keyed on every
  input of the grading: the fixture file, the fixture room, the grader's code, the Python
  build and the installed packages, and how it was graded. A run that changed none of them
  (a change to the UI, the session or the docs) reads the verdicts instead of grading again.
  CI's clean clone starts with an empty cache, so every grading runs there.

A verdict that may come from a loaded machine (timeout, crash) is kept between runs only for
the fixtures written to produce it (`DESIGNED`).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import pickle
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

import pytest

from arena_dungeon.content import Room
from arena_dungeon.dev.cache import storable
from arena_dungeon.grading.report import RoomResult
from arena_dungeon.grading.runner import grade
from tests.conftest import DEV_CACHE

LIMIT = 3.0  # seconds: the time limit for every shared grading (the hang fixture uses it all)
# Fixtures whose verdict is a timeout or a crash by design: kept between runs all the same.
DESIGNED = frozenset({"hang.py", "keyboard.py", "osexit.py", "segfault.py", "pytest_exit.py",
                      "hang_pid.py"})


def kept(room: Room, target: Path, how: str, run: Callable[[], RoomResult]) -> RoomResult:
    """`run()`'s result, read from the verdict cache when every input of this grading (`how`
    names the path and its settings) is as it was when it was stored."""
    if not DEV_CACHE.enabled:
        return run()
    key = DEV_CACHE.key(room, target, how)
    hit = DEV_CACHE.get_result(key)
    if hit is not None:
        return hit
    result = run()
    if storable(result) or target.name in DESIGNED:
        DEV_CACHE.put(key, asdict(result))
    return result


def _folder(factory: pytest.TempPathFactory) -> Path:
    """This run's folder, shared by pytest-xdist's workers (each has a basetemp inside it)."""
    base = factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "cold-verdicts"
    folder.mkdir(exist_ok=True)
    return folder


def cold(factory: pytest.TempPathFactory, room: Room, target: Path) -> RoomResult:
    """`grade(room, target, timeout=LIMIT)` on the cold path, graded once."""
    key = hashlib.sha256(f"{room.folder}\0{room.id}\0{target}".encode()).hexdigest()[:24]
    path = _folder(factory) / f"{key}.pickle"
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second asker waits for the first's grading
        if path.exists():
            result: RoomResult = pickle.loads(path.read_bytes())
            return result
        result = kept(room, target, f"cold:{LIMIT}",
                      lambda: grade(room, target, timeout=LIMIT))
        path.write_bytes(pickle.dumps(result))
        return result
