"""Grade a room: check the player's file, then run its tests in a child pytest with limits.

The child is `python -m pytest <room>/test_room.py` (or a fork of a warm worker running
the same arguments), set up by `grading.child`: its own session, a memory cap, a
parent-death signal, every process it starts ending with it. It grades a private copy of
the player's file in a temporary folder, so a file swapped, grown or turned into a pipe
mid-check changes nothing. The result is a `RoomResult`, read by `report.ReportReader`.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import stat
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from arena_dungeon.content import Room
from arena_dungeon.grading import child, rules
from arena_dungeon.grading.report import CaseResult, ReportReader, RoomResult, case_title
from arena_dungeon.grading.vocabulary import Case, Kind, Progress, Start
from arena_dungeon.grading.worker import GradingChild, GradingWorker, WorkerGone

OUTPUT_LIMIT = 20_000  # characters of raw output kept for `-v`
FILE_LIMIT = 1024 * 1024  # bytes: a room file is a page of code, not a data dump
STARTUP_LIMIT = 180.0  # seconds allowed for the child to import torch and collect the tests
END_GRACE = 5.0  # seconds a child may take to exit after its last record
TMP_PREFIX = "arena-grade-"

ProgressCallback = Callable[[int, int, str], None]


def read_player_file(target: Path) -> tuple[str | None, RoomResult | None]:
    """The file's text, if it is a regular, readable, UTF-8 file of sane size."""
    result = RoomResult(room_id="")
    try:
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        result.verdict = Kind.UNREADABLE
        result.message = f"{target} is missing: `arena reset` brings back the stub"
        return None, result
    except OSError as exc:
        result.verdict, result.message = Kind.UNREADABLE, f"cannot read {target}: {exc.strerror}"
        return None, result
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):
            result.verdict = Kind.UNREADABLE
            result.message = f"{target} is not a regular file (a pipe, device or folder?)"
            return None, result
        data = f.read(FILE_LIMIT + 1)
    if len(data) > FILE_LIMIT:
        result.verdict = Kind.UNREADABLE
        result.message = f"{target} is over {FILE_LIMIT // 1024} KB: a room file is a page of code"
        return None, result
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        result.verdict = Kind.UNREADABLE
        result.message = f"{target} is not UTF-8 text (byte {exc.start})"
        return None, result


def precheck(room: Room, target: Path) -> tuple[str, RoomResult | None]:
    """Checks that need no child: readable, compiles, follows the room's rules."""
    source, problem = read_player_file(target)
    if problem is not None or source is None:
        assert problem is not None
        problem.room_id = room.id
        return "", problem
    result = RoomResult(room_id=room.id)
    try:
        compile(source, str(target), "exec")
    except (SyntaxError, ValueError) as exc:
        lineno = getattr(exc, "lineno", None) or 0
        result.verdict = Kind.SYNTAX
        result.line = lineno
        result.code = (getattr(exc, "text", "") or "").rstrip()
        result.message = f"syntax error on line {lineno}: {getattr(exc, 'msg', exc)}"
        return source, result
    violations = rules.check(source, room.rules, room.entry)
    if violations:
        result.verdict = Kind.RULE
        result.line = violations[0].line
        lines = source.splitlines()
        result.code = lines[result.line - 1].strip() if 0 < result.line <= len(lines) else ""
        result.message = "; ".join(f"line {v.line}: {v.reason}" for v in violations[:3])
        return source, result
    return source, None


def grade(room: Room, target: Path, *, timeout: float | None = None,
          on_progress: ProgressCallback | None = None,
          worker: GradingWorker | None = None, cases: Sequence[str] = (),
          draw: int = 0) -> RoomResult:
    """Run `room`'s tests against `target` and return what happened.

    `on_progress(done, total, text)` is called with the cases finished so far and with
    progress events the tests report (training steps), while the child runs. With a
    warm `worker` (watch mode's, or the workspace's daemon), the child is forked from it
    instead of starting Python afresh. `cases` (test function names) runs only those.
    `draw` > 0 draws the random inputs of cases that use `testing.fresh_seed` anew (a
    review drill's); 0 is the room's own inputs.
    """
    start = time.perf_counter()
    source, early = precheck(room, target)
    if early is not None:
        early.seconds = time.perf_counter() - start
        return early
    limit = timeout or room.timeout
    sweep_stale_folders()
    with _ending_on_signals():
        if worker is not None:
            try:
                return _run(room, target, source, limit, on_progress, worker, cases, start,
                            draw)
            except WorkerGone:
                pass  # grade cold instead: slower, same verdict
        return _run(room, target, source, limit, on_progress, None, cases, start, draw)


