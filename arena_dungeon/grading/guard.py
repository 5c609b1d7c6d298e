"""Guards in the grading child, set before the player's file is imported.

The player's code runs in the same process as the tests that judge it, so these raise
the cost of forging a verdict rather than make it impossible (docs/RELIABILITY.md says
what is and is not defended):

- `Snapshot` remembers the judge's functions (torch's functions and tensor methods, which
  the tests' oracles use too; the test helpers; pytest's reporting; builtins) and the test
  module's names; `check()` names anything the player's code replaced.
- `install_audit_hook` adds a hook Python never lets go of: the reference solution and
  the room's wrong answers can't be opened, the report can't be opened again, no other
  program can be started, the grader's parent can't be signalled, and the interpreter's
  object graph (where the judge's state lives) can't be walked.
"""

from __future__ import annotations

import operator
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

# Modules whose top-level names the judge relies on: a replaced function there is tampering.
_JUDGED_MODULES = (
    "builtins", "math", "json", "torch", "torch.testing", "torch.nn.functional", "torch.linalg",
    "numpy", "numpy.testing", "einops", "pytest", "_pytest.runner", "_pytest.reports",
    "_pytest.python", "_pytest.main", "_pytest.fixtures", "_pytest.outcomes", "pluggy._hooks",
    "pluggy._callers", "pluggy._manager", "arena_dungeon.testing",
    "arena_dungeon.grading.plugin", "arena_dungeon.grading.vocabulary",
    "arena_dungeon.grading.verdicts", "arena_dungeon.grading.guard")
_TENSOR_CLASSES = ("Tensor", "_C.TensorBase")
# Names a module may rebind on its own while tests run (lazy imports, caches).
_VOLATILE = frozenset({"__warningregistry__", "_records", "__builtins__", "_"})

# Audit events that start another program or walk the interpreter's objects.
_DENIED_EVENTS = frozenset({
    "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.startfile",
    "pty.spawn", "gc.get_objects", "gc.get_referrers", "gc.get_referents",
    "sys.setprofile", "sys.settrace", "sys._current_frames", "sys.remote_exec"})


class Snapshot:
    """What the judge's objects looked like before the player's code ran."""

    def __init__(self, test_modules: list[ModuleType]) -> None:
        self._names: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
        for name in _JUDGED_MODULES:
            module = sys.modules.get(name)
            if module is not None:
                space = vars(module)
                self._names.append((name, space, dict(space)))
        torch = sys.modules.get("torch")
        if torch is not None:
            for attr in _TENSOR_CLASSES:
                cls: Any = torch
                for part in attr.split("."):
                    cls = getattr(cls, part)
                space = vars(cls)  # a mappingproxy: always the live class namespace
                self._names.append((f"torch.{attr}", space, dict(space)))
        for module in test_modules:
            self._names.append((module.__name__, vars(module), dict(vars(module))))

        # The fast path of `check`, run for every case: each namespace's values fetched and
        # compared by identity in C (itemgetter, map(is_)), ~10x quicker than a Python loop
        # over its ~5,000 names. Identity, never ==: a forged object can claim equality.
        # (itemgetter asks for the first key twice, so it always returns a tuple.)
        self._fast: list[tuple[Any, Any, tuple[Any, ...]]] = []
        for _, space, before in self._names:
            keys = tuple(k for k in before if k not in _VOLATILE)
            if keys:
                self._fast.append((space, operator.itemgetter(*keys, *keys[:1]),
                                   (*(before[k] for k in keys), before[keys[0]])))

    def check(self) -> str | None:
        """None if nothing the judge relies on changed, else what changed."""
        try:
            if all(all(map(operator.is_, get(space), values)) for space, get, values in self._fast):
                return None
        except KeyError:  # a name was deleted: the slow path names it
            pass
        for name, space, before in self._names:
            for key, value in before.items():
                if key in _VOLATILE:
                    continue
                now = space.get(key, _MISSING)
                if now is not value and not _wrapped_by_torch(now, value):
                    return f"`{name}.{key}` was replaced"
        return None


def _wrapped_by_torch(now: Any, before: Any) -> bool:
    """torch wraps some of its own functions when a part of it is first imported
    (importing torch._dynamo wraps `torch.manual_seed`): the original is `__wrapped__`."""
    return getattr(now, "__wrapped__", None) is before and \
        str(getattr(now, "__module__", "")).startswith("torch.")


_MISSING = object()


def torch_modes() -> str | None:
    """A torch function or dispatch mode left active would rewrite every comparison."""
    torch = sys.modules.get("torch")
    if torch is None:
        return None
    c = torch._C
    if getattr(c, "_len_torch_function_stack", lambda: 0)():
        return "a torch function mode was left active"
    if getattr(c, "_len_torch_dispatch_stack", lambda: 0)():
        return "a torch dispatch mode was left active"
    return None


def is_private(path: str, dungeons: str) -> bool:
    """A file under the content's dungeons/ that grading keeps from the player's code."""
    if not path.startswith(dungeons):
        return False
    name = path.rsplit(os.sep, 1)[-1]
    return name.startswith("solution.") or name == "wrong.yaml" or f"{os.sep}wrong{os.sep}" in path


def install_audit_hook(*, content: Path, report: Path, parent_pid: int) -> None:
    """Deny the player's code what grading needs kept private (see the module doc)."""
    dungeons = str(content.resolve() / "dungeons") + os.sep
    report_path = str(report.resolve())
    protected = {parent_pid, 1}
    own_group = os.getpgid(0)

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event == "open":
            path = args[0]
            if not isinstance(path, (str, bytes, os.PathLike)):
                return
            text = os.path.abspath(os.fsdecode(path))
            if text.startswith("/proc/") and text.rsplit("/", 1)[-1] in _PROC_PRIVATE:
                raise PermissionError(f"arena: reading {text} is not allowed while grading")
            real = _resolved(text)
            if report_path in (text, real) or is_private(text, dungeons) \
                    or is_private(real, dungeons):
                raise PermissionError("arena: the reference solution, the wrong answers and "
                                      "the report are out of reach while grading")
        elif event in ("os.kill", "os.killpg"):
            pid = int(args[0])
            if pid in protected or pid == -1 or (pid < -1 and -pid != own_group) or \
                    (event == "os.killpg" and pid != own_group):
                raise PermissionError("arena: your code may only signal its own processes")
        elif event in _DENIED_EVENTS:
            raise PermissionError(f"arena: `{event}` is not allowed while grading (your code "
                                  "runs inside the grader)")

    sys.addaudithook(hook)


_PROC_PRIVATE = frozenset({"environ", "mem", "cmdline"})


def _resolved(text: str) -> str:
    try:
        return os.path.realpath(text)
    except (OSError, ValueError):
        return text
