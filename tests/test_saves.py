"""Nothing lost: saves merge under a lock, malformed saves are set aside, I/O failures are told.

See docs/RELIABILITY.md, "Nothing lost".
"""

from __future__ import annotations

import errno
import multiprocessing
import os
from pathlib import Path

import pytest

from arena_dungeon import progress
from arena_dungeon.errors import GameError
from arena_dungeon.progress import Progress, RoomProgress
from arena_dungeon.session import Session
from tests.conftest import FIXTURE_PACK, PLAYERS

# ---------------------------------------------------------------- saves merge under a lock


def _clear_after_barrier(path: str, room_id: str, barrier) -> None:  # type: ignore[no-untyped-def]
    prog, _ = progress.load(Path(path))  # both commands read the file before either saves
    barrier.wait()
    prog.room(room_id).cleared_at = progress.now()
    prog.room(room_id).xp = 20
    prog.room(room_id).attempts += 1
    progress.save(Path(path), prog)


def test_two_commands_at_once_keep_both_clears(tmp_path):
    """`arena check a & arena check b`: 20 tries, real processes, both clears kept each time."""
    ctx = multiprocessing.get_context("fork")
    kept = 0
    for attempt in range(20):
        path = tmp_path / f"try{attempt}" / ".arena" / "progress.json"
        progress.save(path, Progress(current="a"))
        barrier = ctx.Barrier(2)
        procs = [ctx.Process(target=_clear_after_barrier, args=(str(path), rid, barrier))
                 for rid in ("a", "b")]
        for p in procs:
            p.start()
        for p in procs:
            p.join(30)
            assert p.exitcode == 0
        loaded, warning = progress.load(path)
        assert warning is None
        kept += loaded.cleared_ids() == {"a", "b"}
        assert loaded.room("a").attempts == 1 and loaded.room("b").attempts == 1
    assert kept == 20


def test_a_long_session_merges_what_others_saved(tmp_path):
    """Watch mode holds a session for hours: its saves keep clears made meanwhile elsewhere."""
    path = tmp_path / "progress.json"
    watch, _ = progress.load(path)
    other, _ = progress.load(path)
    other.room("x").cleared_at = "2024-01-01T00:00:00+00:00"
    other.room("x").hints_seen = [0]
    other.current = "x"
    progress.save(path, other)

    watch.room("y").cleared_at = "2024-01-02T00:00:00+00:00"
    watch.room("x").hints_seen = [1]
    progress.save(path, watch)
    on_disk, _ = progress.load(path)
    assert on_disk.cleared_ids() == {"x", "y"}
    assert on_disk.room("x").hints_seen == [0, 1]
    assert on_disk.current == "x"  # the watcher did not move: the other command's move holds
    assert watch.cleared_ids() == {"x", "y"}  # the long session now knows the other clear


def test_merge_rules_per_field():
    base = Progress(current="a", rooms={"a": RoomProgress(attempts=2)})
    disk = Progress(current="b", rooms={
        "a": RoomProgress(cleared_at="2024-01-02T00:00:00+00:00", xp=10, attempts=5,
                          hints_seen=[2], last_failed_cases=["t1"]),
        "d": RoomProgress(peeked=True)})
    mine = Progress(current="c", rooms={
        "a": RoomProgress(cleared_at="2024-01-01T00:00:00+00:00", xp=30, attempts=4,
                          hints_seen=[0, 2], peeked=True),
        "m": RoomProgress(attempts=1)})
    out = progress.merge(disk, mine, base)
    a = out.rooms["a"]
    assert a.cleared_at == "2024-01-01T00:00:00+00:00" and a.xp == 30  # earliest clear, its XP
    assert a.attempts == 7  # the disk's 5 plus this process's 2 new ones
    assert a.hints_seen == [2, 0] and a.peeked
    assert a.last_failed_cases == ["t1"]  # this process did not change it
    assert set(out.rooms) == {"a", "d", "m"} and out.rooms["d"].peeked
    assert out.current == "c"  # this process moved
    # A clear is never undone by a process that loaded before it.
    stale = Progress(rooms={"a": RoomProgress()})
    assert progress.merge(disk, stale, stale.snapshot()).rooms["a"].cleared


