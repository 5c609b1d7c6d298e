"""Mastery of a tool, from how the rooms that teach or use it were cleared (issue 22, part 1)."""

from __future__ import annotations

import json

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


def test_review_comes_back_on_a_spaced_schedule(tmp_path, monkeypatch, warm_checks):
    """Clear a room, come back the next day, drill, and the next review moves out; a drill
    that takes many checks brings it back to a day. The clock is ARENA_NOW."""
    from typer.testing import CliRunner

    from arena_dungeon.cli import app
    from tests.conftest import FIXTURE_PACK, PLAYERS

    monkeypatch.setenv("ARENA_CONTENT", str(FIXTURE_PACK))
    ws = tmp_path / "ws"
    runner = CliRunner()

    def arena(*args: str, at: str):
        monkeypatch.setenv("ARENA_NOW", at)
        return runner.invoke(app, ["--workspace", str(ws), *args])

    from arena_dungeon.grading import runner as grading

    draws: list[int] = []
    real_grade = grading.grade
    monkeypatch.setattr(grading, "grade", lambda *a, draw=0, **k: draws.append(draw)
                        or real_grade(*a, draw=draw, **k))
    arena("play", at="2026-12-01T10:00:00")
    next(ws.glob("*/01_add_one.py")).write_text((PLAYERS / "pass.py").read_text())
    assert arena("check", at="2026-12-01T10:00:00").exit_code == 0
    assert "no tool is due" in arena("review", at="2026-12-01T20:00:00").output
    assert "review due" not in arena("inventory", at="2026-12-01T20:00:00").output
    assert "review due" in arena("inventory", at="2026-12-02T10:30:00").output

    started = arena("review", at="2026-12-02T10:30:00")
    assert "Review · alpha" in started.output
    drill = ws / "review" / "01_add_one.py"
    assert "NotImplementedError" in drill.read_text()  # a blank stub, not the cleared file
    assert arena("review", "--check", at="2026-12-02T10:31:00").exit_code == 1  # the stub
    drill.write_text((PLAYERS / "pass.py").read_text())
    done = arena("review", "--check", at="2026-12-02T10:40:00")
    assert done.exit_code == 0 and "in 2 checks" in done.output and "1.2 days" in done.output
    assert "no tool is due" in arena("review", at="2026-12-03T10:00:00").output
    assert "Review · alpha" in arena("review", at="2026-12-03T16:00:00").output  # 1.2 days on

    drill.write_text((PLAYERS / "pass.py").read_text())
    done = arena("review", "--check", at="2026-12-03T16:05:00")
    assert "in one check" in done.output and "3.0 days" in done.output  # 1.2 x 2.5
    record = json.loads((ws / ".arena" / "progress.json").read_text())["reviews"]["alpha"]
    assert (record["drills"], record["clean"], record["room"]) == (2, 1, None)
    # The room's check on its own inputs; each drill on inputs of its own (fresh_seed),
    # the same for every check of one drill.
    assert draws == [0, 1, 1, 2]


def test_a_drill_that_takes_many_checks_comes_back_the_next_day():
    from arena_dungeon.progress import ReviewRecord

    record = ReviewRecord(interval=6.0, checks=4)
    assert mastery.finish_drill(record, WHEN) == 1.0
    assert record.lapses == 1 and record.due == "2026-12-02T10:00:00+00:00"


def test_schedules_merge_with_what_another_process_saved():
    from arena_dungeon.progress import ReviewRecord

    disk, mine = Progress(), Progress()
    disk.reviews["a"] = ReviewRecord(drills=3, interval=6.0)
    mine.reviews["b"] = ReviewRecord(drills=1)
    out = merge(disk, mine, None)
    assert out.reviews["a"].drills == 3 and out.reviews["b"].drills == 1


def test_stats_count_checks_hints_and_the_streak(tmp_path, monkeypatch, warm_checks):
    from typer.testing import CliRunner

    from arena_dungeon.cli import app
    from tests.conftest import FIXTURE_PACK, PLAYERS

    monkeypatch.setenv("ARENA_CONTENT", str(FIXTURE_PACK))
    ws = tmp_path / "ws"
    runner = CliRunner()
    monkeypatch.setenv("ARENA_NOW", "2026-12-01T10:00:00+00:00")
    runner.invoke(app, ["--workspace", str(ws), "play"])
    runner.invoke(app, ["--workspace", str(ws), "hint"])
    next(ws.glob("*/01_add_one.py")).write_text((PLAYERS / "pass.py").read_text())
    runner.invoke(app, ["--workspace", str(ws), "check"])
    monkeypatch.setenv("ARENA_NOW", "2026-12-02T09:00:00+00:00")
    shown = json.loads(runner.invoke(app, ["--workspace", str(ws), "stats", "--json"]).output)
    assert shown["dungeons"] == [{"id": "9.9", "title": "Fixture Keep", "cleared": 1,
                                  "rooms": 2, "checks": 1, "hints": 1, "peeks": 0}]
    assert [(t["tool"], t["label"], t["due"]) for t in shown["tools"]] == [("alpha", "solid",
                                                                             False)]
    assert shown["streak_days"] == 1 and shown["days_practised"] == 1  # yesterday counts
    monkeypatch.setenv("ARENA_NOW", "2026-12-04T09:00:00+00:00")
    later = json.loads(runner.invoke(app, ["--workspace", str(ws), "stats", "--json"]).output)
    assert later["streak_days"] == 0 and later["tools"][0]["due"]
    assert "streak: 0 days" in runner.invoke(app, ["--workspace", str(ws), "stats"]).output
