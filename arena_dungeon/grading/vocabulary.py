"""The grading vocabulary: failure kinds, and the records the grading child streams.

Defined once and used by every side of grading: room tests (`testing.fail(kind=...)`),
the pytest plugin that writes records, the runner that reads them, the UI that labels
them and content validation (a hint's `after_kind` must name a kind). Like exercism's
`results.json`, the stream carries a version: a reader refuses a stream it does not know.

A stream is JSON lines, one record each, in this order: `collected` (the case ids, written
before the player's file is imported), then per case `start` and `case` (with `picture`,
`curve`, `warning`, `note` and `progress` records in between), then `done`, or `lingering`
and `done`. Each record carries the run's token, so lines written by anyone else stand out.
Imports nothing heavy: the game's parent process reads it too.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from enum import Enum
from typing import Any, ClassVar

REPORT_VERSION = 3  # 3: pictures say whether they show signed values


class Kind(str, Enum):
    """Why a case (or the whole file) failed. The value is what room tests and YAML write."""

    # A case's result, as the room's tests judged it.
    VALUE = "value"
    SHAPE = "shape"
    DTYPE = "dtype"
    TYPE = "type"
    DEVICE = "device"
    NAN = "nan"
    MUTATION = "mutation"
    RULE = "rule"
    SLOW = "slow"
    CONTRACT = "contract"
    # The player's code raised or stopped while a case ran.
    NOT_IMPLEMENTED = "not_implemented"
    EXCEPTION = "exception"
    EXIT = "exit"
    MEMORY = "memory"
    ERROR = "error"
    SKIPPED = "skipped"
    # The whole file: grading could not run the cases normally.
    SYNTAX = "syntax"
    IMPORT = "import"
    MISSING = "missing"
    UNREADABLE = "unreadable"
    TIMEOUT = "timeout"
    CRASH = "crash"
    THREAD = "thread"
    TAMPERED = "tampered"
    HARNESS = "harness"

    __hash__ = str.__hash__  # a Kind and its string are the same dict key

    def __str__(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        """The words in the verdict table's column."""
        return LABELS[self]

    @classmethod
    def parse(cls, value: object) -> Kind:
        """A kind from a record; anything unknown is a fault of the grader, never a pass."""
        try:
            return cls(value)
        except ValueError:
            return cls.HARNESS


LABELS: dict[Kind, str] = {
    Kind.VALUE: "wrong values", Kind.SHAPE: "wrong shape", Kind.DTYPE: "wrong dtype",
    Kind.TYPE: "wrong type", Kind.DEVICE: "wrong device", Kind.NAN: "NaN",
    Kind.MUTATION: "mutated input", Kind.RULE: "rule broken", Kind.SLOW: "too slow",
    Kind.CONTRACT: "breaks annotation", Kind.NOT_IMPLEMENTED: "not implemented",
    Kind.EXCEPTION: "error", Kind.EXIT: "exited", Kind.MEMORY: "out of memory",
    Kind.ERROR: "failed", Kind.SKIPPED: "skipped", Kind.SYNTAX: "syntax error",
    Kind.IMPORT: "import error", Kind.MISSING: "missing", Kind.UNREADABLE: "unreadable",
    Kind.TIMEOUT: "timed out", Kind.CRASH: "crashed", Kind.THREAD: "thread left running",
    Kind.TAMPERED: "tampering", Kind.HARNESS: "grader bug",
}

# Verdicts that end grading for the whole file, each with its own title in the UI.
FILE_VERDICTS: frozenset[Kind] = frozenset({
    Kind.SYNTAX, Kind.IMPORT, Kind.MISSING, Kind.UNREADABLE, Kind.RULE, Kind.TIMEOUT,
    Kind.CRASH, Kind.THREAD, Kind.TAMPERED, Kind.HARNESS})

