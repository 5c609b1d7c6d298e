"""Grade a room: check the player's file, then run its tests in a child pytest with limits.

The child is `python -m pytest <room>/test_room.py` with plugin autoloading off and our
plugin on, in its own process group and a temporary working folder, so a hang, a crash
or a flood of prints can't reach the game. The result is a `RoomResult`.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from arena_dungeon.content import Room
from arena_dungeon.grading import rules
from arena_dungeon.grading.report import CaseResult, RoomResult, case_title, parse_report
from arena_dungeon.grading.worker import WarmChild, WarmWorker, WorkerGone

INI = Path(__file__).with_name("pytest.ini")
MEMORY_LIMIT = 8 * 1024**3  # address space for the child: a runaway allocation fails fast
OUTPUT_LIMIT = 20_000  # characters of raw output kept for `-v`
# pytest plugins grading never needs. unraisableexception alone costs two full gc.collect()
# passes at exit, ~0.3 s with torch loaded.
UNUSED_PLUGINS = ("cacheprovider", "unraisableexception", "threadexception", "doctest",
                  "junitxml", "pastebin", "stepwise", "setuponly", "setupplan", "debugging",
                  "legacypath", "faulthandler")
STARTUP_LIMIT = 180.0  # seconds allowed for the child to import torch and collect the tests


def pytest_args(room: Room, target: Path, report: Path) -> list[str]:
    """pytest's arguments for grading `target` (the same for the cold and warm paths)."""
    unused = [arg for name in UNUSED_PLUGINS for arg in ("-p", f"no:{name}")]
    return [str(room.tests), "-q", "-c", str(INI), "--rootdir", str(room.folder),
            "--noconftest", *unused, "-p", "arena_dungeon.grading.plugin",
            "--arena-target", str(target), "--arena-entry", room.entry,
            "--arena-report", str(report), *(["--arena-typecheck"] if room.typecheck else []),
            *(["--arena-given-dir", str(room.given_dir)] if room.given else [])]


def pytest_command(room: Room, target: Path, report: Path) -> list[str]:
    """The cold child's command line."""
    return [sys.executable, "-m", "pytest", *pytest_args(room, target, report)]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(PYTEST_DISABLE_PLUGIN_AUTOLOAD="1", PYTHONDONTWRITEBYTECODE="1",
               PYTHONHASHSEED="0", OMP_NUM_THREADS=env.get("OMP_NUM_THREADS", "1"))
    return env


def limit_memory() -> None:
    """Cap the child's address space (runs in the child, before the player's code)."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ImportError, ValueError, OSError):
        pass


def precheck(room: Room, target: Path) -> RoomResult | None:
    """Checks that need no child: readable, compiles, follows the room's rules."""
    result = RoomResult(room_id=room.id)
    try:
        source = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        result.verdict, result.message = "unreadable", f"{target} is missing: `arena reset` " \
                                                       "brings back the stub"
        return result
    except (OSError, UnicodeDecodeError) as exc:
        result.verdict, result.message = "unreadable", f"cannot read {target}: {exc}"
        return result
    try:
        compile(source, str(target), "exec")
    except SyntaxError as exc:
        result.verdict = "syntax"
        result.line = exc.lineno
        result.code = (exc.text or "").rstrip()
        result.message = f"syntax error on line {exc.lineno}: {exc.msg}"
        return result
    violations = rules.check(source, room.rules, room.entry)
    if violations:
        result.verdict = "rule"
        result.line = violations[0].line
        lines = source.splitlines()
        result.code = lines[result.line - 1].strip() if 0 < result.line <= len(lines) else ""
        result.message = "; ".join(f"line {v.line}: {v.reason}" for v in violations[:3])
        return result
    return None


ProgressCallback = Callable[[int, int, str], None]


