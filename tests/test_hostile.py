"""A hostile player file never clears a room, never outlives its check, never hangs the game.

Each fixture in tests/fixtures/hostile/ is a trick a cheating player or a code agent would
try, or a way to leave something running; docs/RELIABILITY.md lists them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from arena_dungeon.grading.runner import TMP_PREFIX, grade
from arena_dungeon.grading.vocabulary import Kind
from arena_dungeon.grading.worker import WarmWorker

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"

FORGERIES = ["patch_isclose", "patch_helper", "patch_plugin", "report_hook", "forge_fds",
             "forge_report_path", "subclass", "function_mode", "read_reference",
             "pytest_exit"]


@pytest.fixture
def add_one(fixture_content):
    return fixture_content.rooms["add-one"]


@pytest.fixture(scope="module")
def worker():
    with WarmWorker() as w:
        yield w


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


@pytest.mark.parametrize("warm", [False, True], ids=["cold", "warm"])
@pytest.mark.parametrize("name", FORGERIES)
def test_forgery_never_clears(add_one, name, warm, worker, monkeypatch):
    monkeypatch.setenv("ARENA_TEST_REFERENCE", str(add_one.solution))
    result = grade(add_one, HOSTILE / f"{name}.py", timeout=10,
                   worker=worker if warm else None)
    assert not result.cleared, f"{name} cleared the room"
    assert Kind.HARNESS not in result.failure_kinds, result.message


@pytest.mark.parametrize("name", ["patch_isclose", "patch_helper", "patch_plugin",
                                  "report_hook", "function_mode"])
def test_tampering_is_named(add_one, name):
    result = grade(add_one, HOSTILE / f"{name}.py", timeout=10)
    assert result.verdict == Kind.TAMPERED, (result.verdict, result.message)
    assert "tampered" in result.message


def test_forged_report_lines_void_the_verdict(add_one):
    result = grade(add_one, HOSTILE / "forge_fds.py", timeout=10)
    assert result.verdict == Kind.TAMPERED
    assert "report" in result.message


def test_reference_and_report_are_out_of_reach(add_one, monkeypatch):
    monkeypatch.setenv("ARENA_TEST_REFERENCE", str(add_one.solution))
    for name in ("read_reference", "forge_report_path", "read_environ", "walk_objects"):
        result = grade(add_one, HOSTILE / f"{name}.py", timeout=10)
        assert result.cases and all(c.kind == Kind.IMPORT for c in result.cases), name
        assert "not allowed" in result.cases[0].message or \
            "out of reach" in result.cases[0].message, result.cases[0].message


def test_subclass_is_not_judged(add_one):
    case = grade(add_one, HOSTILE / "subclass.py", timeout=10).cases[0]
    assert case.kind == Kind.TYPE and "plain torch.Tensor" in case.message


def test_stopping_the_run_early_is_not_a_clear(add_one):
    result = grade(add_one, HOSTILE / "pytest_exit.py", timeout=10)
    assert result.verdict == Kind.CRASH
    assert "vector" in result.message


@pytest.mark.parametrize("warm", [False, True], ids=["cold", "warm"])
def test_forked_processes_end_with_the_check(add_one, warm, tmp_path, monkeypatch):
    pids = tmp_path / "pids"
    monkeypatch.setenv("ARENA_TEST_PIDS", str(pids))  # before the worker starts: it inherits
    with WarmWorker() as worker:
        result = grade(add_one, HOSTILE / "forks.py", timeout=10,
                       worker=worker if warm else None)
    assert result.cleared  # forking is allowed; outliving the check is not
    started = [int(p) for p in pids.read_text().split()]
    deadline = time.monotonic() + 3
    while any(_alive(p) for p in started) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in started if _alive(p)]
    assert not [p for p in _session_escapees(started[0])]


def _session_escapees(first: int) -> list[int]:
    """Processes still sleeping in the fixture's new session (its orphaned grandchild)."""
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_bytes()
            except OSError:
                continue
            fields = stat.rsplit(b")", 1)[1].split()
            if int(fields[3]) == first and fields[0] != b"Z":  # session id
                found.append(int(name))
    return found


