"""The game's content: typed models for dungeons, rooms, techniques, sub-problems; the loader.

The models are plain frozen dataclasses. A fresh load validates every file with pydantic
(strict: unknown keys are errors) and cross-checks ids; the result can be cached as JSON
keyed by the files' sizes and times (checked field by field when read back, never code),
so that commands that don't grade start without importing pydantic or parsing YAML.
Every problem with a content file becomes a `ContentError` that names the file and the
field; `survey` finds them all in one run; the CLI shows them, never a traceback.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Literal

CACHE_VERSION = 4  # bump when a record's fields change: old content caches are rebuilt
CONTENT_ENV = "ARENA_CONTENT"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DUNGEON_ID = re.compile(r"^\d+\.\d+$")
_GIVEN = re.compile(r"^(\d+\.\d+/)?[a-z_][a-z0-9_]*\.py$")
_STRICT = {"extra": "forbid"}  # pydantic config for every content model


# Content records are read-only and compared by identity (one object per file): no
# generated __eq__/__hash__, which also makes importing this module cheaper.
_record = dataclass(frozen=True, eq=False)


class ContentError(Exception):
    """A content file is broken: `path` and a message naming the field."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class ContentErrors(ContentError):
    """Several content problems at once; str() lists each on its own line."""

    def __init__(self, problems: list[ContentError]) -> None:
        self.problems = list(problems)
        first = self.problems[0]
        Exception.__init__(self, "\n".join(str(p) for p in self.problems))
        self.path = first.path
        self.message = first.message if len(self.problems) == 1 else str(self)


@_record
class Rules:
    """Constraints on the player's code, checked on its syntax tree before any case runs."""

    __pydantic_config__ = _STRICT

    no_loops: bool = False
    must_use: list[str] = field(default_factory=list)
    forbid: list[str] = field(default_factory=list)
    max_lines: int | None = None


@_record
class Hint:
    """A hint rung tied to a failure: offered first after a case or failure kind fails."""

    __pydantic_config__ = _STRICT

    text: str
    after_case: str | None = None
    after_kind: str | None = None


@_record
class Room:
    """One exercise: a stub, its tests, hints, and what it grants."""

    __pydantic_config__ = _STRICT

    format_version: Literal[2]
    id: str
    title: str
    difficulty: int
    importance: int
    minutes: int
    entry: str
    brief: str
    hints: list[str | Hint]
    debrief: str
    requires: list[str] = field(default_factory=list)
    grants: list[str] = field(default_factory=list)
    uses: list[str] = field(default_factory=list)
    subproblems: list[str] = field(default_factory=list)
    rules: Rules = field(default_factory=Rules)
    timeout: float = 30.0
    typecheck: bool = False  # check the entry's jaxtyping annotations at runtime (beartype)
    arena: str | None = None  # ARENA's name for the exercise, when it differs from `entry`
    given: list[str] = field(default_factory=list)  # given/ modules it imports (given_file)

    # Set by the loader, never by room.yaml.
    folder: Path = Path(".")
    dungeon_id: str = ""
    number: int = 0

    @property
    def stub(self) -> Path:
        return self.folder / "stub.py"

    @property
    def solution(self) -> Path:
        return self.folder / "solution.py"

    @property
    def tests(self) -> Path:
        return self.folder / "test_room.py"

    @property
    def given_dir(self) -> Path:
        """The room's own dungeon's given/ folder (the modules its rooms share)."""
        return self.folder.parent / "given"

    def given_file(self, name: str) -> Path:
        """Where a `given:` entry lives: `module.py` in this dungeon's given/, or
        `<dungeon id>/module.py` in that dungeon's given/ (1.4 reads 1.2's `tiny_lens.py`)."""
        if "/" not in name:
            return self.given_dir / name
        dungeon_id, module = name.split("/", 1)
        dungeons = self.folder.parent.parent
        found = sorted(p for p in dungeons.glob(f"{dungeon_id}-*") if p.is_dir()) or \
            [dungeons / dungeon_id]
        return found[0] / "given" / module

    @property
    def given_files(self) -> list[Path]:
        return [self.given_file(name) for name in self.given]

    @property
    def given_dirs(self) -> list[Path]:
        """The folders grading puts on the path for the room's `given:` modules, in order."""
        return list(dict.fromkeys(path.parent for path in self.given_files))

    @property
    def filename(self) -> str:
        """The player's file name in the workspace: `01_make_rays_1d.py`."""
        return f"{self.number:02d}_{self.id.replace('-', '_')}.py"

    def hint_texts(self) -> list[str]:
        return [h if isinstance(h, str) else h.text for h in self.hints]


