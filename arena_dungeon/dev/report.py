"""What `arena dev check` found: problems, each naming the file at fault, per room and overall."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from arena_dungeon.content import ContentError, Room
from arena_dungeon.grading.report import RoomResult


@dataclass(frozen=True)
class Problem:
    """One thing to fix: the file, the line when known, and what is wrong in a sentence."""

    path: Path
    message: str
    line: int | None = None

    @classmethod
    def of(cls, error: ContentError) -> Problem:
        return cls(error.path, error.message)

    def shown(self, root: Path | None = None) -> str:
        """`path[:line]: message`, the path relative to `root` (default: the current folder)
        when it is inside."""
        try:
            where: Path | str = self.path.resolve().relative_to((root or Path.cwd()).resolve())
        except (ValueError, OSError):
            where = self.path
        return f"{where}{f':{self.line}' if self.line else ''}: {self.message}"

    def __str__(self) -> str:
        return self.shown()


@dataclass
class RoomCheck:
    """What `dev check` found about one room."""

    room: Room
    problems: list[Problem] = field(default_factory=list)
    stub: RoomResult | None = None
    solution: RoomResult | None = None
    mistakes: int = 0  # wrong answers graded
    graded: int = 0  # gradings run (the rest came from the verdict cache)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, path: Path, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(path, message, line))


@dataclass
class Report:
    """The whole run: problems outside any graded room (content files, pages) and each room."""

    root: Path
    content: list[Problem] = field(default_factory=list)
    rooms: list[RoomCheck] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def problems(self) -> list[Problem]:
        return self.content + [p for r in self.rooms for p in r.problems]

    @property
    def ok(self) -> bool:
        return not self.problems
