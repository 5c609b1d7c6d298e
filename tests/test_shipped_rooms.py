"""Every shipped room: its stub fails, its solution passes, and every known wrong answer (its
wrong.yaml) fails the case it names.

Grading children are forked from one warm worker per test process, so the cost of
importing torch is paid once per process rather than once per grading.
"""

from __future__ import annotations

import pytest

from arena_dungeon.content import load
from arena_dungeon.dev import check_room
from arena_dungeon.grading.runner import grade
from arena_dungeon.grading.worker import WarmWorker
from arena_dungeon.mistakes import grade_mistake, load_mistakes

CONTENT = load()
MISTAKES = [(room.id, mistake) for room in CONTENT.rooms.values()
            for mistake in load_mistakes(room)]


@pytest.fixture(scope="session")
def worker():
    with WarmWorker() as w:
        yield w


@pytest.mark.parametrize("room_id", list(CONTENT.rooms))
def test_stub_fails_and_solution_passes(room_id, worker):
    check = check_room(CONTENT.rooms[room_id], worker)
    assert check.ok, "\n".join(check.problems)


@pytest.mark.parametrize(("room_id", "mistake"), MISTAKES,
                         ids=[f"{room_id}/{m.id}" for room_id, m in MISTAKES])
def test_wrong_answer_fails_its_case(room_id, mistake, worker):
    _, problem = grade_mistake(CONTENT.rooms[room_id], mistake, worker)
    assert problem is None, problem


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