@_record
class Dungeon:
    """A section of the curriculum: rooms in order, ending in a boss room."""

    __pydantic_config__ = _STRICT

    format_version: Literal[1]
    id: str
    title: str
    intro: str
    rooms: list[str]
    boss: str
    folder: Path = Path(".")  # set by the loader

    @property
    def slug(self) -> str:
        return self.folder.name


@_record
class Example:
    __pydantic_config__ = _STRICT

    code: str
    output: str = ""


@_record
class Technique:
    """A tool: a page with the idea, runnable examples, pitfalls."""

    __pydantic_config__ = _STRICT

    id: str
    name: str
    summary: str
    idea: str
    examples: list[Example]
    pitfalls: list[str] = field(default_factory=list)
    see_also: list[str] = field(default_factory=list)


@_record
class SubProblem:
    """A recurring sub-problem and the techniques that solve it."""

    __pydantic_config__ = _STRICT

    id: str
    name: str
    summary: str
    techniques: list[str]
    example: str = ""


# Bounds checked after pydantic's type validation: (model, field) -> (low, high); for lists,
# the bounds are on the length. Kept here so the models import nothing at start-up.
_BOUNDS: dict[tuple[str, str], tuple[float, float]] = {
    ("Room", "difficulty"): (1, 5), ("Room", "importance"): (1, 5),
    ("Room", "minutes"): (1, 240), ("Room", "timeout"): (0.1, 600), ("Room", "hints"): (3, 99),
    ("Dungeon", "rooms"): (1, 999), ("Technique", "examples"): (1, 99),
    ("SubProblem", "techniques"): (1, 99),
}


@dataclass
class Content:
    """Everything loaded and cross-checked."""

    root: Path
    dungeons: list[Dungeon]
    rooms: dict[str, Room]
    techniques: dict[str, Technique]
    subproblems: dict[str, SubProblem]

    def dungeon(self, dungeon_id: str) -> Dungeon:
        return next(d for d in self.dungeons if d.id == dungeon_id)

    def rooms_of(self, dungeon: Dungeon) -> list[Room]:
        return [self.rooms[r] for r in dungeon.rooms]

    @cached_property
    def ordered_rooms(self) -> list[Room]:
        return [r for d in self.dungeons for r in self.rooms_of(d)]


