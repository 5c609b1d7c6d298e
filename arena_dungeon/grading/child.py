"""Setting up a grading child, shared by the cold path (runner) and the warm worker.

One place decides the child's command line, environment and limits, and how every
process it starts ends with it: the child is a session leader with a memory cap, dies
with its parent (parent-death signal), adopts its orphaned descendants (a subreaper) and
kills them all before it exits; each process the player's code forks inherits the
parent-death signal, so a chain of forks dies link by link if the grader is killed.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from arena_dungeon.content import Room

INI = Path(__file__).with_name("pytest.ini")
MEMORY_LIMIT = 8 * 1024**3  # address space for the child: a runaway allocation fails fast
# pytest plugins grading never needs (room tests use none of their fixtures). The
# unraisableexception plugin alone costs two full gc.collect() passes at exit, ~0.3 s with
# torch loaded; logging wraps every phase of every case in log capture, ~10 ms a grading.
UNUSED_PLUGINS = ("cacheprovider", "unraisableexception", "threadexception", "doctest",
                  "junitxml", "pastebin", "stepwise", "setuponly", "setupplan", "debugging",
                  "legacypath", "faulthandler", "logging", "unittest", "recwarn", "subtests")
TOKEN_ENV = "ARENA_REPORT_TOKEN"  # read and removed by the plugin before any player code

_PR_SET_PDEATHSIG = 1
_PR_SET_CHILD_SUBREAPER = 36


def pytest_args(room: Room, target: Path, report: Path,
                cases: Sequence[str] = (), draw: int = 0) -> list[str]:
    """pytest's arguments for grading `target` (the same for the cold and warm paths);
    `cases` (test function names) runs only those, else every case."""
    unused = [arg for name in UNUSED_PLUGINS for arg in ("-p", f"no:{name}")]
    content_root = room.folder.parent.parent.parent
    tests = [f"{room.tests}::{case}" for case in cases] or [str(room.tests)]
    # --tb=native: pytest's own traceback report costs ~25-100 ms a failed case (it reads and
    # lays out source for every frame); the verdict comes from the exception itself
    # (verdicts.classify), and the native form is what `arena check -v` shows.
    return [*tests, "-q", "--tb=native", "-c", str(INI), "--rootdir", str(room.folder),
            "--noconftest", *unused, "-p", "arena_dungeon.grading.plugin",
            "--arena-target", str(target), "--arena-entry", room.entry,
            "--arena-report", str(report), "--arena-content", str(content_root),
            *(["--arena-typecheck"] if room.typecheck else []),
            *(["--arena-draw", str(draw)] if draw else []),
            *[arg for folder in room.given_dirs for arg in ("--arena-given-dir", str(folder))]]


def pytest_command(room: Room, target: Path, report: Path,
                   cases: Sequence[str] = (), draw: int = 0) -> list[str]:
    """The cold child's command line."""
    return [sys.executable, "-m", "pytest", *pytest_args(room, target, report, cases, draw)]


def warm_process_start() -> tuple[Path, dict[str, str]]:
    """Where a warm worker or daemon starts, and its environment: an empty folder of ours, and
    no current folder on sys.path (PYTHONSAFEPATH, Python 3.11+). `python -m` would otherwise
    put the player's folder first on sys.path, where a `profile.py` or `random.py` of theirs
    shadows the standard library module torch imports, and the warm process dies at start."""
    import tempfile

    folder = Path(tempfile.gettempdir()) / f"arena-empty-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder, {**child_env(), "PYTHONSAFEPATH": "1"}


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop(TOKEN_ENV, None)
    env.update(PYTEST_DISABLE_PLUGIN_AUTOLOAD="1", PYTHONDONTWRITEBYTECODE="1",
               PYTHONHASHSEED="0", OMP_NUM_THREADS=env.get("OMP_NUM_THREADS", "1"))
    return env


def _prctl(option: int, value: int) -> None:
    """Linux prctl; a no-op elsewhere (the process group kill still applies)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(option, value, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def die_with_parent() -> None:
    """SIGKILL this process when the process (thread) that started it ends."""
    _prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL))


def adopt_orphans() -> None:
    """Become a subreaper: descendants whose parent dies are re-parented here, not to init."""
    _prctl(_PR_SET_CHILD_SUBREAPER, 1)


def limit_memory() -> None:
    """Cap the child's address space (runs in the child, before the player's code)."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ImportError, ValueError, OSError):
        pass


def become_grader() -> None:
    """Everything a grading child sets on itself before pytest starts (both paths)."""
    die_with_parent()
    adopt_orphans()
    limit_memory()
    os.register_at_fork(after_in_child=die_with_parent)


def alive(pid: int) -> bool:
    """Whether process `pid` is running (someone else's counts: it can't be signalled, but
    is); a zombie, which has exited and waits only to be reaped by its parent, does not."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    if not sys.platform.startswith("linux"):
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            state = f.read().rsplit(b")", 1)[1].split()[0]
    except FileNotFoundError:  # it ended just now
        return False
    except (OSError, IndexError):
        return True
    return state != b"Z"


def children_of(pid: int) -> list[int]:
    """The live children of `pid` (Linux /proc; empty elsewhere)."""
    found = []
    try:
        names = os.listdir("/proc")
    except OSError:
        return []
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        # Fields after the command name, which is in parentheses and may hold spaces.
        rest = stat[stat.rfind(b")") + 2:].split()
        if len(rest) > 1 and int(rest[1]) == pid and rest[0] != b"Z":
            found.append(int(name))
    return found


def kill_descendants(pid: int | None = None, *, rounds: int = 50) -> int:
    """Kill every descendant of `pid` (default: this process) and reap them; returns how many.

    Works for a subreaper: as each child dies, its own children are re-parented to us and
    found on the next round.
    """
    me = os.getpid() if pid is None else pid
    killed = 0
    for _ in range(rounds):
        kids = children_of(me)
        if not kids:
            break
        for kid in kids:
            try:
                os.kill(kid, signal.SIGKILL)
                killed += 1
            except (ProcessLookupError, PermissionError):
                pass
        if me == os.getpid():
            _reap()
        else:
            time.sleep(0.01)
    if me == os.getpid():
        _reap()
    return killed


def _reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.005)
            if not children_of(os.getpid()):
                return