def _run(room: Room, target: Path, source: str, limit: float,
         on_progress: ProgressCallback | None, worker: GradingWorker | None,
         cases: Sequence[str], start: float, draw: int = 0) -> RoomResult:
    """One grading in a fresh folder with a fresh token. A worker that did not confirm the
    job raises WorkerGone, and the cold grading that follows gets a folder (and report) of
    its own: a late warm child can never write into the report the verdict comes from."""
    with tempfile.TemporaryDirectory(prefix=f"{TMP_PREFIX}{os.getpid()}-") as tmp:
        folder = Path(tmp)
        copy = folder / target.name
        copy.write_text(source, encoding="utf-8")
        report, output = folder / "report.jsonl", folder / "output.txt"
        report.touch()
        token = secrets.token_hex(16)
        reader = ReportReader(report, room.id, token)
        proc = _start(room, copy, report, folder, output, token, worker, cases, draw)
        try:
            timed_out = _wait(proc, limit, reader, on_progress)
        finally:
            _kill(proc)
        reader.poll()
        raw = output.read_bytes().decode("utf-8", "replace")
    result = reader.result
    result.raw_output = raw if len(raw) <= OUTPUT_LIMIT else \
        raw[:OUTPUT_LIMIT // 2] + "\n… (output truncated) …\n" + raw[-OUTPUT_LIMIT // 2:]
    result.seconds = time.perf_counter() - start
    _explain_ending(result, reader, proc.returncode or 0, timed_out, limit)
    _show_real_path(result, str(copy), str(target))
    return result


def _start(room: Room, target: Path, report: Path, cwd: Path, output: Path, token: str,
           worker: GradingWorker | None, cases: Sequence[str], draw: int = 0
           ) -> subprocess.Popen[bytes] | GradingChild:
    if worker is not None:  # WorkerGone goes up to `grade`, which starts over cold
        return worker.start(child.pytest_args(room, target, report, cases, draw), cwd, output,
                            token)
    env = child.child_env()
    env[child.TOKEN_ENV] = token
    with open(output, "wb") as out:
        return subprocess.Popen(child.pytest_command(room, target, report, cases, draw), cwd=cwd,
                                env=env,
                                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, preexec_fn=child.become_grader)


def _wait(proc: subprocess.Popen[bytes] | GradingChild, limit: float, reader: ReportReader,
          on_progress: ProgressCallback | None) -> bool:
    """Wait for the child, relaying progress; kill it at the time limit. True if it timed out.

    The limit counts from the first case, so a slow torch import on a busy machine is
    not blamed on the player; start-up has its own, generous allowance. A child that wrote
    its last record but does not exit (a stopped or stuck process) is ended after a grace.
    """
    deadline = time.monotonic() + STARTUP_LIMIT
    ended_at: float | None = None
    first_case = False
    cases = 0
    while True:
        try:
            proc.wait(timeout=0.05)
            return False
        except subprocess.TimeoutExpired:
            pass
        now = time.monotonic()
        if now > deadline:
            return True
        for rec in reader.poll():
            if isinstance(rec, Start) and not first_case:
                first_case = True
                deadline = now + limit
            if on_progress is None:
                continue
            if isinstance(rec, Progress):
                on_progress(rec.done, rec.total, rec.text)
            elif isinstance(rec, Start):
                on_progress(cases, 0, case_title(rec.name))
            elif isinstance(rec, Case):
                cases += 1
        if reader.done and ended_at is None:
            ended_at = now
        if ended_at is not None and now - ended_at > END_GRACE:
            return False


def _kill(proc: subprocess.Popen[bytes] | GradingChild) -> None:
    """Kill the child's whole process group (it is a session leader), then reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    if isinstance(proc, subprocess.Popen):
        proc.wait()
    else:
        proc.finish()


def sweep_stale_folders() -> None:
    """Remove grading folders left by an `arena` process that was killed (kill -9)."""
    base = Path(tempfile.gettempdir())
    try:
        entries = list(base.glob(f"{TMP_PREFIX}*-*"))
    except OSError:
        return
    for folder in entries:
        pid_text = folder.name[len(TMP_PREFIX):].split("-", 1)[0]
        if not pid_text.isdigit() or child.alive(int(pid_text)):
            continue
        shutil.rmtree(folder, ignore_errors=True)


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived while grading: the child was ended first."""


@contextlib.contextmanager
def _ending_on_signals() -> Iterator[None]:
    """While grading in the main thread, SIGTERM/SIGHUP end the child before we go."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Interrupted(signal.Signals(signum).name)

    old = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)


def _show_real_path(result: RoomResult, copy: str, real: str) -> None:
    """Messages name the player's file, not the private copy that was graded."""
    for case in result.cases:
        case.message = case.message.replace(copy, real)
        case.details = case.details.replace(copy, real)
        case.raw = case.raw.replace(copy, real)
    result.message = result.message.replace(copy, real)
    result.raw_output = result.raw_output.replace(copy, real)


def _fail_all(result: RoomResult, kind: Kind, name: str, why: str, message: str) -> None:
    result.cases.append(CaseResult(name=name, passed=False, kind=kind, message=why))
    result.verdict, result.message = kind, message


def _explain_ending(result: RoomResult, reader: ReportReader, code: int, timed_out: bool,
                    limit: float) -> None:
    """Name what ended the child, when it was not a normal pytest finish."""
    running = reader.running.name if reader.running is not None else None
    if reader.faults:
        result.verdict = Kind.TAMPERED
        result.message = (f"the grading report was tampered with ({reader.faults[0]}): no "
                          "verdict can be given; let the grader write its own report")
        return
    if any(c.kind == Kind.TAMPERED for c in result.cases):
        first = next(c for c in result.cases if c.kind == Kind.TAMPERED)
        result.verdict, result.message = Kind.TAMPERED, first.message
        return
    if timed_out and not reader.started:
        result.verdict = Kind.TIMEOUT
        result.message = (f"the grader did not start within {STARTUP_LIMIT:g} s: is the machine "
                          "very busy? Try again")
        return
    if timed_out:
        name = case_title(running) if running else \
            "finishing after the last case" if result.cases else "loading your file"
        _fail_all(result, Kind.TIMEOUT, name or "?",
                  f"still running after {limit:g} s: an infinite loop, or a loop over far too "
                  "many items?", f"stopped after {limit:g} s in case `{name}`: look for an "
                                 "infinite loop")
        return
    if reader.lingering:
        names = ", ".join(f"`{t}`" for t in reader.lingering[:3])
        result.verdict = Kind.THREAD
        result.message = (f"your code left a thread running after the last case ({names}): "
                          "join it before returning, or make it a daemon thread")
        return
    if reader.collected is None and code >= 0 and not (reader.started or result.cases):
        if code == 5 or reader.done:
            result.verdict, result.message = Kind.HARNESS, "the room has no test cases: a " \
                                                           "bug in arena-dungeon, please report it"
            return
        # Nothing collected: pytest itself could not set up, never the player's doing.
        result.verdict = Kind.HARNESS
        result.message = (f"the grader could not start (exit {code}): this is a bug in "
                          "arena-dungeon, please report it (arena check -v shows details)")
        return
    if running is not None or (not reader.done and (reader.started or code != 0)) or \
            (reader.done and reader.missing):
        name = case_title(running) if running else \
            case_title(reader.missing[0].rsplit("::", 1)[-1]) if reader.missing else \
            "loading your file"
        if reader.done:
            why = "your code stopped the test run (KeyboardInterrupt, pytest.exit?)"
        elif code < 0:
            sig = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else code
            why = (f"the Python process crashed ({sig})"
                   + (": out of memory?" if sig == "SIGKILL" else ""))
        else:
            why = f"your code ended the process (exit code {code}, os._exit?)"
        _fail_all(result, Kind.CRASH, name, why, f"{why} during `{name}`")
        return
    if not result.cases:
        result.verdict, result.message = Kind.HARNESS, "no cases ran: this is a bug in " \
                                                       "arena-dungeon's room, please report it"