def content_root() -> Path:
    """Where the content lives: $ARENA_CONTENT, else inside the wheel, else the source tree."""
    env = os.environ.get(CONTENT_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return shipped_root()


def shipped_root() -> Path:
    """The content that comes with the game: inside the wheel, else the source tree."""
    here = Path(__file__).resolve().parent
    if (here / "dungeons").is_dir():
        return here
    return here.parent


YAML_MAX = 100 * 1024  # a room.yaml is ~5 KB: a bigger one is a mistake or an attack
CODE_MAX = 200 * 1024  # stub, solution, tests, given modules (the biggest shipped: ~20 KB)
TEXT_MAX = 20_000  # any text field (brief, debrief, intro, idea, hint, example)
SHORT_MAX = 200  # names: id, title, name, entry, ...
_SHORT_FIELDS = {"id", "title", "name", "entry", "arena", "after_case", "after_kind", "boss"}


def _pack_root(folder: Path, root: Path | None, up: int) -> Path:
    """The pack a folder belongs to: `root`, else `up` levels above the folder as given."""
    if root is not None:
        return root.resolve()
    parents = Path(os.path.abspath(folder)).parents
    return parents[min(up, len(parents)) - 1].resolve()


def _inside(path: Path, root: Path | None, about: Path | None = None) -> Path:
    """`path` resolved, if it stays inside the pack `root`; a ContentError if it links out."""
    resolved = path.resolve()
    if root is not None and not resolved.is_relative_to(root):
        raise ContentError(about or path, f"`{path.name}` links outside the pack (to "
                                          f"{resolved})")
    return resolved


def _read_content(path: Path, limit: int, root: Path | None = None,
                  about: Path | None = None) -> str:
    """A content file's text: a regular file inside the pack, at most `limit` bytes, UTF-8.

    `about` is the file the error names when it is not `path` itself (room.yaml for a
    missing stub)."""
    real = _inside(path, root, about)
    try:
        if not real.is_file():
            raise ContentError(about or path, f"missing file `{path.name}`" if not real.exists()
                               else f"`{path.name}` is not a regular file")
        size = real.stat().st_size
        if size > limit:
            raise ContentError(path, f"{size // 1024} KB, more than the {limit // 1024} KB a "
                                     "content file may be")
        data = real.read_bytes()[:limit + 1]
    except OSError as exc:
        raise ContentError(path, f"cannot read: {exc.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ContentError(path, f"not UTF-8 text: byte 0x{data[exc.start]:02x} on line "
                                 f"{line}") from None


def _read_yaml(path: Path, root: Path | None = None) -> Any:
    import yaml

    text = _read_content(path, YAML_MAX, root)
    try:
        return yaml.load(text, Loader=_unique_key_loader())  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ContentError(path, f"invalid YAML, {where}{problem}") from None


_LOADER: list[type] = []


def _unique_key_loader() -> type:
    """libyaml's safe loader (~10x faster than the pure-Python one), refusing a key written
    twice in one mapping (YAML keeps the last silently: a hint or a rule lost)."""
    if _LOADER:
        return _LOADER[0]
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class UniqueKeyLoader(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=deep)
                if isinstance(key, (str, int, float, bool)):  # else the base says unhashable
                    if key in seen:
                        raise yaml.constructor.ConstructorError(
                            None, None, f"key `{key}` appears twice", key_node.start_mark)
                    seen.add(key)
            return super().construct_mapping(node, deep=deep)

    _LOADER.append(UniqueKeyLoader)
    return UniqueKeyLoader


_LOADER_FIELDS = {"folder", "dungeon_id", "number"}
_FRIENDLY = {"extra_forbidden": "unknown field", "unexpected_keyword_argument": "unknown field",
             "missing": "missing required field", "missing_argument": "missing required field"}


@cache
def _adapter(model: type) -> Any:
    """The pydantic validator for `model`, built once (building one costs ~5 ms: 400 of them
    were most of a cold load)."""
    from pydantic import TypeAdapter

    return TypeAdapter(model)


def _validate(model: type, path: Path, data: Any, **extra: Any) -> Any:
    """Validate `data` from `path` as `model` (pydantic, strict) and check its id."""
    from pydantic import ValidationError

    if not isinstance(data, dict):
        raise ContentError(path, "expected a mapping of fields at the top level")
    for key in _LOADER_FIELDS & set(data):
        raise ContentError(path, f"field `{key}`: unknown field")
    try:
        obj: Any = _adapter(model).validate_python({**data, **extra})
    except ValidationError as exc:
        errors = exc.errors()
        # A union (str | Hint) reports one error per branch: show the most telling one.
        err = next((e for e in errors if e["type"] in _FRIENDLY), errors[0])
        loc = [str(p) for p in err["loc"] if not (isinstance(p, str) and p[:1].isupper())
               and p not in ("str",)]
        msg = _FRIENDLY.get(err["type"], err["msg"])
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ContentError(path, f"field `{'.'.join(loc) or '(top level)'}`: {msg}{more}") \
            from None
    for (name, attr), (low, high) in _BOUNDS.items():
        if name == model.__name__:
            value = getattr(obj, attr)
            size = len(value) if isinstance(value, list) else value
            if not low <= size <= high:
                what = "needs between" if isinstance(value, list) else "must be between"
                raise ContentError(path, f"field `{attr}`: {what} {low:g} and {high:g}"
                                         + (" items" if isinstance(value, list) else "")
                                         + f", got {size:g}")
    _check_lengths(obj, path)
    pattern = _DUNGEON_ID if model is Dungeon else _ID
    if not pattern.match(obj.id):
        raise ContentError(path, f"field `id`: `{obj.id}` must be lowercase letters, digits and "
                                 "dashes" if model is not Dungeon else
                                 f"field `id`: `{obj.id}` must look like 0.1")
    return obj


def _check_lengths(obj: Any, path: Path, where: str = "") -> None:
    """Every text field within its cap (a 10 MB brief took 19 s to print)."""
    for name in obj.__dataclass_fields__:
        value = getattr(obj, name)
        for i, item in enumerate(value if isinstance(value, list) else [value]):
            at = f"{where}{name}" + (f".{i}" if isinstance(value, list) else "")
            if isinstance(item, str):
                limit = SHORT_MAX if name in _SHORT_FIELDS else TEXT_MAX
                if len(item) > limit:
                    raise ContentError(path, f"field `{at}`: {len(item):,} characters, more "
                                             f"than the {limit:,} allowed")
            elif hasattr(item, "__dataclass_fields__"):
                _check_lengths(item, path, f"{at}.")


def load_room(folder: Path, dungeon_id: str = "", number: int = 0,
              root: Path | None = None) -> Room:
    """One room from its folder; checks that stub, solution and tests exist, are UTF-8 text
    of sane size, and stay inside the pack `root` (default: the folder's grandparent's
    parent, as in <pack>/dungeons/<dungeon>/<room>)."""
    root = _pack_root(folder, root, 3)
    path = folder / "room.yaml"
    folder = _inside(folder, root, path)
    path = folder / "room.yaml"
    room: Room = _validate(Room, path, _read_yaml(path, root), folder=folder,
                           dungeon_id=dungeon_id, number=number)
    for name in ("stub.py", "solution.py", "test_room.py"):
        _read_content(folder / name, CODE_MAX, root, about=path)
    stems: set[str] = set()
    for i, name in enumerate(room.given):
        if not _GIVEN.match(name):
            raise ContentError(path, f"field `given.{i}`: `{name}` is not a module file name "
                                     "like `backprop_framework.py` (or `1.2/tiny_lens.py`, "
                                     "a module of dungeon 1.2's given/)")
        module = room.given_file(name)
        if module.stem in stems:
            raise ContentError(path, f"field `given.{i}`: a second module named {module.name}")
        stems.add(module.stem)
        if not module.is_file():
            raise ContentError(path, f"field `given.{i}`: no file {module}")
        _read_content(module, CODE_MAX, root)
    return room


def load_dungeon(folder: Path) -> tuple[Dungeon, list[Room]]:
    """One dungeon and its rooms; raises its first problem (or all of them, as ContentErrors)."""
    dungeon, rooms, problems = _survey_dungeon(folder)
    if problems:
        raise ContentErrors(problems)
    assert dungeon is not None
    return dungeon, rooms


def _survey_dungeon(folder: Path, root: Path | None = None
                    ) -> tuple[Dungeon | None, list[Room], list[ContentError]]:
    """A dungeon, the rooms of it that load, and every problem found on the way."""
    root = _pack_root(folder, root, 2)
    problems: list[ContentError] = []
    try:
        folder = _inside(folder, root, folder / "dungeon.yaml")
    except ContentError as exc:
        return None, [], [exc]
    path = folder / "dungeon.yaml"
    dungeon: Dungeon | None = _collect(
        problems, lambda: _validate(Dungeon, path, _read_yaml(path, root), folder=folder))
    by_id: dict[str, Path] = {}
    for sub in sorted(p for p in folder.iterdir() if (p / "room.yaml").is_file()):
        by_id[re.sub(r"^\d+-", "", sub.name)] = sub
    if dungeon is None:  # still name the problems of each room folder
        for number, sub in enumerate(by_id.values(), start=1):
            _collect(problems, load_room, sub, "", number, root)
        return None, [], problems
    rooms = []
    for number, room_id in enumerate(dungeon.rooms, start=1):
        if room_id not in by_id:
            problems.append(ContentError(path, f"field `rooms`: no folder for room `{room_id}` "
                                               f"(expected a folder named NN-{room_id})"))
            continue
        if room_id in dungeon.rooms[:number - 1]:
            problems.append(ContentError(path, f"field `rooms`: `{room_id}` is listed twice"))
            continue
        if by_id[room_id].name not in (room_id, f"{number:02d}-{room_id}"):
            problems.append(ContentError(by_id[room_id], f"folder name: room `{room_id}` is "
                                         f"number {number} in dungeon.yaml's `rooms`, so its "
                                         f"folder is `{number:02d}-{room_id}` (or `{room_id}`)"))
            continue
        room = _collect(problems, load_room, by_id[room_id], dungeon.id, number, root)
        if room is None:
            continue
        if room.id != room_id:
            problems.append(ContentError(room.folder / "room.yaml", f"field `id`: is "
                                         f"`{room.id}` but the folder says `{room_id}`"))
            continue
        rooms.append(room)
    unlisted = sorted(set(by_id) - set(dungeon.rooms))
    if unlisted:
        problems.append(ContentError(path, f"field `rooms`: folders not listed: "
                                           f"{', '.join(unlisted)}"))
    if dungeon.boss not in dungeon.rooms:
        problems.append(ContentError(path, f"field `boss`: `{dungeon.boss}` is not one of its "
                                           "rooms"))
    return dungeon, rooms, problems


def _collect(problems: list[ContentError], fn: Any, *args: Any) -> Any:
    """`fn(*args)`, or None with its ContentError(s) added to `problems`."""
    try:
        return fn(*args)
    except ContentError as exc:
        problems.extend(exc.problems if isinstance(exc, ContentErrors) else [exc])
        return None


def load_techniques(folder: Path) -> tuple[dict[str, Technique], dict[str, SubProblem]]:
    techniques, subproblems, problems, _ = _survey_techniques(folder)
    if problems:
        raise ContentErrors(problems)
    return techniques, subproblems


def _survey_techniques(folder: Path, root: Path | None = None
                       ) -> tuple[dict[str, Technique], dict[str, SubProblem],
                                  list[ContentError], set[str]]:
    """Techniques and sub-problems that load, every problem, and the names of the broken
    ones (so that a reference to a broken page is not reported a second time)."""
    root = _pack_root(folder, root, 1)
    problems: list[ContentError] = []
    broken: set[str] = set()
    found: dict[type, dict[str, Any]] = {Technique: {}, SubProblem: {}}
    for model, sub in ((Technique, folder), (SubProblem, folder / "subproblems")):
        for path in sorted(sub.glob("*.yaml")):
            obj = _collect(problems,
                           lambda p=path, m=model: _validate(m, p, _read_yaml(p, root)))
            if obj is None:
                broken.add(path.stem)
                continue
            if obj.id != path.stem:
                problems.append(ContentError(path, f"field `id`: is `{obj.id}` but the file is "
                                                   f"`{path.stem}`"))
                broken.add(path.stem)
                continue
            found[model][obj.id] = obj
    techniques: dict[str, Technique] = found[Technique]
    subproblems: dict[str, SubProblem] = {}
    for sub_id, subproblem in found[SubProblem].items():
        missing = [t for t in subproblem.techniques if t not in techniques]
        if missing:
            if not broken.issuperset(missing):
                problems.append(ContentError(folder / "subproblems" / f"{sub_id}.yaml",
                                             f"field `techniques`: no technique `{missing[0]}`"))
            broken.add(sub_id)
            continue
        subproblems[sub_id] = subproblem
    return techniques, subproblems, problems, broken


_SEEN: dict[Path, str] = {}  # fingerprints taken by this process's load()
# Content loaded ahead by this process, by root and fingerprint: the launcher's, which every
# command it forks inherits (arena_dungeon/launcher_server.py).
_KEPT: dict[tuple[Path, str], Content] = {}


def seen_fingerprint(root: Path) -> str:
    """The fingerprint `load` took of `root` in this process (taking one costs ~30 ms)."""
    return _SEEN.get(root) or fingerprint(root)


def fingerprint(root: Path) -> str:
    """A key that changes whenever any content file (or this package's version) changes."""
    import zlib

    from arena_dungeon import __version__

    parts = [f"{__version__}|{CACHE_VERSION}|{root}"]
    for sub in ("dungeons", "techniques"):
        for folder, dirs, files in os.walk(root / sub):
            dirs.sort()
            for name in sorted(files):
                st = os.stat(os.path.join(folder, name))
                parts.append(f"{folder}/{name}|{st.st_size}|{st.st_mtime_ns}")
    text = "\n".join(parts).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}{len(parts):04x}"


