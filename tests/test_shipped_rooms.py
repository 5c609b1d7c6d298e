"""Every shipped room through `arena dev check` (arena_dungeon/dev): a test per room runs all of
that room's checks (stub fails, solution passes, every wrong answer in its wrong.yaml fails the
case it names, signatures, rules, hints, given modules, folder), and one test the checks
outside the rooms (loading, dungeon layout, page shape; the pages' examples run in
test_techniques).

Each stub, solution and wrong answer is graded once, warm (forked from this test process's
warm worker), through the verdict cache (tests/conftest.py: off in CI): a grading whose inputs
did not change since it last ran is not run again.

Warm against cold: a cold grading starts a fresh Python and imports torch, about 1.5 s of CPU
a file, which for every solution would cost more than the rest of the room checks together.
So each run compares the two paths on the solutions of a rotating sample (a stub's verdict is
the grader's alone, compared in tests/test_grading.py): every COLD_EVERY-th room
in play order, from an offset that changes daily, so that every room is compared once in any
COLD_EVERY consecutive days (ARENA_COLD_SEED=N picks the offset, ARENA_COLD_SEED=all takes
every room). tests/test_grading.py compares them on a fixture file per failure kind, and
`arena dev check` (cold by default) on every room.
"""

from __future__ import annotations

import datetime
import os

import pytest

from arena_dungeon import dev
from arena_dungeon.content import load
from tests.conftest import DEV_CACHE

CONTENT = load()
ROOMS = CONTENT.ordered_rooms

COLD_EVERY = 8
COLD_SEED = os.environ.get("ARENA_COLD_SEED", "") or str(datetime.date.today().toordinal())


def cold_sample(seed: str) -> set[str]:
    return {r.id for i, r in enumerate(ROOMS)
            if seed == "all" or (i + int(seed)) % COLD_EVERY == 0}


COLD = cold_sample(COLD_SEED)


@pytest.fixture(scope="session")
def workers(warm_worker):
    with dev.Workers(1, lend=warm_worker) as pool:  # the test process's (pytest -n 2: 1 a core)
        yield pool


@pytest.mark.parametrize("room_id", [r.id for r in ROOMS])
def test_room(room_id, workers):
    cold = room_id in COLD
    check = dev.check_room(CONTENT.rooms[room_id], workers, cache=DEV_CACHE, cold=cold)
    assert check.ok, "\n".join(str(p) for p in check.problems) + \
        (f"\n(compared warm and cold: ARENA_COLD_SEED={COLD_SEED})" if cold else "")


def test_content_outside_the_rooms():
    plan = dev.prepare()
    assert [r.id for r in plan.rooms] == [r.id for r in ROOMS]
    assert not plan.report.content, "\n".join(str(p) for p in plan.report.content)


def test_the_cold_sample_takes_every_room_in_turn():
    days = [cold_sample(str(day)) for day in range(COLD_EVERY)]
    assert set().union(*days) == set(CONTENT.rooms)
    assert min(len(d) for d in days) >= len(ROOMS) // COLD_EVERY
    assert COLD in days or COLD_SEED == "all"
