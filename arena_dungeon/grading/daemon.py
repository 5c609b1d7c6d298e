"""A grading daemon: the warm worker of watch mode, kept alive between `arena check`s.

Like dmypy or the Gradle daemon: the first `arena check` from the shell starts it in the
background and grades cold; later checks hand it the job over a Unix socket and it forks
a fresh grading child from its warm (torch and pytest already imported) process, exactly
as watch mode's worker does (`worker._run_job`). The checking command stays the child's
judge: it reads the report, enforces the time limit and kills the child's process group,
as on the cold path; the daemon also kills a job that outlives its limit by far.

It serves one workspace (the socket's name is derived from it, in a folder only this user
can enter), one job at a time, refuses to serve once the package, Python or content it
started with changed (it exits, and the check goes cold), and exits by itself after
`IDLE_LIMIT` seconds without a job. Any fault on the way is `WorkerGone`: the runner then
grades cold, with the same verdict.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from arena_dungeon.grading import child
from arena_dungeon.grading.worker import PRELOAD, WorkerGone, _run_job
from arena_dungeon.launcher import private_folder, stamp

IDLE_LIMIT = 15 * 60.0  # seconds without a job before the daemon exits
CONNECT_LIMIT = 0.5  # seconds to reach a daemon that is busy or gone before grading cold
JOB_LIMIT = 900.0  # seconds: a job the daemon kills even if its checker went away
DISABLE_ENV = "ARENA_NO_DAEMON"  # set: every `arena check` grades cold (and no launcher)
ONLY_ENV = "ARENA_NO_GRADER"  # set: every `arena check` grades cold (the launcher still runs)
IDLE_ENV = "ARENA_DAEMON_IDLE"  # seconds, to override IDLE_LIMIT


def paths(workspace: Path) -> tuple[Path, Path]:
    """The daemon's socket and its state file (pid, key) for `workspace`, in the user's
    private folder (OSError if it is someone else's: never talk to a socket they control)."""
    name = hashlib.sha256(str(workspace.resolve()).encode()).hexdigest()[:20]
    home = Path(private_folder())
    return home / f"{name}.sock", home / f"{name}.json"


def key(content_fingerprint: str) -> str:
    """What the daemon must have started with to serve: package, Python, content."""
    return hashlib.sha256(f"{stamp()}|{content_fingerprint}".encode()).hexdigest()[:24]


@dataclass
class Status:
    running: bool
    pid: int | None = None
    started: float | None = None
    last_job: float | None = None
    jobs: int = 0
    socket: Path | None = None


def status(workspace: Path) -> Status:
    """What the workspace's daemon is doing (for `arena daemon status`)."""
    try:
        sock, state = paths(workspace)
        info = json.loads(state.read_text())
    except (WorkerGone, OSError, ValueError):
        return Status(False)
    pid = info.get("pid")
    alive = isinstance(pid, int) and child.alive(pid) and sock.exists()
    return Status(alive, pid if alive else None, info.get("started"), info.get("last_job"),
                  int(info.get("jobs", 0)), sock if alive else None)


def stop(workspace: Path) -> bool:
    """End the workspace's daemon; True if one was running."""
    now = status(workspace)
    if not now.running or now.pid is None:
        return False
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(now.pid, signal.SIGTERM)
    deadline = time.monotonic() + 5
    while child.alive(now.pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    return True


def start_in_background(workspace: Path, daemon_key: str) -> None:
    """Start a daemon for `workspace` unless one is running; returns at once."""
    if status(workspace).running:
        return
    with contextlib.suppress(OSError):
        cwd, env = child.warm_process_start()
        subprocess.Popen([sys.executable, "-m", "arena_dungeon.grading.daemon",
                          str(workspace.resolve()), daemon_key],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, env=env, cwd=cwd,
                         start_new_session=True, close_fds=True)


# ------------------------------------------------------------------ the client side


class _Lines:
    """JSON lines from a socket, with a timeout per call and nothing lost between calls."""

    def __init__(self, conn: socket.socket) -> None:
        self.conn = conn
        self.buffer = bytearray()

    def next(self, timeout: float | None) -> dict[str, Any] | None:
        """The next message; None when the other side closed; TimeoutError if none came."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if left == 0.0:
                raise TimeoutError
            self.conn.settimeout(left)
            try:
                chunk = self.conn.recv(4096)
            except TimeoutError:
                raise TimeoutError from None
            except OSError:
                return None
            if not chunk:
                return None
            self.buffer += chunk
        line, _, rest = bytes(self.buffer).partition(b"\n")
        self.buffer = bytearray(rest)
        try:
            msg = json.loads(line)
        except ValueError:
            return None
        return msg if isinstance(msg, dict) else None


class DaemonChild:
    """One job running in a child of the daemon (the runner's view of it)."""

    def __init__(self, pid: int, lines: _Lines) -> None:
        self.pid = pid
        self.lines = lines
        self.returncode: int | None = None

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            try:
                msg = self.lines.next(timeout)
            except TimeoutError:
                raise subprocess.TimeoutExpired("daemon child", timeout or 0) from None
            code = msg.get("code") if msg else None
            self.returncode = code if isinstance(code, int) else -9
            self.lines.conn.close()
        return self.returncode

    def finish(self) -> None:
        try:
            self.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.returncode = -9
            self.lines.conn.close()


class DaemonWorker:
    """The checking command's handle on the workspace's daemon (one job)."""

    def __init__(self, workspace: Path, daemon_key: str) -> None:
        self.workspace = workspace
        self.key = daemon_key

    def start(self, args: list[str], cwd: Path, output: Path, token: str) -> DaemonChild:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock, _ = paths(self.workspace)
            conn.settimeout(CONNECT_LIMIT)
            conn.connect(str(sock))
            conn.sendall((json.dumps({"key": self.key, "args": args, "cwd": str(cwd),
                                      "output": str(output), "token": token}) + "\n").encode())
            lines = _Lines(conn)
            msg = lines.next(CONNECT_LIMIT)
        except (OSError, TimeoutError, WorkerGone):
            # Hanging up tells a daemon that took the job late to stop it (`_serve_one`).
            conn.close()
            raise WorkerGone from None
        if not msg or not isinstance(msg.get("pid"), int):
            conn.close()
            raise WorkerGone
        return DaemonChild(msg["pid"], lines)


def client(workspace: Path, content_fingerprint: str) -> DaemonWorker | None:
    """The daemon to grade with, if a fresh one runs; else start one for next time."""
    if os.environ.get(DISABLE_ENV) or os.environ.get(ONLY_ENV):
        return None
    try:
        daemon_key = key(content_fingerprint)
        running = status(workspace)
    except (OSError, WorkerGone):
        return None
    if running.running:
        return DaemonWorker(workspace, daemon_key)
    if not _starting_or_running(workspace):  # (one still importing torch: wait for it)
        start_in_background(workspace, daemon_key)
    return None


# ------------------------------------------------------------------ the daemon itself


def _lock_path(workspace: Path) -> Path:
    return paths(workspace)[0].with_suffix(".lock")


def _take_lock(workspace: Path) -> IO[str] | None:
    """The workspace's daemon lock, taken (held while the file stays open), or None when a
    daemon holds it: from its first instant, while it still imports torch, until it exits
    (the kernel lets go if it dies)."""
    lock = open(_lock_path(workspace), "a")  # noqa: SIM115 - the caller keeps or closes it
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        return None
    return lock


def _starting_or_running(workspace: Path) -> bool:
    try:
        lock = _take_lock(workspace)
    except OSError:
        return False
    if lock is None:
        return True
    lock.close()
    return False


def serve(workspace: Path, daemon_key: str) -> None:
    """Listen for jobs until idle, stale or told to stop. One daemon a workspace: a second
    one started meanwhile (two checks at once) finds the lock taken and exits at once."""
    import importlib

    lock = _take_lock(workspace)  # held for the daemon's life
    if lock is None:
        return
    sock_path, state = paths(workspace)
    with contextlib.suppress(FileNotFoundError):
        sock_path.unlink()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(sock_path))
    os.chmod(sock_path, 0o600)
    server.listen(4)
    child.adopt_orphans()
    for name in PRELOAD:
        importlib.import_module(name)
    import gc

    gc.collect()
    gc.freeze()
    info: dict[str, Any] = {"pid": os.getpid(), "started": time.time(), "last_job": None,
                            "jobs": 0, "key": daemon_key}
    _write_state(state, info)
    signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        server.settimeout(float(os.environ.get(IDLE_ENV, IDLE_LIMIT)))
        while True:
            try:
                conn, _ = server.accept()
            except TimeoutError:
                return  # idle: exit by itself
            with conn:
                if not _serve_one(conn, daemon_key):
                    return  # stale: the package or content changed
            info["jobs"] += 1
            info["last_job"] = time.time()
            _write_state(state, info)
    finally:
        with contextlib.suppress(OSError):
            sock_path.unlink()
        with contextlib.suppress(OSError):
            state.unlink()


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _write_state(state: Path, info: dict[str, Any]) -> None:
    tmp = state.with_suffix(".tmp")
    tmp.write_text(json.dumps(info))
    os.replace(tmp, state)


def _hung_up(conn: socket.socket) -> bool:
    """The checker closed its end (it gave up waiting, or was killed). Never waits: select
    says whether there is anything to read (a socket with a timeout would wait in recv)."""
    import select

    try:
        readable, _, _ = select.select([conn], [], [], 0)
        return bool(readable) and conn.recv(1, socket.MSG_PEEK) == b""
    except (TimeoutError, BlockingIOError, InterruptedError):
        return False
    except OSError:
        return True


def _serve_one(conn: socket.socket, daemon_key: str) -> bool:
    """Run one job; False if the client's package/content differs from ours."""
    conn.settimeout(5)
    try:
        job = json.loads(conn.makefile("rb").readline() or b"{}")
    except (OSError, ValueError):
        return True
    if job.get("key") != daemon_key:
        with contextlib.suppress(OSError):
            conn.sendall(b'{"stale": true}\n')
        return False
    pid = os.fork()
    if pid == 0:
        conn.close()
        _run_job(job)
    try:
        conn.sendall((json.dumps({"pid": pid}) + "\n").encode())
    except OSError:
        pass
    deadline = time.monotonic() + JOB_LIMIT
    while True:
        done, status_ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline or _hung_up(conn):  # nobody waits for this job
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
        time.sleep(0.002)
    code = os.waitstatus_to_exitcode(status_)
    child.kill_descendants()
    with contextlib.suppress(OSError):
        conn.sendall((json.dumps({"exit": pid, "code": code}) + "\n").encode())
    return True


if __name__ == "__main__":
    serve(Path(sys.argv[1]), sys.argv[2])