@pytest.mark.parametrize("warm", [False, True], ids=["cold", "warm"])
def test_thread_left_running_is_named_the_same_way(add_one, warm, worker):
    start = time.monotonic()
    result = grade(add_one, HOSTILE / "thread.py", timeout=10, worker=worker if warm else None)
    assert time.monotonic() - start < 8
    assert result.verdict == Kind.THREAD and "`spinner`" in result.message
    assert not result.cleared


def test_signalling_the_parent_is_refused_and_the_worker_lives(add_one, worker):
    result = grade(add_one, HOSTILE / "stop_parent.py", timeout=10, worker=worker)
    assert result.cleared  # the attempt raised PermissionError, which the file caught
    assert worker.alive() and grade(add_one, add_one.solution, worker=worker).cleared


def test_a_stopped_worker_is_killed_and_replaced(add_one, tmp_path, monkeypatch):
    monkeypatch.setenv("ARENA_TEST_PIDS", str(tmp_path / "pid"))
    with WarmWorker() as w:
        assert w.wait_ready()
        first = w.proc.pid

        def stop_worker(done: int, total: int, text: str) -> None:
            os.kill(first, signal.SIGSTOP)

        start = time.monotonic()
        result = grade(add_one, HOSTILE / "hang_pid.py", timeout=2, worker=w,
                       on_progress=stop_worker)
        assert result.verdict == Kind.TIMEOUT
        assert time.monotonic() - start < 20
        assert grade(add_one, add_one.solution, worker=w).cleared
        assert w.proc.pid != first


@pytest.mark.parametrize("kind", ["fifo", "device", "huge", "binary"])
def test_odd_files_are_refused_before_grading(add_one, tmp_path, kind):
    path = tmp_path / "01_add_one.py"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "huge":
        path.write_text("# x\n" * 400_000)
    else:
        path.write_bytes(b"def add_one(x):\n    return x + 1 \xff\n")
    start = time.monotonic()
    result = grade(add_one, path, timeout=5)
    assert result.verdict == Kind.UNREADABLE and time.monotonic() - start < 2, result.message


def _grading_children(arena_pid: int) -> list[int]:
    return [int(p) for p in os.listdir("/proc") if p.isdigit() and _parent(int(p)) == arena_pid]


def _parent(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return -1


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_killing_arena_check_ends_the_grading_child(pack, tmp_path, sig):
    """The grading child dies with `arena check`, however it is ended; no folder is left."""
    ws = tmp_path / "ws"
    env = {**os.environ, "ARENA_WORKSPACE": str(ws), "ARENA_CONTENT": str(pack),
           "ARENA_TEST_PIDS": str(tmp_path / "pid")}
    arena = [sys.executable, "-m", "arena_dungeon"]
    subprocess.run([*arena, "play", "add-one"], env=env, capture_output=True, check=True)
    target = next(ws.glob("*/*add_one.py"))
    target.write_text((HOSTILE / "hang_pid.py").read_text())
    proc = subprocess.Popen([*arena, "check"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not (tmp_path / "pid").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
    graded = int((tmp_path / "pid").read_text())
    assert _alive(graded)
    proc.send_signal(sig)
    proc.wait(timeout=10)
    deadline = time.monotonic() + 5
    while _alive(graded) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(graded)
    leftovers = [p for p in Path(tempfile.gettempdir()).glob(f"{TMP_PREFIX}{proc.pid}-*")]
    if sig != signal.SIGKILL:
        assert not leftovers
    else:  # nothing could clean up: the next check sweeps the folder of a dead process
        from arena_dungeon.grading.runner import sweep_stale_folders

        sweep_stale_folders()
        assert not [p for p in leftovers if p.exists()]
