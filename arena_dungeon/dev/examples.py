"""Technique pages' examples run and print what their page says they print.

Each example runs in a fresh module namespace with its stdout captured and is compared with
the page's `output` (trailing whitespace of each line and trailing blank lines ignored), under
an unusual global seed (an example that forgot to seed its randomness will not reproduce its
output) and must leave torch's global state as it found it.

`arena dev check` runs them in a child process (`python -m arena_dungeon.dev.examples`, pages
in and problems out as JSON) beside the grading, so that what they print and the torch state
they touch stay out of the checking process; the test suite calls `checked_page`. Both go
through the verdict cache, keyed on each page's examples, this module and the environment.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import threading
import traceback
import types
import zlib
from pathlib import Path
from typing import Any

from arena_dungeon.content import Technique
from arena_dungeon.dev.cache import VerdictCache
from arena_dungeon.dev.report import Problem

_SOURCE = Path(__file__).read_text(encoding="utf-8")


def normalise(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def run(code: str, name: str) -> str:
    """Execute `code` as a fresh module called `name` and return what it printed."""
    module = types.ModuleType(name)
    module.__file__ = f"<{name}>"
    # Registered while it runs, so dataclasses, pickling and type checkers can find it.
    sys.modules[name] = module
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            exec(compile(code, f"<{name}>", "exec"), module.__dict__)  # noqa: S102 - the page's own example
    finally:
        sys.modules.pop(name, None)
    return buffer.getvalue()


def example_problem(tech_id: str, index: int, code: str, expected: str) -> str | None:
    """Why example `index` of page `tech_id` is wrong, or None when it prints its output."""
    import torch

    name = f"codex_{tech_id.replace('-', '_')}_{index}"
    torch.manual_seed(zlib.crc32(name.encode()))
    grad_enabled = torch.is_grad_enabled()
    default_dtype = torch.get_default_dtype()
    try:
        printed = run(code, name)
    except BaseException as exc:  # noqa: BLE001 - any failure of the example is the finding
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == f"<{name}>"]
        where = f" (line {frames[-1].lineno} of the example)" if frames else ""
        return f"example {index} raised {type(exc).__name__}: {exc}{where}"
    finally:
        leaked = (torch.is_grad_enabled() != grad_enabled
                  or torch.get_default_dtype() != default_dtype)
        torch.set_grad_enabled(grad_enabled)
        torch.set_default_dtype(default_dtype)
    if leaked:
        return f"example {index} changed torch's global state (grad mode or default dtype)"
    if normalise(printed) != normalise(expected):
        return (f"example {index} printed:\n{normalise(printed)}\nbut its `output` says:\n"
                f"{normalise(expected)}")
    return None


def page_problems(tech: Technique, path: Path) -> list[Problem]:
    """Every example of one technique page that does not print its stated output."""
    return examples_problems(tech.id, [(ex.code, ex.output) for ex in tech.examples], path)


def examples_problems(tech_id: str, examples: list[tuple[str, str]], path: Path) \
        -> list[Problem]:
    found = (example_problem(tech_id, i, code, output) for i, (code, output) in
             enumerate(examples))
    return [Problem(path, f"field `examples.{i}`: {why}") for i, why in enumerate(found) if why]


def _page(tech: Technique, path: Path) -> dict[str, Any]:
    return {"id": tech.id, "path": str(path),
            "examples": [(ex.code, ex.output) for ex in tech.examples]}


def _key(cache: VerdictCache, page: dict[str, Any]) -> str:
    """A page's examples, this module and the environment (Python, torch...)."""
    return cache.key_of("examples", _SOURCE, json.dumps([page["id"], page["examples"]]))


def _stored(cache: VerdictCache, page: dict[str, Any]) -> list[Problem] | None:
    found = cache.get(_key(cache, page)) if cache.enabled else None
    if isinstance(found, list) and all(isinstance(m, str) for m in found):
        return [Problem(Path(page["path"]), m) for m in found]
    return None


def checked_page(tech: Technique, path: Path, cache: VerdictCache) -> list[Problem]:
    """`page_problems` in this process, through the cache."""
    page = _page(tech, path)
    found = _stored(cache, page)
    if found is None:
        found = page_problems(tech, path)
        if cache.enabled:
            cache.put(_key(cache, page), [p.message for p in found])
    return found


class Run:
    """Every page's examples checked in a child process, on a thread, while the rooms grade
    (what they print and the torch state they touch stay out of the checking process); pages
    whose examples and environment are unchanged come from the cache."""

    LIMIT = 600.0  # seconds for all of them

    def __init__(self, techniques: dict[str, Technique], folder: Path,
                 cache: VerdictCache) -> None:
        self.folder, self._cache = folder, cache
        pages = [_page(t, folder / f"{t.id}.yaml") for t in techniques.values()]
        self._found: list[Problem] = []
        todo = []
        for page in pages:
            stored = _stored(cache, page)
            if stored is None:
                todo.append(page)
            else:
                self._found += stored
        self._thread = threading.Thread(target=self._run, args=(todo,), daemon=True)
        self._thread.start()

    def _run(self, todo: list[dict[str, Any]]) -> None:
        if not todo:
            return
        why = ""
        try:
            done = subprocess.run([sys.executable, "-m", "arena_dungeon.dev.examples"],
                                  input=json.dumps(todo), capture_output=True, text=True,
                                  timeout=self.LIMIT)
            why = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
            found = [Problem(Path(p["path"]), p["message"]) for p in json.loads(done.stdout)]
        except subprocess.TimeoutExpired:
            why = f"they took more than {self.LIMIT:g} s"
            found = None
        except (ValueError, KeyError, TypeError):
            found = None
        if found is None:
            self._found.append(Problem(self.folder, f"running the pages' examples failed: {why}"))
            return
        self._found += found
        for page in todo if self._cache.enabled else []:
            self._cache.put(_key(self._cache, page),
                            [p.message for p in found if str(p.path) == page["path"]])

    def problems(self) -> list[Problem]:
        self._thread.join()
        return self._found


def main() -> int:
    """Read pages from stdin as JSON ([{id, path, examples: [[code, output]...]}]), check
    their examples, print the problems as JSON."""
    problems = []
    for page in json.load(sys.stdin):
        problems += examples_problems(page["id"], [(c, o) for c, o in page["examples"]],
                                      Path(page["path"]))
    json.dump([{"path": str(p.path), "message": p.message} for p in problems], sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