def load(root: Path | None = None, *, cache_dir: Path | None = None) -> Content:
    """Load and cross-check all content under `root` (default: `content_root()`).

    With `cache_dir`, a previous load of the same files is reused from a JSON cache there.
    The cache sits in the player's workspace, so it is plain data checked field by field
    against the models (`_decode`): a hostile or broken cache is rebuilt, never run.
    """
    import json

    root = (root or content_root()).resolve()
    if cache_dir is None:
        return _load_fresh(root)
    key = _SEEN[root] = fingerprint(root)
    if (root, key) in _KEPT:
        return _KEPT[root, key]
    cached = cache_dir / f"content-{key}.json"
    try:
        with open(cached, "rb") as f:
            content = _from_plain(json.loads(f.read(_CACHE_MAX)), root)
        if content is not None:
            return content
    except (OSError, ValueError, RecursionError):  # any unreadable cache is just rebuilt
        pass
    content = _load_fresh(root)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in (*cache_dir.glob("content-*.json"), *cache_dir.glob("content-*.pickle")):
            old.unlink(missing_ok=True)
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(_to_plain(content), f, separators=(",", ":"))
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only place just means no cache
    return content


def keep_loaded(root: Path | None = None) -> None:
    """Load `root` (default: `content_root()`) now and keep it in this process, so that a
    later `load` of the same files in it, or in a child it forks, costs only the
    fingerprint. Broken content is not kept (a later load reports it)."""
    root = (root or content_root()).resolve()
    key = fingerprint(root)
    try:
        _KEPT[root, key] = _load_fresh(root)
    except (ContentError, ContentErrors, OSError):
        pass


