"""CaseResult / RoomResult, and the one reader of the grading child's record stream.

`ReportReader` reads the stream as it grows (for live progress) and at the end, and holds
the child to the stream's rules (`grading.vocabulary`): the run's token on every line, the
collected cases first, one `case` for each `start`, exactly one record per collected case,
nothing after `done`. A stream that breaks them was written by someone other than the
grader, and the verdict is `tampered`, never a pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from arena_dungeon.grading.vocabulary import (
    FILE_VERDICTS,
    Case,
    Collected,
    Curve,
    Done,
    Kind,
    Lingering,
    Note,
    PictureRecord,
    Progress,
    Record,
    Start,
    StreamFault,
    Warning,
    decode,
)

__all__ = ["FILE_VERDICTS", "CaseResult", "Picture", "ReportReader", "RoomResult", "case_title"]


def case_title(name: str) -> str:
    """`test_parallel_ray_misses` -> `parallel ray misses`."""
    return name.removeprefix("test_").replace("_", " ")


@dataclass
class CaseResult:
    """One test case: its name, pass/fail, and the one-line learner-facing reason."""

    name: str
    passed: bool
    kind: Kind | None = None
    message: str = ""
    details: str = ""
    expected: str = ""
    got: str = ""
    line: int | None = None
    code: str = ""
    doc: str = ""
    duration: float = 0.0
    raw: str = ""
    output: str = ""  # what the player's code printed during this case (capped)

    @property
    def title(self) -> str:
        return case_title(self.name)


@dataclass
class Picture:
    caption: str
    pixels: list[list[float]]
    channels: int
    signed: bool = False  # blue above zero, red below: drawn with signs where there is no colour


@dataclass
class RoomResult:
    """Everything grading found out about the player's file."""

    room_id: str
    cases: list[CaseResult] = field(default_factory=list)
    verdict: Kind | None = None  # None when cases ran normally, else one of FILE_VERDICTS
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
        return self.verdict is None and bool(self.cases) and all(c.passed for c in self.cases)

    @property
    def failure_kinds(self) -> list[Kind]:
        kinds = [self.verdict] if self.verdict else []
        return kinds + [c.kind for c in self.cases if not c.passed and c.kind]

    @property
    def failed_cases(self) -> list[str]:
        """Cases whose failure says something about the player's code: a case that only
        reached `raise NotImplementedError` tells no pitfall apart (hints tied to a case
        must not fire on an untouched stub)."""
        return [c.name for c in self.cases if not c.passed and c.kind != Kind.NOT_IMPLEMENTED]

    def summary(self) -> str:
        if self.verdict:
            return self.message
        return f"{self.n_passed}/{len(self.cases)} cases passed"


class ReportReader:
    """Reads the child's record stream from `path` as it grows; holds it to its rules."""

    def __init__(self, path: Path, room_id: str, token: str) -> None:
        self.path = path
        self.token = token
        self.result = RoomResult(room_id=room_id)
        self.collected: list[str] | None = None
        self.running: Start | None = None
        self.started = False  # the first case has started
        self.done = False
        self.lingering: list[str] = []
        self.faults: list[str] = []
        self._seen: set[str] = set()
        self._offset = 0

    def poll(self) -> list[Record]:
        """The complete records written since the last call."""
        try:
            with open(self.path, "rb") as f:
                f.seek(self._offset)
                chunk = f.read()
        except OSError:
            return []
        complete = chunk[:chunk.rfind(b"\n") + 1]
        self._offset += len(complete)
        records = []
        for line in complete.decode("utf-8", "replace").splitlines():
            try:
                record = decode(line, self.token)
            except StreamFault as exc:
                self.faults.append(str(exc))
                continue
            self._take(record)
            records.append(record)
        return records

    def _fault(self, why: str) -> None:
        self.faults.append(why)

    def _take(self, rec: Record) -> None:
        if self.done:
            self._fault(f"a {rec.event} record after the end")
        elif isinstance(rec, Collected):
            if self.collected is not None or self.started:
                self._fault("cases collected twice")
            self.collected = list(rec.ids)
        elif isinstance(rec, Start):
            if self.collected is None or rec.id not in self.collected or rec.id in self._seen \
                    or self.running is not None:
                self._fault(f"a start of case `{rec.name}` out of order")
            self.started = True
            self.running = rec
        elif isinstance(rec, Case):
            if self.running is None or self.running.id != rec.id or rec.id in self._seen \
                    or rec.outcome not in ("passed", "failed", "skipped"):
                self._fault(f"a result for case `{rec.name}` that was not running")
            self._seen.add(rec.id)
            self.running = None
            self.result.cases.append(_case_result(rec))
        elif isinstance(rec, PictureRecord):
            self.result.pictures.append(Picture(rec.caption, rec.pixels, rec.channels,
                                                bool(rec.signed)))
        elif isinstance(rec, Curve):
            self.result.curves.append((rec.title, list(rec.values)))
        elif isinstance(rec, Warning):
            self.result.warnings.append(rec.text)
        elif isinstance(rec, Note):
            self.result.notes.append(rec.text)
        elif isinstance(rec, Lingering):
            self.lingering = list(rec.threads)
        elif isinstance(rec, Done):
            self.done = True  # possibly early: see `missing`
        elif not isinstance(rec, Progress):
            self._fault(f"an unexpected {rec.event} record")


    @property
    def missing(self) -> list[str]:
        """Collected cases that have no result (the run stopped early)."""
        return [i for i in self.collected or [] if i not in self._seen]


def _case_result(rec: Case) -> CaseResult:
    passed = rec.outcome == "passed" and not rec.kind
    return CaseResult(
        name=rec.name, passed=passed, kind=None if passed else Kind.parse(rec.kind or "error"),
        message=rec.message, details=rec.details, expected=rec.expected, got=rec.got,
        line=rec.line, code=rec.code, doc=rec.doc, duration=rec.duration, raw=rec.raw,
        output=rec.output)
