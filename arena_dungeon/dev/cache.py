"""The verdict cache: a grading's result, stored under a hash of every input of that grading.

For a grading, the inputs are the graded file's bytes and name; the room's folder (all but
`wrong.yaml` and `wrong/`, which grading never reads: each wrong answer is its own graded file)
and its record as loaded (timeout, rules, given...); the dungeon's `given/` and `assets/`
folders; every module of this package that grading runs (`arena_dungeon/testing.py`,
`arena_dungeon/grading/*.py` and what they import, but the content loader, whose effect is the
record); the Python build and the version of every installed distribution (torch, numpy,
pytest...); and whether the grading was warm or cold. Change any of them and the grading runs
again. The same store keeps the technique pages' example runs, keyed on each page's examples
and the same environment.

`ARENA_DEV_CACHE=0` turns the cache off; `ARENA_DEV_CACHE=DIR` puts it in DIR;
by default it lives in the user's cache folder. Results that may come from a busy machine
rather than from the code (a timeout, a crash, a grader error) are never stored.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import sys
import tempfile
import time
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from arena_dungeon.content import Room
from arena_dungeon.grading.report import CaseResult, Picture, RoomResult
from arena_dungeon.grading.vocabulary import Kind

ENV = "ARENA_DEV_CACHE"
FORMAT = 1  # bump when what is stored changes
MAX_AGE_DAYS = 30
_PACKAGE = Path(__file__).resolve().parent.parent
_UNSTABLE = {"timeout", "crash", "harness"}  # verdicts that can come from a loaded machine
_SKIPPED_DIRS = {"__pycache__", ".pytest_cache"}


def default_folder() -> Path | None:
    """Where the cache lives, from ARENA_DEV_CACHE; None when it is turned off."""
    value = os.environ.get(ENV, "").strip()
    if value == "0":
        return None
    if value:
        return Path(value).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "arena-dungeon" / "verdicts"


def _hash_files(h: hashlib._Hash, folder: Path, *, skip: frozenset[str] = frozenset()) -> None:
    """Feed every file under `folder` (names relative to it, then bytes) into `h`, but the
    files and folders named in `skip` at its top."""
    if not folder.is_dir():
        return
    for sub, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS
                         and not (sub == str(folder) and d in skip))
        for name in sorted(files):
            path = Path(sub) / name
            rel = path.relative_to(folder).as_posix()
            if rel in skip or name.endswith(".pyc"):
                continue
            h.update(f"\0{rel}\0".encode())
            h.update(path.read_bytes())


def grading_modules() -> list[Path]:
    """The package's modules a grading runs: testing.py, grading/*.py and what they import,
    but the content models (grading reads a room's record, which `room_key` hashes whole, so
    that a change to the loader that leaves every record as it was keeps the cache)."""
    todo = [_PACKAGE / "testing.py", *sorted((_PACKAGE / "grading").glob("*.py"))]
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file() or path == _PACKAGE / "content.py":
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_bytes())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names] \
                if isinstance(node, ast.ImportFrom) and node.level == 0 else []
            for name in names:
                parts = name.split(".")
                if parts[0] == "arena_dungeon":
                    rel = _PACKAGE.joinpath(*parts[1:])
                    todo += [rel / "__init__.py", rel.parent / f"{rel.name}.py"]
    return sorted(seen)


@cache
def grader_key() -> str:
    """Everything a grading depends on outside the content: our code, Python, the packages."""
    from importlib import metadata

    h = hashlib.sha256(f"{FORMAT}|{sys.version}|{sys.platform}|{sys.executable}".encode())
    for path in grading_modules():
        h.update(f"\0{path.relative_to(_PACKAGE).as_posix()}\0".encode())
        h.update(path.read_bytes())
    dists = sorted({f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()})
    h.update("\n".join(dists).encode())
    return h.hexdigest()


def room_key(room: Room) -> str:
    """The room's own inputs: its record as loaded, its folder (but its wrong answers) and the
    dungeon's given/ and assets/."""
    h = hashlib.sha256(repr(room).encode())  # every field, the folder and number included
    _hash_files(h, room.folder, skip=frozenset({"wrong.yaml", "wrong"}))
    for shared in ("given", "assets"):
        h.update(f"\0{shared}/\0".encode())
        _hash_files(h, room.folder.parent / shared)
    for folder in room.given_dirs:  # another dungeon's given/ (`given: [1.2/tiny_lens.py]`)
        if folder != room.given_dir:
            h.update(f"\0{folder.parent.name}/given/\0".encode())
            _hash_files(h, folder)
    return h.hexdigest()


class VerdictCache:
    """Grading results on disk, one JSON file per key (plain data, never code); a missing or
    unreadable entry is a miss."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0
        self._room_keys: dict[Path, str] = {}

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def key_of(self, *parts: str) -> str:
        """A key for anything else that depends on the grading environment (and `parts`)."""
        return hashlib.sha256("\0".join((grader_key(), *parts)).encode()).hexdigest()

    def key(self, room: Room, target: Path, mode: str) -> str:
        if room.folder not in self._room_keys:
            self._room_keys[room.folder] = room_key(room)
        h = hashlib.sha256(f"{grader_key()}|{self._room_keys[room.folder]}|{mode}|"
                           f"{target.name}\0".encode())
        h.update(target.read_bytes())
        return h.hexdigest()

    def get(self, key: str) -> Any:
        """The JSON value stored under `key`, or None."""
        if self.folder is None:
            return None
        try:
            with open(self.folder / f"{key}.json", encoding="utf-8") as f:
                value = json.load(f)
        except (OSError, ValueError, RecursionError):  # missing or torn: a miss
            value = None
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(value, f, separators=(",", ":"))
            os.replace(tmp, self.folder / f"{key}.json")
        except OSError:
            pass  # a read-only or full disk just means no cache

    def get_result(self, key: str) -> RoomResult | None:
        value = self.get(key)
        try:
            return decode(value) if value is not None else None
        except (TypeError, ValueError, KeyError, AttributeError):  # not a result of this grader
            return None

    def put_result(self, key: str, result: RoomResult) -> None:
        if storable(result):
            self.put(key, asdict(result))

    def prune(self, max_age_days: float = MAX_AGE_DAYS) -> None:
        """Drop entries not written for a while (and stray temp files from killed runs)."""
        if self.folder is None or not self.folder.is_dir():
            return
        limit = time.time() - max_age_days * 86400
        for entry in os.scandir(self.folder):
            try:
                if entry.stat().st_mtime < limit or (entry.name.endswith(".tmp") and
                                                    entry.stat().st_mtime < time.time() - 3600):
                    os.unlink(entry.path)
            except OSError:
                pass


def decode(data: dict[str, Any]) -> RoomResult:
    """A RoomResult from its `asdict` form (kinds back as Kind, pictures as Picture)."""
    def kind(value: str | None) -> Kind | None:
        return Kind(value) if value else None

    data = dict(data)
    cases = [CaseResult(**{**c, "kind": kind(c["kind"])}) for c in data.pop("cases")]
    pictures = [Picture(**p) for p in data.pop("pictures")]
    curves = [(title, values) for title, values in data.pop("curves")]
    return RoomResult(**{**data, "verdict": kind(data["verdict"])}, cases=cases,
                      pictures=pictures, curves=curves)


def storable(result: RoomResult) -> bool:
    """A result that says something about the code, not about how busy the machine was."""
    return str(result.verdict) not in _UNSTABLE and \
        not any(str(c.kind) in _UNSTABLE for c in result.cases)
