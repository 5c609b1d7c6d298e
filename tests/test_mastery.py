"""Mastery of a tool, from how the rooms that teach or use it were cleared (issue 22, part 1)."""

from __future__ import annotations

from arena_dungeon import mastery
from arena_dungeon.progress import Progress, RoomProgress, merge

WHEN = "2026-12-01T10:00:00+00:00"


def _cleared(**kw) -> RoomProgress:
    return RoomProgress(cleared_at=WHEN, **kw)


def test_room_scores_follow_the_evidence():
    assert mastery.room_score(_cleared(attempts=1, attempts_at_clear=1)) == 1.0
    assert mastery.room_score(_cleared(attempts=9, attempts_at_clear=2)) == 1.0  # re-checks later
    assert mastery.room_score(_cleared(hints_seen=[0, 1], attempts_at_clear=1)) == 0.7
    assert mastery.room_score(_cleared(attempts_at_clear=6)) == 0.8
    assert mastery.room_score(_cleared(hints_seen=[0, 1, 2, 3, 4], attempts_at_clear=30)) == 0.4
    assert mastery.room_score(_cleared(peeked=True, attempts_at_clear=1)) == 0.2


def test_a_tool_is_the_mean_of_its_cleared_rooms(fixture_content):
    prog = Progress()
    prog.rooms["add-one"] = _cleared(attempts_at_clear=1)  # grants alpha
    found = mastery.of(fixture_content, prog, ["alpha"])["alpha"]
    assert (found.rooms, found.clean, found.score, found.label) == (1, 1, 1.0, "solid")
    prog.rooms["add-one"] = _cleared(hints_seen=[0, 1, 2], attempts_at_clear=4)
    shaky = mastery.of(fixture_content, prog, ["alpha"])["alpha"]
    assert (shaky.clean, shaky.hints, shaky.score, shaky.label) == (0, 3, 0.45, "shaky")


def test_the_checks_it_took_survive_a_merge_and_a_reload():
    disk, mine = Progress(), Progress()
    mine.rooms["r"] = _cleared(attempts=3, attempts_at_clear=3)
    out = merge(disk, mine, None)
    assert out.rooms["r"].attempts_at_clear == 3
    assert Progress.from_dict(out.to_dict()).rooms["r"].attempts_at_clear == 3
    assert Progress.from_dict({"rooms": {"r": {"cleared_at": WHEN}}}).rooms["r"] \
        .attempts_at_clear is None  # saves from before it was kept still load