_CACHE_MAX = 64 * 1024 * 1024
_KINDS: dict[str, type] = {"dungeons": Dungeon, "rooms": Room, "techniques": Technique,
                           "subproblems": SubProblem}


def _to_plain(content: Content) -> dict[str, Any]:
    """The content as JSON-able data: each record a dict of its fields, paths as strings."""
    def plain(value: Any) -> Any:
        if isinstance(value, Path):
            return str(value)
        if isinstance(value, list):
            return [plain(v) for v in value]
        if hasattr(value, "__dataclass_fields__"):
            return {name: plain(getattr(value, name)) for name in value.__dataclass_fields__}
        return value

    return {"version": CACHE_VERSION, "root": str(content.root),
            "dungeons": [plain(d) for d in content.dungeons],
            "rooms": [plain(r) for r in content.rooms.values()],
            "techniques": [plain(t) for t in content.techniques.values()],
            "subproblems": [plain(s) for s in content.subproblems.values()]}


def _from_plain(data: Any, root: Path) -> Content | None:
    """Content from `_to_plain`'s data, or None if anything in it is not what a load makes:
    a wrong type, a missing or unknown field, a folder outside the pack."""
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION \
            or data.get("root") != str(root) or set(data) != {"version", "root", *_KINDS}:
        return None
    try:
        records = {kind: [_decode(model, v) for v in _as_list(data[kind])]
                   for kind, model in _KINDS.items()}
    except (TypeError, ValueError):
        return None
    inside = str(root) + os.sep
    if not all(str(r.folder).startswith(inside) for r in (*records["dungeons"],
                                                          *records["rooms"])):
        return None
    rooms = {r.id: r for r in records["rooms"]}
    if any(rid not in rooms for d in records["dungeons"] for rid in d.rooms):
        return None
    return Content(root=root, dungeons=records["dungeons"], rooms=rooms,
                   techniques={t.id: t for t in records["techniques"]},
                   subproblems={s.id: s for s in records["subproblems"]})


