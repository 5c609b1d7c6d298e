"""A room's known wrong answers (`wrong.yaml`), and the check that each one is caught.

Each entry is a mistake a learner makes, stored as the smallest change that makes it:
`replace` edits applied to the room's `solution.py` in order (each `old` must occur exactly
once at that point), or, when the mistake is not a small edit, a whole player file under the
room's `wrong/` folder. `catches` names the case in `test_room.py` that must fail on it (so a
hint tied to that case really fires), or `rule` for a mistake the room's rules reject before
any case runs.

    format_version: 1
    wrong:
      - id: no-keepdim
        why: row totals without keepdim broadcast against the columns
        catches: test_rows_sum_to_one
        replace:
          - old: "e.sum(dim=-1, keepdim=True)"
            new: "e.sum(dim=-1)"
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arena_dungeon.content import _STRICT, ContentError, Room, _read_yaml, _validate

if TYPE_CHECKING:
    from arena_dungeon.grading.report import RoomResult
    from arena_dungeon.grading.worker import WarmWorker

FORMAT_VERSION = 1
FILE_NAME = "wrong.yaml"
FOLDER = "wrong"  # whole wrong player files, next to wrong.yaml
# A mistake the room's rules reject has no failing case: it names the verdict instead.
CAUGHT_BEFORE_CASES = ("rule",)


@dataclass(frozen=True)
class Edit:
    __pydantic_config__ = _STRICT

    old: str
    new: str


@dataclass(frozen=True)
class _Entry:
    """One entry of wrong.yaml, as written."""

    __pydantic_config__ = _STRICT

    id: str
    why: str
    catches: str
    replace: list[Edit] | None = None
    file: str | None = None


@dataclass(frozen=True)
class Mistake:
    """A known wrong answer to a room, and the case that must catch it."""

    id: str
    why: str
    catches: str
    base: Path = field(repr=False)  # the room's solution.py, or the whole wrong file
    edits: tuple[Edit, ...] = field(default=(), repr=False)
    where: Path = field(default=Path(FILE_NAME), repr=False)  # the wrong.yaml it came from

    def source(self) -> str:
        """The full wrong player file as text."""
        text = self.base.read_text(encoding="utf-8")
        for i, edit in enumerate(self.edits):
            count = text.count(edit.old)
            if count != 1:
                found = "does not occur" if count == 0 else f"occurs {count} times"
                raise ContentError(self.where, f"entry `{self.id}`: field `replace.{i}.old` "
                                               f"{found} in {self.base.name} at that point: "
                                               f"{_short(edit.old)}")
            text = text.replace(edit.old, edit.new)
        return text


def _short(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else repr(text)
    return repr(line[:60] + ("…" if len(line) > 60 or "\n" in text.strip() else ""))


def load_mistakes(room: Room) -> list[Mistake]:
    """The room's wrong answers from its wrong.yaml (none when it has no such file).

    Raises ContentError naming wrong.yaml and the entry for any problem: unknown keys, both or
    neither of `replace`/`file`, an `old` that is not there exactly once, a `catches` that
    names no test, a file in `wrong/` that no entry names.
    """
    path = room.folder / FILE_NAME
    if not path.is_file():
        if (room.folder / FOLDER).is_dir():
            raise ContentError(room.folder / FOLDER, f"wrong answers here but no {FILE_NAME} "
                                                     "names them")
        return []
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise ContentError(path, "expected a mapping of fields at the top level")
    for key in data:
        if key not in ("format_version", "wrong"):
            raise ContentError(path, f"field `{key}`: unknown field")
    if data.get("format_version") != FORMAT_VERSION:
        raise ContentError(path, f"field `format_version`: must be {FORMAT_VERSION}, got "
                                 f"{data.get('format_version')!r}")
    entries = data.get("wrong")
    if not isinstance(entries, list) or not entries:
        raise ContentError(path, "field `wrong`: needs a list of at least one wrong answer")
    tests = room.tests.read_text(encoding="utf-8")
    mistakes: list[Mistake] = []
    for i, raw in enumerate(entries):
        mistake = _mistake(room, path, i, raw, tests)
        if any(m.id == mistake.id for m in mistakes):
            raise ContentError(path, f"entry `{mistake.id}`: field `id`: used twice")
        mistakes.append(mistake)
    named = {m.base for m in mistakes}
    stray = sorted(p.name for p in (room.folder / FOLDER).glob("*") if p.resolve() not in named)
    if stray:
        raise ContentError(path, f"no entry names {FOLDER}/{stray[0]}: list it with `file:` or "
                                 "delete it")
    return mistakes


def _mistake(room: Room, path: Path, i: int, raw: Any, tests: str) -> Mistake:
    name = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
    label = f"entry `{name}`" if name else f"entry {i}"
    try:
        entry: _Entry = _validate(_Entry, path, raw)
    except ContentError as exc:
        raise ContentError(path, f"{label}: {exc.message}") from None
    label = f"entry `{entry.id}`"
    if (entry.replace is None) == (entry.file is None):
        raise ContentError(path, f"{label}: needs exactly one of `replace` (edits to "
                                 "solution.py) or `file` (a whole wrong file)")
    if entry.catches not in CAUGHT_BEFORE_CASES and f"def {entry.catches}(" not in tests:
        raise ContentError(path, f"{label}: field `catches`: no test `{entry.catches}` in "
                                 "test_room.py")
    if entry.file is not None:
        wrong_dir = (room.folder / FOLDER).resolve()
        base = (room.folder / entry.file).resolve()
        if base.parent != wrong_dir or base.suffix != ".py":
            raise ContentError(path, f"{label}: field `file`: `{entry.file}` must be a .py file "
                                     f"in the room's {FOLDER}/ folder")
        if not base.is_file():
            raise ContentError(path, f"{label}: field `file`: no file {base}")
        edits: tuple[Edit, ...] = ()
    else:
        assert entry.replace is not None
        if not entry.replace:
            raise ContentError(path, f"{label}: field `replace`: needs at least one edit")
        base, edits = room.solution, tuple(entry.replace)
    mistake = Mistake(id=entry.id, why=entry.why, catches=entry.catches, base=base,
                      edits=edits, where=path)
    if edits:
        mistake.source()  # every `old` is there exactly once, or the error names it
    return mistake


def problem(mistake: Mistake, result: RoomResult) -> str | None:
    """Why `result` (the grading of `mistake.source()`) does not show it caught, if it does not."""
    if result.cleared:
        return f"wrong answer `{mistake.id}` passes every case"
    if result.verdict == "harness" or "harness" in result.failure_kinds:
        return f"wrong answer `{mistake.id}` hit a grader error: {result.message}"
    if mistake.catches in CAUGHT_BEFORE_CASES:
        if result.verdict != mistake.catches:
            return (f"wrong answer `{mistake.id}` should be caught by the room's rules but got "
                    f"{result.verdict or result.summary()}")
        return None
    if mistake.catches not in result.failed_cases:
        failed = ", ".join(result.failed_cases) or result.message or "no case"
        return (f"wrong answer `{mistake.id}` does not fail `{mistake.catches}` "
                f"(it fails: {failed})")
    return None


def grade_mistake(room: Room, mistake: Mistake,
                  worker: WarmWorker | None = None) -> tuple[RoomResult, str | None]:
    """Grade the wrong answer like a player file: the result and the problem, if any."""
    import tempfile

    from arena_dungeon.grading.runner import grade

    with tempfile.TemporaryDirectory(prefix="arena-wrong-") as tmp:
        target = Path(tmp) / room.filename
        target.write_text(mistake.source(), encoding="utf-8")
        result = grade(room, target, worker=worker)
    return result, problem(mistake, result)
