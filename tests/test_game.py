"""Pure game rules: inventory, doors, XP, next room, hint order."""

from __future__ import annotations

from arena_dungeon import game
from arena_dungeon.progress import Progress


def test_fresh_player_has_first_room_open_and_boss_locked(fixture_content):
    states = game.states(fixture_content, Progress())
    assert states["add-one"].door is game.Door.OPEN
    assert states["double"].door is game.Door.LOCKED
    assert states["double"].missing == ("alpha",)


def test_clearing_grants_tools_opens_doors_and_awards_xp(fixture_content):
    prog = Progress()
    room = fixture_content.rooms["add-one"]
    reward = game.clear(fixture_content, prog, room, "2026-01-01T00:00:00+00:00")
    assert reward is not None
    assert reward.new_tools == ["alpha"]
    assert [r.id for r in reward.opened] == ["double"]
    assert reward.xp == game.XP_PER_DIFFICULTY * room.difficulty
    assert game.inventory(fixture_content, prog) == ["alpha"]
    assert game.states(fixture_content, prog)["double"].door is game.Door.OPEN
    assert game.clear(fixture_content, prog, room, "later") is None  # only once


def test_xp_more_for_harder_rooms_less_after_hints_none_after_peeking(fixture_content):
    easy, hard = fixture_content.rooms["add-one"], fixture_content.rooms["double"]
    prog = Progress()
    assert game.xp_for(hard, prog.room("x")) > game.xp_for(easy, prog.room("x"))
    hinted = prog.room("h")
    hinted.hints_seen = [0, 1]
    assert 0 < game.xp_for(hard, hinted) < game.xp_for(hard, prog.room("x"))
    peeked = prog.room("p")
    peeked.peeked = True
    assert game.xp_for(hard, peeked) == 0


def test_next_room_is_suggested_in_order(fixture_content):
    prog = Progress()
    assert game.next_room(fixture_content, prog) .id == "add-one"
    game.clear(fixture_content, prog, fixture_content.rooms["add-one"], "t")
    assert game.next_room(fixture_content, prog, after="add-one").id == "double"
    game.clear(fixture_content, prog, fixture_content.rooms["double"], "t")
    assert game.next_room(fixture_content, prog, after="double") is None


def test_hint_tied_to_last_failure_comes_first(fixture_content):
    room = fixture_content.rooms["add-one"]
    record = Progress().room(room.id)
    assert game.next_hint(room, record) == 0
    record.last_failure_kinds = ["shape"]
    assert game.next_hint(room, record) == 1
    record.hints_seen = [1]
    assert game.next_hint(room, record) == 0
    record.hints_seen = [0, 1, 2]
    assert game.next_hint(room, record) is None


def test_find_room_by_id_number_and_file(fixture_content):
    assert game.find_room(fixture_content, "double").id == "double"
    assert game.find_room(fixture_content, "9.9/1").id == "add-one"
    assert game.find_room(fixture_content, "02_double.py").id == "double"
    assert game.find_room(fixture_content, "9.9/7") is None
    assert game.find_room(fixture_content, "nothing") is None


def test_levels_grow():
    assert game.level(0) == 1
    assert game.level(100) == 2
    assert game.level(299) == 2
    assert game.level(300) == 3


def test_a_case_that_only_reached_not_implemented_ties_no_hint():
    from arena_dungeon.grading.report import CaseResult, RoomResult

    result = RoomResult(room_id="r", cases=[
        CaseResult("test_a", False, kind="not_implemented"),
        CaseResult("test_b", False, kind="value"),
        CaseResult("test_c", True)])
    assert result.failed_cases == ["test_b"]


def test_hint_tied_to_the_failed_case_beats_one_tied_to_the_kind(pack):
    from arena_dungeon.content import load

    room_yaml = pack / "dungeons/9.9-fixture/01-add-one/room.yaml"
    room_yaml.write_text(room_yaml.read_text().replace(
        "  - Return x + 1.\n",
        "  - text: A scalar is a 0-dim tensor.\n    after_case: test_scalar\n  - Return x + 1.\n"))
    room = load(pack).rooms["add-one"]
    record = Progress().room(room.id)
    record.last_failure_kinds, record.last_failed_cases = ["shape"], ["test_scalar"]
    assert game.next_hint(room, record) == 2  # the case's hint, then the kind's
    record.hints_seen = [2]
    assert game.next_hint(room, record) == 1


def test_locked_ahead_names_the_next_room_here_when_its_door_is_shut(fixture_content):
    add_one, double = fixture_content.rooms["add-one"], fixture_content.rooms["double"]
    prog = Progress()
    ahead = game.locked_ahead(fixture_content, prog, add_one)
    assert ahead is not None and ahead.room is double and ahead.missing == ("alpha",)
    game.clear(fixture_content, prog, add_one, "t")  # grants alpha: the door opens
    assert game.locked_ahead(fixture_content, prog, add_one) is None
    assert game.locked_ahead(fixture_content, prog, double) is None  # nothing after it


def test_starting_at_a_later_dungeon_opens_all_of_it(tmp_path, monkeypatch):
    """`arena play 0.1` as a first command: every room of 0.1 can be played; doors that
    need 0.1's own tools stay locked until they are found there; lent tools are not owned."""
    from arena_dungeon.session import Session

    monkeypatch.setenv("ARENA_WORKSPACE", str(tmp_path / "ws"))
    session = Session.open()
    before = game.states(session.content, session.progress)
    rooms = session.content.rooms_of(session.content.dungeon("0.1"))
    assert any(before[r.id].door is game.Door.LOCKED for r in rooms)  # as it was
    entered = session.play("0.1")
    assert entered.lent_now and entered.room.id == rooms[0].id
    own = {t for r in rooms for t in r.grants}
    states = game.states(session.content, session.progress)
    for room in rooms:  # only 0.1's own tools still lock its doors
        assert set(states[room.id].missing) <= own, room.id
    assert game.inventory(session.content, session.progress) == []
    assert set(entered.lent_now) <= set(game.lent(session.content, session.progress))
    again = Session.open()  # saved, and read back
    assert again.progress.started_at == ["0.1"]
    assert again.inventory().lent


def test_started_dungeons_survive_a_merge():
    from arena_dungeon.progress import merge

    disk, mine = Progress(started_at=["0.1"]), Progress(started_at=["1.1"])
    assert merge(disk, mine, Progress()).started_at == ["0.1", "1.1"]


def test_next_stays_in_the_dungeon_while_it_has_open_rooms():
    """Issue 14.6: after a clear, "Next:" looks in the same dungeon first (wrapping round it)."""
    from arena_dungeon.content import load

    content = load()
    prog = Progress()
    for room in content.rooms_of(content.dungeon("0.0")):
        prog.room(room.id).cleared_at = "2026-01-01T00:00:00+00:00"
    last = content.rooms_of(content.dungeon("0.1"))[-1]
    nxt = game.next_room(content, prog, after=last.id)
    assert nxt is not None and nxt.dungeon_id == "0.1"
    assert game.states(content, prog)[nxt.id].door is game.Door.OPEN