def _as_list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return value


_DECODERS: dict[Any, Any] = {}


def _decode(tp: Any, value: Any) -> Any:
    """`value` (plain JSON data) as type `tp`, checked all the way down; TypeError if not."""
    plan = _DECODERS.get(tp)
    if plan is None:
        plan = _DECODERS[tp] = _plan(tp)
    if isinstance(plan, frozenset):
        return value if type(value) in plan else _fail(tp, value)
    return plan(value)


def _fail(tp: Any, value: Any) -> Any:
    raise TypeError(f"{value!r:.40} is not a {tp}")


def _plan(tp: Any) -> Any:
    """How to check plain data as `tp`: a set of exact types it may be as it is, or a
    function converting it (records, lists of records, paths, literals). Built once per
    type, so reading the content cache back costs a few milliseconds."""
    import types
    import typing

    if isinstance(tp, type) and hasattr(tp, "__dataclass_fields__"):
        fields = tp.__dataclass_fields__
        names = fields.keys()
        # The annotations are this module's own source text (PEP 563): evaluated here, as
        # typing.get_type_hints would, at a tenth of its cost.
        plans = [(name, _plan(eval(f.type, globals()) if isinstance(f.type, str)  # noqa: S307
                              else f.type)) for name, f in fields.items()]
        simple = [(n, p) for n, p in plans if isinstance(p, frozenset)]
        convert = [(n, p) for n, p in plans if not isinstance(p, frozenset)]

        def record(value: Any) -> Any:
            if type(value) is not dict or value.keys() != names:
                _fail(tp, value)
            for name, allowed in simple:
                if type(value[name]) not in allowed:
                    _fail(tp, value)
            for name, fn in convert:
                value[name] = fn(value[name])
            return tp(**value)
        return record
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is list:
        item = _plan(args[0])
        if isinstance(item, frozenset):
            return lambda v: v if type(v) is list and all(type(x) in item for x in v) \
                else _fail(tp, v)
        return lambda v: [item(x) for x in v] if type(v) is list else _fail(tp, v)
    if origin in (typing.Union, types.UnionType):
        options = [_plan(a) for a in args]
        plain = frozenset().union(*(o for o in options if isinstance(o, frozenset)))
        converters = [o for o in options if not isinstance(o, frozenset)]
        if not converters:
            return plain

        def union(value: Any) -> Any:
            if type(value) in plain:
                return value
            for fn in converters:
                try:
                    return fn(value)
                except TypeError:
                    continue
            return _fail(tp, value)
        return union
    if origin is Literal:
        values = {(type(a), a) for a in args}
        return lambda v: v if (type(v), v) in values else _fail(tp, v)
    if tp is Path:
        return lambda v: Path(v) if type(v) is str else _fail(tp, v)
    if tp is float:
        return frozenset({int, float})
    if tp in (str, int, bool, type(None), None):
        return frozenset({type(None) if tp is None else tp})
    raise TypeError(f"no plan for {tp}")


