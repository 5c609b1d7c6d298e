"""Every shipped room: its stub fails, its solution passes, and every known wrong answer fails.

Grading children are forked from one warm worker per test process, so the cost of
importing torch is paid once per process rather than once per grading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from arena_dungeon.content import load
from arena_dungeon.dev import check_room
from arena_dungeon.grading.runner import grade
from arena_dungeon.grading.worker import WarmWorker

CONTENT = load()
WRONG = Path(__file__).parent / "wrong_answers"
WRONG_FILES = sorted(WRONG.glob("*/*.py"))


@pytest.fixture(scope="session")
def worker():
    with WarmWorker() as w:
        yield w


@pytest.mark.parametrize("room_id", list(CONTENT.rooms))
def test_stub_fails_and_solution_passes(room_id, worker):
    check = check_room(CONTENT.rooms[room_id], worker)
    assert check.ok, "\n".join(check.problems)


@pytest.mark.parametrize("path", WRONG_FILES, ids=[f"{p.parent.name}/{p.stem}"
                                                   for p in WRONG_FILES])
def test_wrong_answer_is_rejected(path, worker):
    room = CONTENT.rooms.get(path.parent.name)
    assert room is not None, f"{path.parent.name} is not a shipped room"
    result = grade(room, path, worker=worker)
    assert not result.cleared, f"{path.name} passes every case of {room.id}"
    assert result.verdict != "harness" and "harness" not in result.failure_kinds, result.message


def test_every_wrong_answer_folder_names_a_room():
    assert {p.parent.name for p in WRONG_FILES} <= set(CONTENT.rooms)


def _verdict(result):
    """What the learner sees, minus timings and raw output."""
    return (result.cleared, result.verdict, result.message,
            [(c.name, c.passed, c.kind, c.message) for c in result.cases],
            [p.caption for p in result.pictures], result.notes)


@pytest.mark.parametrize("which", ["stub", "solution"])
@pytest.mark.parametrize("room_id", list(CONTENT.rooms))
def test_warm_path_verdicts_match_cold(room_id, which, worker):
    """Each room's stub and solution: the same cases, pictures and notes either way.

    (tests/test_grading.py also compares the two paths on a fixture file per failure
    kind: crash, hang, exit, flood and the rest.)
    """
    room = CONTENT.rooms[room_id]
    target = getattr(room, which)
    warm = grade(room, target, worker=worker)
    cold = grade(room, target)
    assert _verdict(warm) == _verdict(cold)
    assert warm.cleared == (which == "solution")
