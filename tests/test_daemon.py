"""The grading daemon: later `arena check`s are warm, with the cold path's verdicts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from arena_dungeon.content import fingerprint
from arena_dungeon.grading import daemon
from arena_dungeon.grading.runner import grade
from arena_dungeon.grading.worker import WorkerGone
from tests import graded

PLAYERS = Path(__file__).parent / "fixtures" / "players"


def _start(ws: Path, fp: str) -> tuple[Path, str]:
    """A daemon for a fresh workspace, started the way the first `arena check` starts it."""
    ws.mkdir()
    assert daemon.client(ws, fp) is None  # the first check grades cold, and starts it
    deadline = time.monotonic() + 120
    while not daemon.status(ws).running and time.monotonic() < deadline:
        time.sleep(0.05)
    assert daemon.status(ws).running
    return ws, fp


@pytest.fixture
def served(tmp_path, fixture_content, monkeypatch):
    """A daemon of this test's own (it may be stopped or made stale)."""
    monkeypatch.delenv(daemon.DISABLE_ENV, raising=False)
    ws, fp = _start(tmp_path / "ws", fingerprint(fixture_content.root))
    yield ws, fp
    daemon.stop(ws)


@pytest.fixture(scope="module")
def shared_daemon(tmp_path_factory):
    """One daemon for the verdict comparisons, started when the first of them needs it
    (starting one imports torch: seconds; with every verdict in the cache, none does)."""
    from arena_dungeon.content import load
    from tests.conftest import FIXTURE_PACK

    started: list[tuple[Path, str]] = []

    def get() -> tuple[Path, str]:
        if not started:
            with pytest.MonkeyPatch.context() as mp:
                mp.delenv(daemon.DISABLE_ENV, raising=False)
                started.append(_start(tmp_path_factory.mktemp("daemon") / "ws",
                                      fingerprint(load(FIXTURE_PACK).root)))
        return started[0]

    yield get
    if started:
        daemon.stop(started[0][0])


def _seen(result):
    return (result.cleared, result.verdict, result.message,
            [(c.name, c.kind, c.message) for c in result.cases],
            [p.caption for p in result.pictures])


@pytest.mark.parametrize("name", ["pass", "wrong_values", "raises", "osexit", "sysexit",
                                  "import_error", "missing", "hang"])
def test_daemon_verdicts_match_cold(shared_daemon, fixture_content, name, monkeypatch,
                                   tmp_path_factory):
    monkeypatch.delenv(daemon.DISABLE_ENV, raising=False)
    room = fixture_content.rooms["add-one"]

    def through_the_daemon():
        ws, fp = shared_daemon()
        worker = daemon.client(ws, fp)
        assert isinstance(worker, daemon.DaemonWorker)
        result = grade(room, PLAYERS / f"{name}.py", worker=worker, timeout=graded.LIMIT)
        deadline = time.monotonic() + 5  # it counts the job just after answering
        while daemon.status(ws).jobs < 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert daemon.status(ws).jobs >= 1
        return result

    warm = graded.kept(room, PLAYERS / f"{name}.py", f"daemon:{graded.LIMIT}", through_the_daemon)
    assert _seen(warm) == _seen(graded.cold(tmp_path_factory, room, PLAYERS / f"{name}.py"))


def test_a_stale_daemon_refuses_and_the_check_goes_cold(served, fixture_content):
    ws, _ = served
    room = fixture_content.rooms["add-one"]
    stale = daemon.DaemonWorker(ws, "another-package")
    with pytest.raises(WorkerGone):
        stale.start(["--help"], ws, ws / "out.txt", "t")
    deadline = time.monotonic() + 5
    while daemon.status(ws).running and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not daemon.status(ws).running  # it exited: the next check starts a fresh one
    assert grade(room, PLAYERS / "pass.py", worker=stale).cleared  # cold, same verdict


def test_each_workspace_has_its_own_daemon(tmp_path):
    assert daemon.paths(tmp_path / "a")[0] != daemon.paths(tmp_path / "b")[0]


def test_idle_daemon_exits_by_itself(tmp_path, fixture_content, monkeypatch):
    monkeypatch.setenv(daemon.IDLE_ENV, "1")
    monkeypatch.delenv(daemon.DISABLE_ENV, raising=False)
    ws = tmp_path / "idle"
    ws.mkdir()
    daemon.client(ws, fingerprint(fixture_content.root))
    deadline = time.monotonic() + 120
    while not daemon.status(ws).running and time.monotonic() < deadline:
        time.sleep(0.05)
    deadline = time.monotonic() + 10
    while daemon.status(ws).running and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not daemon.status(ws).running