def survey(root: Path | None = None) -> tuple[Content, list[ContentError]]:
    """Load what can be loaded and name every problem (rooms/dungeons that fail are left out).

    A dungeon with any problem (in its dungeon.yaml or in any of its rooms) is left out whole,
    so that the content returned is consistent: every room a dungeon lists is there.
    """
    root = (root or content_root()).resolve()
    techniques, subproblems, problems, broken = _survey_techniques(root / "techniques", root)
    complete = True  # every dungeon and every room it lists loaded: doors can be judged
    dungeons: list[Dungeon] = []
    rooms: dict[str, Room] = {}
    dungeon_dir = root / "dungeons"
    if not dungeon_dir.is_dir():
        problems.append(ContentError(dungeon_dir, "no dungeons folder here"))
        folders = []
    else:
        folders = sorted(p for p in dungeon_dir.iterdir() if (p / "dungeon.yaml").is_file())
    seen_rooms: dict[str, Room] = {}
    seen_dungeons: dict[str, Dungeon] = {}
    for folder in folders:
        dungeon, its_rooms, found = _survey_dungeon(folder, root)
        for room in its_rooms:
            found.extend(_check_room(room, techniques, subproblems, broken))
            if room.id in seen_rooms:
                found.append(ContentError(room.folder / "room.yaml", f"field `id`: `{room.id}` "
                                          f"is already used in {seen_rooms[room.id].folder}"))
            else:
                seen_rooms[room.id] = room
        if dungeon is not None:
            if dungeon.id in seen_dungeons:
                found.append(ContentError(folder.resolve() / "dungeon.yaml",
                                          f"field `id`: `{dungeon.id}` is already used by "
                                          f"{seen_dungeons[dungeon.id].folder}"))
            else:
                seen_dungeons[dungeon.id] = dungeon
        problems.extend(found)
        complete = complete and dungeon is not None and len(its_rooms) == len(dungeon.rooms)
        tainted = any(not broken.isdisjoint((*r.requires, *r.grants, *r.uses, *r.subproblems))
                      for r in its_rooms)  # it refers to a page whose problem is named
        if dungeon is not None and not found and not tainted:
            dungeons.append(dungeon)
            rooms.update((r.id, r) for r in its_rooms)
    # A room that could not be read may hold the key to a door: judge doors only when all did.
    shut = _locked_forever(list(seen_rooms.values())) if complete else {}
    problems.extend(shut.values())
    left_out = {rooms[rid].dungeon_id for rid in shut if rid in rooms}
    dungeons = [d for d in dungeons if d.id not in left_out]
    rooms = {rid: r for rid, r in rooms.items() if r.dungeon_id not in left_out}
    dungeons.sort(key=lambda d: tuple(int(x) for x in d.id.split(".")))
    return Content(root=root, dungeons=dungeons, rooms=rooms, techniques=techniques,
                   subproblems=subproblems), problems


