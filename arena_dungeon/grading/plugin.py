"""The pytest plugin inside the grading child: loads the player's file, records each case.

It streams records (`grading.vocabulary`) to `--arena-report`, each stamped with the run's
token: `collected` before the player's code runs, `start` before each case (so a hang or
a hard crash can be pinned on the running case), `case` after it, pictures and notes from
`arena_dungeon.testing`, `lingering` for threads left running, and `done`. Before the first
case it takes a snapshot of the judge and installs the audit hook (`grading.guard`); a
case whose judge was tampered with fails as `tampered`. The parent (runner.py) reads the
file, never stdout. Both grading paths end the process with `os._exit` after the session,
so neither waits for threads the player left running.
"""

from __future__ import annotations

import gc
import importlib.util
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TextIO

import pytest

from arena_dungeon.grading import guard
from arena_dungeon.grading.child import TOKEN_ENV, kill_descendants
from arena_dungeon.grading.verdicts import classify
from arena_dungeon.grading.vocabulary import (
    Case,
    Collected,
    Done,
    Kind,
    Lingering,
    Record,
    Start,
)

PLAYER_MODULE = "arena_player_solution"
OUTPUT_CAP = 2_000  # characters of a case's printed output kept for the learner


class _State:
    target: Path | None = None
    entry: str | None = None
    content: Path | None = None
    writer: Callable[[Record | None], None] | None = None  # None closes the report
    report_path: Path | None = None
    module: ModuleType | None = None
    import_error: BaseException | None = None
    loaded: bool = False
    typecheck: bool = False
    snapshot: guard.Snapshot | None = None
    plugins: int = 0
    config: pytest.Config | None = None
    tampered: str | None = None
    threads: set[int] = set()
    exitstatus: int = 0


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("arena")
    group.addoption("--arena-target", help="the player's file to grade")
    group.addoption("--arena-entry", help="the function or class the room asks for")
    group.addoption("--arena-report", help="where to write the JSON-lines report")
    group.addoption("--arena-content", help="the content root: its references stay private")
    group.addoption("--arena-typecheck", action="store_true",
                    help="check the entry's jaxtyping annotations at runtime")
    group.addoption("--arena-draw", type=int, default=0,
                    help="draw the inputs of cases that use testing.fresh_seed anew (> 0)")
    group.addoption("--arena-given-dir", action="append", default=[],
                    help="a given/ folder: modules the player's file may import (repeatable)")


def pytest_configure(config: pytest.Config) -> None:
    target = config.getoption("--arena-target")
    _State.target = Path(target).resolve() if target else None
    _State.entry = config.getoption("--arena-entry")
    _State.typecheck = bool(config.getoption("--arena-typecheck"))
    content = config.getoption("--arena-content")
    _State.content = Path(content).resolve() if content else None
    _State.config = config
    if config.getoption("--arena-draw"):  # a review drill: fresh inputs (testing.fresh_seed)
        from arena_dungeon.testing import draw_anew

        draw_anew(int(config.getoption("--arena-draw")))
    # The shipped copies, whatever the player's workspace copies say (first listed first).
    sys.path[:0] = config.getoption("--arena-given-dir")
    path = config.getoption("--arena-report")
    if path:
        _State.report_path = Path(path)
        _State.writer = _open_report(path, os.environ.pop(TOKEN_ENV, ""))
    # Collecting imports torch, and the garbage collector would scan its ever-growing heap
    # dozens of times on the way: ~0.2 s of a cold check. Paused until the cases run.
    gc.disable()


def pytest_collection_finish(session: pytest.Session) -> None:
    gc.freeze()  # as in the warm worker: the imported heap is never scanned again
    gc.enable()  # the player's code runs with the collector on, as anywhere else
    _write(Collected(ids=[item.nodeid for item in session.items]))
    _State.threads = {t.ident or 0 for t in threading.enumerate()}
    tests = list({id(m): m for m in (getattr(item, "module", None) for item in session.items)
                  if m is not None}.values())
    _State.snapshot = guard.Snapshot(tests)
    _State.plugins = len(session.config.pluginmanager.get_plugins())
    if _State.content is not None and _State.report_path is not None:
        guard.install_audit_hook(content=_State.content, report=_State.report_path,
                                 parent_pid=os.getppid())


def write_record(record: Record) -> None:
    """Append one record to the report at once (progress lines are read while we run)."""
    _write(record)