def grade(room: Room, target: Path, *, timeout: float | None = None,
          on_progress: ProgressCallback | None = None,
          worker: WarmWorker | None = None) -> RoomResult:
    """Run `room`'s tests against `target` and return what happened.

    `on_progress(done, total, text)` is called with the cases finished so far and with
    progress events the tests report (training steps), while the child runs. With a
    warm `worker`, the child is forked from it instead of starting Python afresh.
    """
    start = time.perf_counter()
    early = precheck(room, target)
    if early is not None:
        early.seconds = time.perf_counter() - start
        return early
    limit = timeout or room.timeout
    with tempfile.TemporaryDirectory(prefix="arena-grade-") as tmp:
        report = Path(tmp) / "report.jsonl"
        output = Path(tmp) / "output.txt"
        proc = _start(room, target.resolve(), report, Path(tmp), output, worker)
        try:
            timed_out = _wait(proc, limit, report, on_progress)
        except KeyboardInterrupt:
            _kill(proc)
            raise
        raw = output.read_bytes().decode("utf-8", "replace")
        result, running, done = parse_report(report, room.id)
    result.raw_output = raw if len(raw) <= OUTPUT_LIMIT else \
        raw[:OUTPUT_LIMIT // 2] + "\n… (output truncated) …\n" + raw[-OUTPUT_LIMIT // 2:]
    result.seconds = time.perf_counter() - start
    _explain_ending(result, proc.returncode, timed_out, running, done, limit)
    return result


def _start(room: Room, target: Path, report: Path, cwd: Path, output: Path,
           worker: WarmWorker | None) -> subprocess.Popen[bytes] | WarmChild:
    if worker is not None:
        try:
            return worker.start(pytest_args(room, target, report), cwd, output)
        except WorkerGone:
            pass  # grade cold instead: slower, same verdict
    with open(output, "wb") as out:
        return subprocess.Popen(pytest_command(room, target, report), cwd=cwd, env=child_env(),
                                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, preexec_fn=limit_memory)


def _wait(proc: subprocess.Popen[bytes] | WarmChild, limit: float, report: Path,
          on_progress: ProgressCallback | None) -> bool:
    """Wait for the child, relaying progress; kill it at the time limit. True if it timed out.

    The limit counts from the first case, so a slow torch import on a busy machine is
    not blamed on the player; start-up has its own, generous allowance.
    """
    deadline = time.monotonic() + STARTUP_LIMIT
    started = False
    offset, cases = 0, 0
    while True:
        try:
            proc.wait(timeout=0.05)
            return False
        except subprocess.TimeoutExpired:
            pass
        if time.monotonic() > deadline:
            _kill(proc)
            return True
        try:
            with open(report, "rb") as f:
                f.seek(offset)
                chunk = f.read()
        except OSError:
            continue
        complete = chunk[:chunk.rfind(b"\n") + 1]
        offset += len(complete)
        for line in complete.decode("utf-8", "replace").splitlines():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            event = rec.get("event")
            if event == "start" and not started:
                started = True
                deadline = time.monotonic() + limit
            if on_progress is None:
                continue
            if event == "progress":
                on_progress(rec.get("done", 0), rec.get("total", 0), rec.get("text", ""))
            elif event == "start":
                on_progress(cases, 0, case_title(rec.get("name", "")))
            elif event == "case":
                cases += 1


def _kill(proc: subprocess.Popen[bytes] | WarmChild) -> None:
    """Kill the child's whole process group (it is a session leader), then reap it."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def _explain_ending(result: RoomResult, code: int, timed_out: bool, running: str | None,
                    done: bool, limit: float) -> None:
    """Name what ended the child, when it was not a normal pytest finish."""
    if timed_out and running == "":
        result.verdict = "timeout"
        result.message = (f"the grader did not start within {STARTUP_LIMIT:g} s: is the machine "
                          "very busy? Try again")
        return
    if timed_out:
        name = case_title(running) if running else \
            "finishing after the last case" if result.cases else "loading your file"
        result.cases.append(CaseResult(name=name or "?", passed=False, kind="timeout",
                                       message=f"still running after {limit:g} s: an infinite "
                                               "loop, or a loop over far too many items?"))
        result.verdict = "timeout"
        result.message = f"stopped after {limit:g} s in case `{name}`: look for an infinite loop"
        return
    if running == "" and code >= 0:
        # Nothing started: pytest itself could not set up, which is never the player's doing.
        result.verdict = "harness"
        result.message = (f"the grader could not start (exit {code}): this is a bug in "
                          "arena-dungeon, please report it (arena check -v shows details)")
        return
    if running is not None and done:
        name = case_title(running) if running else "loading your file"
        why = "your code interrupted the test run (KeyboardInterrupt?)"
        result.cases.append(CaseResult(name=name, passed=False, kind="crash", message=why))
        result.verdict, result.message = "crash", f"{why} during `{name}`"
        return
    if running is not None:
        # The child died inside a case (or before any) without pytest noticing.
        name = case_title(running) if running else "loading your file"
        if code < 0:
            sig = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else code
            why = (f"the Python process crashed ({sig})"
                   + (": out of memory?" if sig == "SIGKILL" else ""))
        else:
            why = f"your code ended the process (exit code {code}, os._exit?)"
        result.cases.append(CaseResult(name=name, passed=False, kind="crash", message=why))
        result.verdict, result.message = "crash", f"{why} during `{name}`"
        return
    if code in (0, 1):
        if not result.cases:
            result.verdict, result.message = "harness", "no cases ran: this is a bug in " \
                                                        "arena-dungeon's room, please report it"
        return
    if code == 2 and not result.cases:
        result.verdict = "harness"
        result.message = ("the room's tests could not be collected: this is a bug in "
                          "arena-dungeon, please report it (arena check -v shows details)")
        return
    if code == 5:
        result.verdict, result.message = "harness", "the room has no test cases: a bug in " \
                                                    "arena-dungeon, please report it"
        return
    if code not in (0, 1) and not result.verdict:
        result.verdict = "harness"
        result.message = f"the grader stopped unexpectedly (pytest exit {code}): this is a " \
                         "bug in arena-dungeon, please report it (arena check -v)"
