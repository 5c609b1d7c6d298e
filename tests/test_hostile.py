"""A hostile player file never clears a room, never outlives its check, never hangs the game.

Each fixture in tests/fixtures/hostile/ is a trick a cheating player or a code agent would
try, or a way to leave something running; docs/RELIABILITY.md lists them.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import time
from pathlib import Path

import pytest

from arena_dungeon.grading.child import alive
from arena_dungeon.grading.runner import TMP_PREFIX, grade
from arena_dungeon.grading.vocabulary import Kind
from arena_dungeon.grading.worker import WarmWorker
from tests import graded
from tests.processes import gone, hanging_check

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"

# Each trick, and the verdict that stops it (on both grading paths).
FORGERIES = {
    "patch_isclose": Kind.TAMPERED,  # torch.isclose replaced by all-True
    "patch_helper": Kind.TAMPERED,  # the test helpers replaced
    "patch_plugin": Kind.TAMPERED,  # the plugin's case record rewritten
    "report_hook": Kind.TAMPERED,  # a tryfirst report hook registered
    "function_mode": Kind.TAMPERED,  # a torch function mode left active
    "forge_fds": Kind.TAMPERED,  # a whole passing run written to every descriptor
    "subclass": Kind.TYPE,  # a __torch_function__ subclass that agrees with everything
    "pytest_exit": Kind.CRASH,  # pass one case, then stop the run
    "forge_report_path": Kind.IMPORT,  # reopen the report by path (refused)
    "read_reference": Kind.IMPORT,  # import the reference solution (refused)
    "read_environ": Kind.IMPORT,  # read the run's token from /proc/self/environ (refused)
    "walk_objects": Kind.IMPORT,  # walk the interpreter's objects (refused)
}


@pytest.fixture
def add_one(fixture_content):
    return fixture_content.rooms["add-one"]


@pytest.fixture(scope="module")
def worker():
    """A warm worker whose environment names the reference (as a player could find it)."""
    from tests.conftest import FIXTURE_PACK

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ARENA_TEST_REFERENCE",
                  str(FIXTURE_PACK / "dungeons" / "9.9-fixture" / "01-add-one" / "solution.py"))
        w = WarmWorker()
    with w:
        yield w


@pytest.mark.parametrize("warm", [False, True], ids=["cold", "warm"])
@pytest.mark.parametrize("name", list(FORGERIES))
def test_forgery_never_clears(add_one, name, warm, worker, monkeypatch):
    monkeypatch.setenv("ARENA_TEST_REFERENCE", str(add_one.solution))
    result = graded.kept(add_one, HOSTILE / f"{name}.py", f"{'warm' if warm else 'cold'}:10",
                         lambda: grade(add_one, HOSTILE / f"{name}.py", timeout=10,
                                       worker=worker if warm else None))
    assert not result.cleared, f"{name} cleared the room"
    assert Kind.HARNESS not in result.failure_kinds, result.message
    expected = FORGERIES[name]
    assert expected in result.failure_kinds, (result.verdict, result.message)
    if expected is Kind.TAMPERED:
        assert "tampered" in result.message
    elif expected is Kind.IMPORT:
        assert "not allowed" in result.cases[0].message or \
            "out of reach" in result.cases[0].message, result.cases[0].message
    elif expected is Kind.TYPE:
        assert "plain torch.Tensor" in result.cases[0].message
    else:
        assert "vector" in result.message  # the first case the run never reached


@pytest.mark.parametrize("warm", [False, True], ids=["cold", "warm"])
def test_forked_processes_end_with_the_check(add_one, warm, tmp_path, monkeypatch):
    pids = tmp_path / "pids"
    monkeypatch.setenv("ARENA_TEST_PIDS", str(pids))  # before the worker starts: it inherits
    with WarmWorker() if warm else contextlib.nullcontext() as worker:
        result = grade(add_one, HOSTILE / "forks.py", timeout=10, worker=worker)
    assert result.cleared  # forking is allowed; outliving the check is not
    started = [int(p) for p in pids.read_text().split()]
    deadline = time.monotonic() + 3
    while any(alive(p) for p in started) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in started if alive(p)]
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
    monkeypatch.setattr("arena_dungeon.grading.worker.ANSWER_LIMIT", 1.0)  # 10 s in play
    with WarmWorker() as w:
        assert w.wait_ready()
        first = w.proc.pid

        def stop_worker(done: int, total: int, text: str) -> None:
            os.kill(first, signal.SIGSTOP)

        start = time.monotonic()
        result = grade(add_one, HOSTILE / "hang_pid.py", timeout=1, worker=w,
                       on_progress=stop_worker)
        assert result.verdict == Kind.TIMEOUT
        assert time.monotonic() - start < 10
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
    env = {**os.environ, "ARENA_WORKSPACE": str(tmp_path / "ws"), "ARENA_CONTENT": str(pack),
           "ARENA_TEST_PIDS": str(tmp_path / "pid")}
    proc, graded = hanging_check(env, tmp_path / "pid")
    proc.send_signal(sig)
    proc.wait(timeout=10)
    assert gone(graded)
    leftovers = [p for p in Path(tempfile.gettempdir()).glob(f"{TMP_PREFIX}{proc.pid}-*")]
    if sig != signal.SIGKILL:
        assert not leftovers
    else:  # nothing could clean up: the next check sweeps the folder of a dead process
        from arena_dungeon.grading.runner import sweep_stale_folders

        sweep_stale_folders()
        assert not [p for p in leftovers if p.exists()]


def test_a_players_module_named_like_the_standard_library_does_not_stop_the_warm_worker(
        tmp_path, monkeypatch, add_one):
    """A learner's folder holding `profile.py` (torch imports the standard one) once made
    every warm process die at start: `python -m` put the folder first on sys.path."""
    (tmp_path / "profile.py").write_text("raise RuntimeError('not the standard library')\n")
    monkeypatch.chdir(tmp_path)
    with WarmWorker() as worker:
        assert worker.wait_ready()
        assert grade(add_one, add_one.solution, worker=worker).cleared