def _open_report(path: str, token: str) -> Callable[[Record | None], None]:
    """A writer holding the report and the run's token (kept off module attributes)."""
    report: TextIO | None = open(path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115

    def write(record: Record | None) -> None:
        nonlocal report
        if report is None:
            return
        if record is None:
            report.close()
            report = None
            return
        report.write(record.to_line(token))
        report.flush()

    return write


def _write(record: Record) -> None:
    if _State.writer is not None:
        _State.writer(record)


def judge_intact() -> str | None:
    """None while nothing the judge relies on was changed, else what was (remembered)."""
    if _State.tampered is None and _State.snapshot is not None:
        _State.tampered = _State.snapshot.check()
        config = _State.config
        if _State.tampered is None and config is not None and \
                len(config.pluginmanager.get_plugins()) != _State.plugins:
            _State.tampered = "a pytest plugin was registered"
        if _State.tampered is None:
            _State.tampered = guard.torch_modes()
    return _State.tampered


def _load() -> ModuleType:
    """Import the player's file once per session, remembering a failure for every case."""
    if not _State.loaded:
        _State.loaded = True
        if _State.target is None:
            raise pytest.UsageError("arena: --arena-target is required")
        spec = importlib.util.spec_from_file_location(PLAYER_MODULE, _State.target)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[PLAYER_MODULE] = module
        try:
            spec.loader.exec_module(module)
        except BaseException as exc:  # noqa: BLE001 - anything at import time is the player's
            if isinstance(exc, KeyboardInterrupt):
                raise
            _State.import_error = exc
        else:
            _State.module = module
            if _State.typecheck and _State.entry:
                _add_contracts(module, _State.entry)
    if _State.import_error is not None:
        raise _ImportFailed(_State.import_error)
    assert _State.module is not None
    if _State.entry and not hasattr(_State.module, _State.entry):
        raise _MissingEntry(_State.entry)
    return _State.module


def _add_contracts(module: ModuleType, entry: str) -> None:
    """Check the entry's jaxtyping annotations on every call (a class: its forward)."""
    import inspect

    from beartype import beartype
    from jaxtyping import jaxtyped

    obj = getattr(module, entry, None)
    if inspect.isfunction(obj):
        setattr(module, entry, jaxtyped(typechecker=beartype)(obj))
    elif inspect.isclass(obj) and inspect.isfunction(obj.__dict__.get("forward")):
        obj.forward = jaxtyped(typechecker=beartype)(obj.__dict__["forward"])  # type: ignore[attr-defined]


class _ImportFailed(Exception):
    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause


class _MissingEntry(Exception):
    pass


@pytest.fixture
def room() -> ModuleType:
    """The player's file, imported as a module."""
    return _load()


def pytest_runtest_logstart(nodeid: str, location: tuple[str, int | None, str]) -> None:
    _write(Start(id=nodeid, name=location[2]))


def _tamper_record(record: Case, tampered: str) -> None:
    record.outcome, record.kind = "failed", Kind.TAMPERED
    record.message = f"the grader was tampered with ({tampered}): this case can't be judged"


def _drain() -> list[Record]:
    testing = sys.modules.get("arena_dungeon.testing")
    return testing.drain_records() if testing is not None else []


def _prose(doc: str) -> str:
    """A case's docstring as the terminal should wrap it: each paragraph one line (the
    source's line breaks and indentation were shown mid-sentence in the failure panel)."""
    return "\n\n".join(" ".join(part.split()) for part in doc.strip().split("\n\n")
                       if part.strip())


def _case_record(item: pytest.Item, call: pytest.CallInfo[None],
                 report: pytest.TestReport) -> Case:
    obj = getattr(item, "obj", None)
    record = Case(id=item.nodeid, name=item.name,
                  doc=_prose(obj.__doc__ or "") if obj is not None else "",
                  duration=round(call.duration, 4),
                  output=_capped(report.capstdout + report.capstderr))
    if report.outcome == "passed":
        record.outcome, record.output = "passed", ""
        return record
    if report.outcome == "skipped":
        record.outcome, record.kind = "skipped", Kind.SKIPPED
        record.message = str(report.longrepr)[-200:]
        return record
    exc: BaseException | None = call.excinfo.value if call.excinfo is not None else None
    tb = call.excinfo.tb if call.excinfo is not None else None
    if isinstance(exc, _ImportFailed):
        tb = exc.cause.__traceback__
        exc = exc.cause
        verdict = classify(exc, tb, _State.target, during_import=True)
    elif isinstance(exc, _MissingEntry):
        verdict = {"kind": Kind.MISSING,
                   "message": f"your file has no `{exc}`: keep the name from the stub"}
    else:
        verdict = classify(exc, tb, _State.target)
    for key, value in verdict.items():
        setattr(record, key, value)
    record.raw = str(report.longrepr)
    return record


def _capped(text: str) -> str:
    if len(text) <= OUTPUT_CAP:
        return text
    return text[:OUTPUT_CAP // 2] + "\n… (output cut) …\n" + text[-OUTPUT_CAP // 2:]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    for extra in _drain():
        _write(extra)
    left = [t.name for t in threading.enumerate()
            if t.is_alive() and not t.daemon and (t.ident or 0) not in _State.threads]
    if left:
        _write(Lingering(threads=left))
    _write(Done(exitstatus=int(exitstatus)))
    _State.exitstatus = int(exitstatus)


def pytest_unconfigure(config: pytest.Config) -> None:
    """End the process here, on both paths: no waiting on threads the player left running."""
    if _State.writer is None:
        return
    _State.writer(None)
    _State.writer = None
    kill_descendants()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_State.exitstatus)


def _report_hook():  # type: ignore[no-untyped-def]
    """The case-record hook, holding what it calls from before any player code ran: a name
    replaced in this module later is seen by `judge_intact`, and never called from here."""
    record_fn, intact, mark, write, drain = (_case_record, judge_intact, _tamper_record,
                                             _write, _drain)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
        outcome = yield
        report: pytest.TestReport = outcome.get_result()
        if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
            try:
                record = record_fn(item, call, report)
            except Exception:  # noqa: BLE001 - a bug of ours must not look like the player's
                record = Case(id=item.nodeid, name=item.name, outcome="failed",
                              kind=Kind.HARNESS, message="the grader itself failed on this case",
                              details=traceback.format_exc())
            tampered = intact()
            if tampered is not None:
                mark(record, tampered)
            write(record)
        for extra in drain():
            write(extra)

    return pytest_runtest_makereport


pytest_runtest_makereport = _report_hook()
