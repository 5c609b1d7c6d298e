"""Fixture player files graded cold once per suite run, whichever test asks first.

A cold grading starts Python and imports torch (about a second of CPU). The same fixture's
cold verdict is read by the test asserting its words (test_grading), by the warm/cold
comparison and by the daemon's comparison (test_daemon), in whichever test process runs
them: so the first grading is kept in a folder all of this run's test processes share, under
a lock, and the others read it. Nothing is kept between runs.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import pickle
from pathlib import Path

import pytest

from arena_dungeon.content import Room
from arena_dungeon.grading.report import RoomResult
from arena_dungeon.grading.runner import grade

LIMIT = 3.0  # seconds: the time limit for every shared grading (the hang fixture uses it all)


def _folder(factory: pytest.TempPathFactory) -> Path:
    """This run's folder, shared by pytest-xdist's workers (each has a basetemp inside it)."""
    base = factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "cold-verdicts"
    folder.mkdir(exist_ok=True)
    return folder


def cold(factory: pytest.TempPathFactory, room: Room, target: Path) -> RoomResult:
    """`grade(room, target, timeout=LIMIT)` on the cold path, graded once per run."""
    key = hashlib.sha256(f"{room.folder}\0{room.id}\0{target}".encode()).hexdigest()[:24]
    path = _folder(factory) / f"{key}.pickle"
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second asker waits for the first's grading
        if path.exists():
            result: RoomResult = pickle.loads(path.read_bytes())
            return result
        result = grade(room, target, timeout=LIMIT)
        path.write_bytes(pickle.dumps(result))
        return result