# The panel title over a whole-file verdict.
TITLES: dict[Kind, str] = {
    Kind.SYNTAX: "Syntax error", Kind.IMPORT: "Your file failed to load",
    Kind.MISSING: "Missing name", Kind.UNREADABLE: "File missing or unreadable",
    Kind.RULE: "Room rule broken", Kind.TIMEOUT: "Time limit", Kind.CRASH: "Crashed",
    Kind.THREAD: "A thread left running", Kind.TAMPERED: "Tampered with",
    Kind.HARNESS: "A bug in arena-dungeon"}

# Kinds a room's test may raise with `testing.fail(kind=...)`.
TEST_KINDS: frozenset[Kind] = frozenset({
    Kind.VALUE, Kind.SHAPE, Kind.DTYPE, Kind.TYPE, Kind.DEVICE, Kind.NAN, Kind.MUTATION,
    Kind.RULE, Kind.SLOW, Kind.EXCEPTION, Kind.TIMEOUT, Kind.CRASH, Kind.HARNESS,
    Kind.MISSING, Kind.SKIPPED})


# ---------------------------------------------------------------- records


@dataclass
class Record:
    """One line of the stream. Subclasses name their `event`."""

    event: ClassVar[str] = ""

    def to_line(self, token: str) -> str:
        return json.dumps({"v": REPORT_VERSION, "event": self.event, "token": token,
                           **asdict(self)}) + "\n"


@dataclass
class Collected(Record):
    """The cases pytest collected, before any of the player's code ran."""

    event: ClassVar[str] = "collected"
    ids: list[str] = field(default_factory=list)


@dataclass
class Start(Record):
    event: ClassVar[str] = "start"
    id: str = ""
    name: str = ""


@dataclass
class Case(Record):
    """A finished case: its outcome and the learner-facing reason."""

    event: ClassVar[str] = "case"
    id: str = ""
    name: str = ""
    outcome: str = "failed"  # passed | failed | skipped
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
    output: str = ""  # what the player's code printed during the case (capped)


@dataclass
class PictureRecord(Record):
    event: ClassVar[str] = "picture"
    caption: str = ""
    pixels: list[list[float]] = field(default_factory=list)
    channels: int = 1
    signed: bool = False  # blue above zero, red below (`testing.show_signed`)


@dataclass
class Curve(Record):
    event: ClassVar[str] = "curve"
    title: str = ""
    values: list[float] = field(default_factory=list)


@dataclass
class Warning(Record):  # noqa: A001 - the record's name in the stream
    event: ClassVar[str] = "warning"
    text: str = ""


@dataclass
class Note(Record):
    event: ClassVar[str] = "note"
    text: str = ""


@dataclass
class Progress(Record):
    event: ClassVar[str] = "progress"
    done: int = 0
    total: int = 0
    text: str = ""


@dataclass
class Lingering(Record):
    """Threads of the player's still running after the last case."""

    event: ClassVar[str] = "lingering"
    threads: list[str] = field(default_factory=list)


@dataclass
class Done(Record):
    event: ClassVar[str] = "done"
    exitstatus: int = 0


RECORD_TYPES: dict[str, type[Record]] = {
    cls.event: cls for cls in (Collected, Start, Case, PictureRecord, Curve, Warning, Note,
                               Progress, Lingering, Done)}


class StreamFault(Exception):
    """A line that is not a record of this stream (wrong version, token or shape)."""


def decode(line: str, token: str) -> Record:
    """One line of the stream as its record; raises StreamFault for anything else."""
    try:
        raw: Any = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise StreamFault(f"not JSON: {line[:80]!r}") from exc
    if not isinstance(raw, dict):
        raise StreamFault("not a record")
    if raw.pop("v", None) != REPORT_VERSION:
        raise StreamFault("a record of another stream version")
    if raw.pop("token", None) != token:
        raise StreamFault("a record without this run's token")
    cls = RECORD_TYPES.get(str(raw.pop("event", "")))
    if cls is None:
        raise StreamFault("an unknown record")
    names = {f.name for f in fields(cls)}
    if set(raw) - names:
        raise StreamFault(f"unknown fields in a {cls.event} record")
    try:
        return cls(**raw)
    except TypeError as exc:
        raise StreamFault(str(exc)) from exc