def _locked_forever(rooms: list[Room]) -> dict[str, ContentError]:
    """Rooms whose door can never open, by id: a tool they require is granted by no room, or
    only by rooms that are locked forever themselves (a lock cycle)."""
    tools: set[str] = set()
    opened: set[str] = set()
    grown = True
    while grown:  # open every room whose tools are found, until nothing more opens
        grown = False
        for room in rooms:
            if room.id not in opened and tools.issuperset(room.requires):
                opened.add(room.id)
                tools.update(room.grants)
                grown = True
    shut = {}
    for room in rooms:
        if room.id in opened:
            continue
        why = []
        for tool in (t for t in room.requires if t not in tools):
            granters = [r.id for r in rooms if tool in r.grants]
            why.append(f"`{tool}` is granted by no room" if not granters else
                       f"`{tool}` is granted only by {', '.join(granters)}, locked forever too")
        shut[room.id] = ContentError(room.folder / "room.yaml", "field `requires`: the door "
                                     f"can never open: {'; '.join(why)}")
    return shut


def _load_fresh(root: Path) -> Content:
    content, problems = survey(root)
    if problems:
        raise ContentErrors(problems)
    return content


def _check_room(room: Room, techniques: dict[str, Technique],
                subproblems: dict[str, SubProblem], broken: set[str]) -> list[ContentError]:
    """The room's references to techniques, sub-problems and its own tests (a reference to a
    page in `broken`, whose own problem is already named, is not named again)."""
    path = room.folder / "room.yaml"
    problems = []
    for kind in ("requires", "grants", "uses"):
        for tool in getattr(room, kind):
            if tool not in techniques and tool not in broken:
                problems.append(ContentError(path, f"field `{kind}`: no technique `{tool}` "
                                                   f"(add techniques/{tool}.yaml)"))
    for sub in room.subproblems:
        if sub not in subproblems and sub not in broken:
            problems.append(ContentError(path, f"field `subproblems`: no sub-problem `{sub}` "
                                               f"(add techniques/subproblems/{sub}.yaml)"))
    tests = None
    for i, hint in enumerate(room.hints):
        if isinstance(hint, Hint) and hint.after_case is not None:
            tests = tests if tests is not None else _read_content(room.tests, CODE_MAX)
            if f"def {hint.after_case}(" not in tests:
                problems.append(ContentError(path, f"field `hints.{i}.after_case`: no test "
                                                   f"`{hint.after_case}` in test_room.py"))
    return problems
