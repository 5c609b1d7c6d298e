"""CaseResult / RoomResult: the outcome of grading one room, as plain data."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Verdicts that end grading for the whole file, each with its own words in the UI.
FILE_VERDICTS = ("syntax", "import", "missing", "timeout", "crash", "harness", "unreadable", "rule")


def case_title(name: str) -> str:
    """`test_parallel_ray_misses` -> `parallel ray misses`."""
    return name.removeprefix("test_").replace("_", " ")


@dataclass
class CaseResult:
    """One test case: its name, pass/fail, and the one-line learner-facing reason."""

    name: str
    passed: bool
    kind: str = ""
    message: str = ""
    details: str = ""
    expected: str = ""
    got: str = ""
    line: int | None = None
    code: str = ""
    doc: str = ""
    duration: float = 0.0
    raw: str = ""

    @property
    def title(self) -> str:
        return case_title(self.name)


@dataclass
class Picture:
    caption: str
    pixels: list[list[float]]
    channels: int


@dataclass
class RoomResult:
    """Everything grading found out about the player's file."""

    room_id: str
    cases: list[CaseResult] = field(default_factory=list)
    verdict: str = ""  # "" when cases ran normally, else one of FILE_VERDICTS
    message: str = ""
    line: int | None = None
    code: str = ""
    pictures: list[Picture] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    curves: list[tuple[str, list[float]]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    raw_output: str = ""
    seconds: float = 0.0

    @property
    def n_passed(self) -> int:
        return sum(c.passed for c in self.cases)

    @property
    def cleared(self) -> bool:
        return not self.verdict and bool(self.cases) and all(c.passed for c in self.cases)

    @property
    def failure_kinds(self) -> list[str]:
        kinds = [self.verdict] if self.verdict else []
        return kinds + [c.kind for c in self.cases if not c.passed and c.kind]

    @property
    def failed_cases(self) -> list[str]:
        """Cases whose failure says something about the player's code: a case that only
        reached `raise NotImplementedError` tells no pitfall apart (hints tied to a case
        must not fire on an untouched stub)."""
        return [c.name for c in self.cases if not c.passed and c.kind != "not_implemented"]

    def summary(self) -> str:
        if self.verdict:
            return self.message
        return f"{self.n_passed}/{len(self.cases)} cases passed"


def parse_report(path: Path, room_id: str) -> tuple[RoomResult, str | None, bool]:
    """Read the plugin's JSON lines.

    Returns the result, the case left running at the end ("" if the child died before
    the first case, None if none), and whether pytest finished its session.
    """
    result = RoomResult(room_id=room_id)
    running: str | None = None
    done = False
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    for line in lines:
        try:
            rec: dict[str, Any] = json.loads(line)
        except json.JSONDecodeError:
            continue
        event = rec.get("event")
        if event == "start":
            running = rec.get("name")
        elif event == "case":
            running = None
            result.cases.append(CaseResult(
                name=rec.get("name", "?"), passed=rec.get("outcome") == "passed",
                kind=rec.get("kind", ""), message=rec.get("message", ""),
                details=rec.get("details", ""), expected=rec.get("expected", ""),
                got=rec.get("got", ""), line=rec.get("line"), code=rec.get("code", ""),
                doc=rec.get("doc", ""), duration=rec.get("duration", 0.0), raw=rec.get("raw", "")))
        elif event == "picture":
            result.pictures.append(Picture(rec.get("caption", ""), rec["pixels"],
                                           rec.get("channels", 1)))
        elif event == "curve":
            result.curves.append((rec.get("title", ""), rec.get("values", [])))
        elif event == "warning":
            result.warnings.append(rec.get("text", ""))
        elif event == "note":
            result.notes.append(rec.get("text", ""))
        elif event == "done":
            done = True
    if not done and running is None and not result.cases:
        running = ""  # the child died before the first case started
    return result, running, done