@pytest.mark.parametrize("switch", [daemon.DISABLE_ENV, daemon.ONLY_ENV])
def test_no_daemon_when_disabled(tmp_path, fixture_content, monkeypatch, switch):
    monkeypatch.delenv(daemon.DISABLE_ENV, raising=False)
    monkeypatch.setenv(switch, "1")
    assert daemon.client(tmp_path, fingerprint(fixture_content.root)) is None
    time.sleep(0.3)
    assert not daemon.status(tmp_path).running


def test_daemon_commands(served, fixture_content, monkeypatch):
    """`arena daemon status` and `stop` (one daemon: starting one imports torch)."""
    from typer.testing import CliRunner

    from arena_dungeon.cli import app

    ws, _ = served
    assert daemon.status(ws).pid
    monkeypatch.setenv("ARENA_CONTENT", str(fixture_content.root))
    runner = CliRunner()
    out = runner.invoke(app, ["--workspace", str(ws), "daemon", "status"]).output
    assert "warm grader running" in out
    out = runner.invoke(app, ["--workspace", str(ws), "daemon", "stop"]).output
    assert "stopped" in out and not daemon.status(ws).running
    out = runner.invoke(app, ["--workspace", str(ws), "daemon", "status"]).output
    assert "no warm grader is running" in out
    assert not daemon.stop(ws)  # nothing left to stop


class _LateWorker:
    """A warm worker whose job starts but whose confirmation comes too late: the checker
    gives up (WorkerGone) while the child is already writing its report."""

    def __init__(self, worker):
        self.worker = worker

    def start(self, args, cwd, output, token):
        from arena_dungeon.grading.worker import WorkerGone

        self.child = self.worker.start(args, cwd, output, token)
        raise WorkerGone


def test_a_late_warm_child_never_spoils_the_cold_verdict(fixture_content, warm_worker):
    """Seen on a busy machine: the daemon confirmed a job after the checker's 0.5 s, the
    checker graded cold into the same report, and an honest file got `tampered`."""
    room = fixture_content.rooms["add-one"]
    late = _LateWorker(warm_worker)
    result = grade(room, PLAYERS / "pass.py", worker=late)
    assert result.cleared, result.message
    late.child.finish()


def test_a_job_whose_checker_hung_up_is_stopped(shared_daemon, fixture_content, tmp_path):
    import json
    import socket

    from arena_dungeon.grading import child

    ws, fp = shared_daemon()
    room = fixture_content.rooms["add-one"]
    (tmp_path / "report.jsonl").touch()
    args = child.pytest_args(room, PLAYERS / "hang.py", tmp_path / "report.jsonl")
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.connect(str(daemon.paths(ws)[0]))
    conn.sendall((json.dumps({"key": daemon.key(fp), "args": args, "cwd": str(tmp_path),
                              "output": str(tmp_path / "out.txt"), "token": "t"}) + "\n")
                 .encode())
    pid = json.loads(conn.makefile("rb").readline())["pid"]
    conn.close()  # the checker gives up
    deadline = time.monotonic() + 5
    while child.alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not child.alive(pid)


def _daemons_of(ws: Path) -> list[int]:
    import os

    from arena_dungeon.grading import child

    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                cmd = Path(f"/proc/{name}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"arena_dungeon.grading.daemon" in cmd and str(ws.resolve()).encode() in cmd \
                    and child.alive(int(name)):
                found.append(int(name))
    return found


def test_two_checks_at_once_start_one_daemon(tmp_path, fixture_content, monkeypatch):
    """Seen on a busy machine: while the first daemon still imported torch, the next check
    saw none running and started another (300 MB each, both alive for 15 idle minutes)."""
    monkeypatch.delenv(daemon.DISABLE_ENV, raising=False)
    ws = tmp_path / "ws"
    ws.mkdir()
    key = daemon.key(fingerprint(fixture_content.root))
    daemon.start_in_background(ws, key)
    daemon.start_in_background(ws, key)  # as a second check would, before the first is ready
    deadline = time.monotonic() + 120
    while not daemon.status(ws).running and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    try:
        assert len(_daemons_of(ws)) == 1
        assert daemon.client(ws, fingerprint(fixture_content.root)) is not None
    finally:
        daemon.stop(ws)
