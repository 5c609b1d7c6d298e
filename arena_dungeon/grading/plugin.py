"""The pytest plugin inside the grading child: loads the player's file, records each case.

It writes one JSON object per line to `--arena-report`: a `start` line before each case
(so a hang or a hard crash can be pinned on the running case), a `case` line with the
learner-facing verdict after it, `picture`/`note` lines from `arena_dungeon.testing`,
and a final `done` line. The parent (runner.py) reads the file, never stdout.
"""

from __future__ import annotations

import gc
import importlib.util
import json
import sys
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from arena_dungeon.grading.verdicts import classify

PLAYER_MODULE = "arena_player_solution"


class _State:
    target: Path | None = None
    entry: str | None = None
    report: Any = None
    module: ModuleType | None = None
    import_error: BaseException | None = None
    loaded: bool = False
    typecheck: bool = False


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("arena")
    group.addoption("--arena-target", help="the player's file to grade")
    group.addoption("--arena-entry", help="the function or class the room asks for")
    group.addoption("--arena-report", help="where to write the JSON-lines report")
    group.addoption("--arena-typecheck", action="store_true",
                    help="check the entry's jaxtyping annotations at runtime")
    group.addoption("--arena-given-dir",
                    help="the dungeon's given/ folder: modules the player's file may import")


def pytest_configure(config: pytest.Config) -> None:
    target = config.getoption("--arena-target")
    _State.target = Path(target).resolve() if target else None
    _State.entry = config.getoption("--arena-entry")
    _State.typecheck = bool(config.getoption("--arena-typecheck"))
    given = config.getoption("--arena-given-dir")
    if given:  # the shipped copy, whatever the player's workspace copy says
        sys.path.insert(0, given)
    path = config.getoption("--arena-report")
    _State.report = open(path, "a", encoding="utf-8", buffering=1) if path else None  # noqa: SIM115
    # Collecting imports torch, and the garbage collector would scan its ever-growing heap
    # dozens of times on the way: ~0.2 s of a cold check. Paused until the cases run.
    gc.disable()


def pytest_collection_finish(session: pytest.Session) -> None:
    gc.freeze()  # as in the warm worker: the imported heap is never scanned again
    gc.enable()  # the player's code runs with the collector on, as anywhere else


def write_record(record: dict[str, Any]) -> None:
    """Append one record to the report at once (progress lines are read while we run)."""
    _write(record)


def _write(record: dict[str, Any]) -> None:
    if _State.report is not None:
        _State.report.write(json.dumps(record) + "\n")
        _State.report.flush()


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
        obj.forward = jaxtyped(typechecker=beartype)(obj.__dict__["forward"])


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
    _write({"event": "start", "id": nodeid, "name": location[2]})


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        try:
            record = _case_record(item, call, report)
        except Exception:  # noqa: BLE001 - a bug of ours must not look like the player's
            record = {"event": "case", "id": item.nodeid, "name": item.name,
                      "outcome": "failed", "kind": "harness",
                      "message": "the grader itself failed on this case",
                      "details": traceback.format_exc()}
        _write(record)
    for extra in _drain():
        _write(extra)


def _drain() -> list[dict[str, Any]]:
    testing = sys.modules.get("arena_dungeon.testing")
    return testing.drain_records() if testing is not None else []


def _case_record(item: pytest.Item, call: pytest.CallInfo[None],
                 report: pytest.TestReport) -> dict[str, Any]:
    record: dict[str, Any] = {"event": "case", "id": item.nodeid, "name": item.name,
                              "doc": (getattr(item, "obj", None).__doc__ or "").strip()
                              if getattr(item, "obj", None) is not None else "",
                              "duration": round(call.duration, 4)}
    if report.outcome == "passed":
        record.update(outcome="passed", kind="", message="")
        return record
    if report.outcome == "skipped":
        record.update(outcome="skipped", kind="skipped", message=str(report.longrepr)[-200:])
        return record
    exc = call.excinfo.value if call.excinfo is not None else None
    tb = call.excinfo.tb if call.excinfo is not None else None
    if isinstance(exc, _ImportFailed):
        exc, tb = exc.cause, exc.cause.__traceback__
        verdict = classify(exc, tb, _State.target, during_import=True)
    elif isinstance(exc, _MissingEntry):
        verdict = {"kind": "missing",
                   "message": f"your file has no `{exc}`: keep the name from the stub"}
    else:
        verdict = classify(exc, tb, _State.target)
    record.update(outcome="failed", raw=str(report.longrepr), **verdict)
    return record


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    for extra in _drain():
        _write(extra)
    _write({"event": "done", "exitstatus": int(exitstatus)})
    if _State.report is not None:
        _State.report.close()
        _State.report = None