def test_a_held_lock_is_waited_for_then_named(tmp_path, monkeypatch):
    import fcntl

    path = tmp_path / "progress.json"
    monkeypatch.setattr(progress, "LOCK_WAIT", 0.3)
    fd = os.open(path.with_name("progress.json.lock"), os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        with pytest.raises(progress.SaveError, match="another arena command has held"):
            progress.save(path, Progress(current="a"))
    finally:
        os.close(fd)
    assert not path.exists()
    progress.save(path, Progress(current="a"))
    assert progress.load(path)[0].current == "a"


# ---------------------------------------------------------------- malformed saves

MALFORMED = {
    "version is a string": b'{"format_version": "2", "rooms": {}}',
    "version is null": b'{"format_version": null}',
    "version is true": b'{"format_version": true}',
    "version is zero": b'{"format_version": 0}',
    "v1 hints_used is a list": b'{"format_version": 1, "rooms": {"a": {"hints_used": [1]}}}',
    "v1 hints_used is negative": b'{"format_version": 1, "rooms": {"a": {"hints_used": -3}}}',
    "v1 hints_used is a string": b'{"format_version": 1, "rooms": {"a": {"hints_used": "2"}}}',
    "rooms is a list": b'{"rooms": [1]}',
    "a room is a list": b'{"rooms": {"a": [1]}}',
    "nested 200,000 deep": b"[" * 200_000 + b"]" * 200_000,
    "nested 200,000 deep in rooms": b'{"rooms": ' + b'{"a": ' * 200_000 + b"1"
                                    + b"}" * 200_001,
    "current is a number": b'{"current": 5}',
    "hints_seen repeats": b'{"rooms": {"a": {"hints_seen": [0, 0]}}}',
    "hints_seen out of range": b'{"rooms": {"a": {"hints_seen": [100000000000]}}}',
    "attempts is NaN": b'{"rooms": {"a": {"attempts": NaN}}}',
    "attempts is true": b'{"rooms": {"a": {"attempts": true}}}',
    "attempts is negative": b'{"rooms": {"a": {"attempts": -1}}}',
    "xp has 5,000 digits": b'{"rooms": {"a": {"xp": ' + b"9" * 5000 + b"}}}",
    "cleared_at is a number": b'{"rooms": {"a": {"cleared_at": 5}}}',
    "a failed case is 1 MB": b'{"rooms": {"a": {"last_failed_cases": ["' + b"x" * 2**20
                             + b'"]}}}',
    "not UTF-8": b'{"current": "\xff\xfe"}',
    "empty": b"",
    "null": b"null",
    "9 MB of spaces": b"{}" + b" " * (9 * 2**20),
}


@pytest.mark.parametrize("raw", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_save_is_set_aside_with_a_warning(tmp_path, raw):
    path = tmp_path / ".arena" / "progress.json"
    path.parent.mkdir()
    path.write_bytes(raw)
    loaded, warning = progress.load(path)
    assert loaded.rooms == {} and loaded.current is None
    assert warning and "could not be read" in warning
    kept = list(path.parent.glob("progress.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == raw
    assert not path.exists()
    progress.save(path, loaded)  # and the game goes on


def test_a_save_that_cannot_be_opened_is_never_set_aside(tmp_path, monkeypatch):
    """Permission denied is not corruption: the file stays, is named, and is not overwritten."""
    path = tmp_path / "progress.json"
    good = Progress(rooms={"a": RoomProgress(cleared_at="2024-01-01T00:00:00+00:00")})
    progress.save(path, good)
    before = path.read_bytes()
    real_open = open

    def denied(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", denied)
    loaded, warning = progress.load(path)
    assert loaded.rooms == {}
    assert str(path) in warning and "could not be opened" in warning
    assert "permission denied" in warning
    loaded.room("b").cleared_at = progress.now()
    with pytest.raises(progress.SaveError, match="could not be opened") as err:
        progress.save(path, loaded)
    assert str(path) in str(err.value)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.broken-*"))


def test_a_save_that_is_a_folder_is_not_set_aside(tmp_path):
    path = tmp_path / "progress.json"
    path.mkdir()
    loaded, warning = progress.load(path)
    assert str(path) in warning and path.is_dir()
    with pytest.raises(progress.SaveError):
        progress.save(path, loaded)
    assert path.is_dir() and not list(tmp_path.glob("*.broken-*"))


def test_a_file_broken_while_a_session_ran_is_set_aside_at_save(tmp_path):
    path = tmp_path / "progress.json"
    mine, _ = progress.load(path)
    path.write_text('{"rooms": [1]}')
    mine.room("a").cleared_at = progress.now()
    warnings = progress.save(path, mine)
    assert warnings and "kept as" in warnings[0]
    assert progress.load(path)[0].cleared_ids() == {"a"}
    assert len(list(tmp_path.glob("progress.json.broken-*"))) == 1


# ---------------------------------------------------------------- I/O failures


@pytest.fixture
def session(tmp_path) -> Session:
    return Session.open(tmp_path / "ws", FIXTURE_PACK)


def _enospc(*args, **kwargs):  # type: ignore[no-untyped-def]
    raise OSError(errno.ENOSPC, "No space left on device")


def test_full_disk_at_replace_shows_the_verdict_and_says_where(session, monkeypatch):
    entered = session.play("add-one")
    entered.path.write_text((PLAYERS / "pass.py").read_text())
    before = session.workspace.progress_file.read_bytes()
    monkeypatch.setattr(progress.os, "replace", _enospc)
    checked = session.check()
    assert checked.result.cleared and checked.reward is not None  # the verdict stands
    [problem] = session.save_problems
    assert "progress could not be saved" in problem and "the disk is full" in problem
    assert str(session.workspace.progress_file) in problem
    monkeypatch.undo()
    assert session.workspace.progress_file.read_bytes() == before  # the old save is whole
    assert [p.name for p in session.workspace.state_dir.iterdir()
            if p.name.startswith(".progress-")] == []  # no temp file left


def test_full_disk_at_write_is_told(session, monkeypatch):
    session.play("add-one")
    monkeypatch.setattr(progress.os, "fsync", _enospc)
    session.hint("add-one")
    assert any("the disk is full" in p for p in session.save_problems)


def test_read_only_workspace_is_told(session, monkeypatch):
    session.play("add-one")
    real_open = os.open

    def read_only(path, flags, *args):  # type: ignore[no-untyped-def]
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", read_only)
    session.hint("add-one")
    [problem] = session.save_problems
    assert "read-only" in problem and str(session.workspace.progress_file) in problem


def test_workspace_that_is_a_file(tmp_path):
    ws = tmp_path / "ws"
    ws.write_text("not a folder")
    session = Session.open(ws, FIXTURE_PACK)
    with pytest.raises(GameError, match="not a folder") as err:
        session.play("add-one")
    assert str(ws) in err.value.hint
    assert ws.read_text() == "not a folder"


def test_workspace_path_of_5000_characters(tmp_path):
    ws = tmp_path.joinpath(*["d" * 200] * 25)
    assert len(str(ws)) > 5000
    session = Session.open(ws, FIXTURE_PACK)
    [warning] = session.warnings
    assert "could not be opened (the path is too long)" in warning and len(warning) < 500
    with pytest.raises(GameError, match="too long"):
        session.play("add-one")
    session.save()
    assert session.save_problems and "too long" in session.save_problems[0]


def test_cli_shows_no_traceback_for_a_file_workspace(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from arena_dungeon.cli import app

    ws = tmp_path / "ws"
    ws.write_text("")
    monkeypatch.setenv("ARENA_CONTENT", str(FIXTURE_PACK))
    monkeypatch.setenv("ARENA_WORKSPACE", str(ws))
    result = CliRunner().invoke(app, ["play", "add-one"])
    assert result.exit_code == 1 and not isinstance(result.exception, OSError)
    assert "not a folder" in result.output
    assert "Traceback" not in result.output


def test_workspace_is_found_from_any_folder_inside_or_beside_it(tmp_path, monkeypatch):
    """From a room folder or deeper, or from the folder holding it, the same workspace."""
    from arena_dungeon.workspace import DEFAULT_NAME, Workspace, find

    monkeypatch.delenv("ARENA_WORKSPACE", raising=False)
    project = tmp_path / "project"
    ws = project / DEFAULT_NAME
    (ws / ".arena").mkdir(parents=True)
    (ws / "0.1-ray-tracing" / "notes").mkdir(parents=True)
    for start in (project, ws, ws / "0.1-ray-tracing", ws / "0.1-ray-tracing" / "notes"):
        assert find(start) == ws, start
        monkeypatch.chdir(start)
        assert Workspace().root == ws
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert find(elsewhere) == elsewhere / DEFAULT_NAME
