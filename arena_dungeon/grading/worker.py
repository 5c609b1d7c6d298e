"""A warm grading worker: imports torch and pytest once, then forks a fresh child per job.

Each job is the same pytest command line as the cold path (`child.pytest_args`), run by
`pytest.main` in a child forked from this warm process and set up by `child.become_grader`
exactly like a cold child: the player's code still runs in its own process (its own
session, memory limit and output file), and nothing it imports survives into the next
job. The worker adopts what a job leaves behind and kills it before the next job.

Protocol: the worker prints {"ready": true}; for each job line {"args", "cwd", "output",
"token"} it prints {"pid": N} once the child runs, then {"exit": N, "code": C} when it ends
(C < 0 for a signal, like subprocess). Every wait on the parent's side is bounded: a
worker that stops answering is killed, and the next job starts a new one.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Protocol

from arena_dungeon.grading import child

# torch._dynamo: building any torch.optim optimizer imports it (1.3 s), in every room that
# trains; the warm process pays it once instead.
PRELOAD = ("torch", "torch._dynamo", "torch.optim", "numpy", "einops", "jaxtyping", "pytest",
           "_pytest.python", "_pytest.assertion.rewrite", "arena_dungeon.testing",
           "arena_dungeon.grading.plugin")
ANSWER_LIMIT = 10.0  # seconds the worker may take to answer a message
READY_LIMIT = 180.0  # seconds for a new worker to import torch and pytest


class WorkerGone(Exception):
    """The warm worker is not running; the caller falls back to a cold child."""


class GradingChild(Protocol):
    """A job running in a warm process's fork, as the runner waits on it."""

    pid: int
    returncode: int | None

    def wait(self, timeout: float | None = None) -> int: ...

    def finish(self) -> None: ...


class GradingWorker(Protocol):
    """Something that forks grading children from a warm process: watch mode's worker, or
    the workspace's daemon."""

    def start(self, args: list[str], cwd: Path, output: Path, token: str) -> GradingChild: ...


def _run_job(job: dict[str, Any]) -> None:
    """In the forked child: become the grading process and run pytest; never returns."""
    code = 3
    try:
        os.setsid()
        child.become_grader()
        fd = os.open(job["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.chdir(job["cwd"])
        os.environ[child.TOKEN_ENV] = job.pop("token")
        import pytest

        sys.argv = ["pytest", *job["args"]]
        code = int(pytest.main(job["args"]))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # noqa: BLE001 - the child must always end via os._exit
        code = 3
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def serve() -> None:
    """The worker's main loop (run as `python -m arena_dungeon.grading.worker`)."""
    import importlib

    child.die_with_parent()
    child.adopt_orphans()  # what a job's processes leave behind comes back here
    for name in PRELOAD:
        importlib.import_module(name)
    import gc

    gc.collect()
    gc.freeze()  # the preloaded heap is never collected again: each child's gc stays cheap
    out = sys.stdout
    out.write(json.dumps({"ready": True}) + "\n")
    out.flush()
    for line in sys.stdin:
        job = json.loads(line)
        out.flush()
        pid = os.fork()
        if pid == 0:
            _run_job(job)
        out.write(json.dumps({"pid": pid}) + "\n")
        out.flush()
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        child.kill_descendants()
        out.write(json.dumps({"exit": pid, "code": code}) + "\n")
        out.flush()


class WarmChild:
    """One job running in a child of the warm worker (the runner's view of it)."""

    def __init__(self, pid: int, worker: WarmWorker) -> None:
        self.pid = pid
        self.worker = worker
        self.returncode: int | None = None

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            try:
                msg = self.worker.messages.get(timeout=timeout)
            except queue.Empty:
                raise subprocess.TimeoutExpired("warm child", timeout or 0) from None
            if msg is None:
                self.returncode = -9
            else:
                self.returncode = int(msg["code"])
            self.worker.release()
        return self.returncode

    def finish(self) -> None:
        """After the child was killed: its exit, or the worker is stuck and is killed too."""
        try:
            self.wait(timeout=ANSWER_LIMIT)
        except subprocess.TimeoutExpired:
            self.worker.kill()
            self.returncode = -9
            self.worker.release()


class WarmWorker:
    """The parent's handle on a warm worker process; one job at a time, restarted if stuck."""

    def __init__(self) -> None:
        self.busy = threading.Lock()
        self._spawn()

    def _spawn(self) -> None:
        cwd, env = child.warm_process_start()
        self.proc = subprocess.Popen([sys.executable, "-m", "arena_dungeon.grading.worker"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env=env, cwd=cwd,
                                     start_new_session=True, text=True, bufsize=1)
        self.messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.ready = threading.Event()
        threading.Thread(target=self._read, args=(self.proc, self.messages, self.ready),
                         daemon=True).start()

    @staticmethod
    def _read(proc: subprocess.Popen[str], messages: queue.Queue[dict[str, Any] | None],
              ready: threading.Event) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            try:
                msg = json.loads(line)
            except json.JSONDecodeError:
                continue
            if msg.get("ready"):
                ready.set()
            else:
                messages.put(msg)
        messages.put(None)  # the worker is gone
        ready.set()

    def alive(self) -> bool:
        return self.proc.poll() is None

    def wait_ready(self, timeout: float = READY_LIMIT) -> bool:
        return self.ready.wait(timeout) and self.alive()

    def start(self, args: list[str], cwd: Path, output: Path, token: str) -> WarmChild:
        """Run one grading job; raises WorkerGone if the worker can't take it."""
        if not self.busy.acquire(timeout=READY_LIMIT):
            raise WorkerGone
        if not self.alive():
            self._spawn()  # replaced: it died or was killed as stuck
        if not self.wait_ready() or self.proc.stdin is None:
            self.busy.release()
            raise WorkerGone
        try:
            self.proc.stdin.write(json.dumps({"args": args, "cwd": str(cwd),
                                              "output": str(output), "token": token}) + "\n")
            self.proc.stdin.flush()
            msg = self.messages.get(timeout=ANSWER_LIMIT)
        except (OSError, queue.Empty):
            self.kill()
            self.busy.release()
            raise WorkerGone from None
        if msg is None or "pid" not in msg:
            self.busy.release()
            raise WorkerGone
        return WarmChild(int(msg["pid"]), self)

    def release(self) -> None:
        if self.busy.locked():
            self.busy.release()

    def kill(self) -> None:
        """End a worker that stopped answering (SIGKILL works on a stopped process too)."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=ANSWER_LIMIT)

    def close(self) -> None:
        if self.alive():
            try:
                if self.proc.stdin is not None:
                    self.proc.stdin.close()
                self.proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self.kill()

    def __enter__(self) -> WarmWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


if __name__ == "__main__":
    serve()
