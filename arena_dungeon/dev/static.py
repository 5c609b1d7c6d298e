"""Checks that read content files without grading anything: syntax trees, names, layout, pages.

Each function returns problems, never raises on broken input: a file that does not parse is
one problem, and the checks that needed it are skipped.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from arena_dungeon.content import Dungeon, Hint, Room, SubProblem, Technique
from arena_dungeon.dev.report import Problem
from arena_dungeon.grading import rules
from arena_dungeon.grading.vocabulary import Kind

ROOM_FILES = {"room.yaml", "stub.py", "solution.py", "test_room.py", "wrong.yaml", "wrong"}
DUNGEON_FOLDERS = {"given", "assets"}  # besides the room folders
_IGNORED = {"__pycache__", ".pytest_cache", ".DS_Store"}
KINDS = frozenset(k.value for k in Kind)


def parse(path: Path, problems: list[Problem]) -> ast.Module | None:
    """The file's syntax tree, or None with the reason added to `problems`."""
    try:
        return ast.parse(path.read_bytes(), filename=str(path))
    except SyntaxError as exc:
        problems.append(Problem(path, f"does not parse: {exc.msg}", exc.lineno))
    except (OSError, ValueError) as exc:
        problems.append(Problem(path, f"cannot read: {exc}"))
    return None


def _top_level(tree: ast.Module, name: str) -> ast.AST | None:
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
                and node.name == name:
            return node
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                return node
    return None


def _function_signature(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    returns = f" -> {ast.unparse(node.returns)}" if node.returns else ""
    is_async = "async " if isinstance(node, ast.AsyncFunctionDef) else ""
    return f"{is_async}({ast.unparse(node.args)}){returns}"


def signatures(node: ast.AST) -> dict[str, str]:
    """What the player must match: a function's parameters and return annotation; for a
    class, its bases and decorators, and the signature of each method."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return {"": _function_signature(node)}
    if isinstance(node, ast.ClassDef):
        head = ", ".join(ast.unparse(b) for b in node.bases + node.keywords)
        decorators = "".join(f"@{ast.unparse(d)} " for d in node.decorator_list)
        found = {"": f"{decorators}class({head})"}
        for item in node.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found[item.name] = _function_signature(item)
        return found
    return {}


def entry_problems(room: Room) -> list[Problem]:
    """Stub and solution parse, define the entry at the top level, with the same signature;
    the solution keeps the room's rules; the tests parse."""
    problems: list[Problem] = []
    trees = {p: parse(p, problems) for p in (room.stub, room.solution, room.tests)}
    stub, solution = trees[room.stub], trees[room.solution]
    nodes: dict[Path, ast.AST] = {}
    for path, tree in ((room.stub, stub), (room.solution, solution)):
        node = _top_level(tree, room.entry) if tree is not None else None
        if node is not None:
            nodes[path] = node
        elif tree is not None:
            problems.append(Problem(path, f"does not define `{room.entry}` (room.yaml's "
                                          "entry) at the top level"))
    if room.stub in nodes and room.solution in nodes:
        want, have = signatures(nodes[room.stub]), signatures(nodes[room.solution])
        for name, sig in want.items():
            what = f"`{room.entry}.{name}`" if name else f"`{room.entry}`"
            if name not in have:
                problems.append(Problem(room.solution, f"does not define {what}, which the "
                                                       "stub has"))
            elif have[name] != sig:
                problems.append(Problem(room.solution, f"{what} differs from the stub's: "
                                                       f"{have[name]} vs {sig}",
                                        getattr(nodes[room.solution], "lineno", None)))
    if solution is not None:
        source = room.solution.read_text(encoding="utf-8")
        for v in rules.check(source, room.rules, room.entry):
            problems.append(Problem(room.solution, f"breaks the room's rule: {v.reason}",
                                    v.line))
    return problems


def hint_problems(room: Room) -> list[Problem]:
    """Every `after_kind` names a failure kind the grader reports."""
    return [Problem(room.folder / "room.yaml",
                    f"field `hints.{i}.after_kind`: `{hint.after_kind}` is not a failure kind "
                    f"(one of: {', '.join(sorted(KINDS))})")
            for i, hint in enumerate(room.hints)
            if isinstance(hint, Hint) and hint.after_kind is not None
            and hint.after_kind not in KINDS]


_RULES_PARAGRAPH = re.compile(r"\bRules?:(.*?)(?:\n\s*\n|$)", re.S)
_CODE_NAME = re.compile(r"`(?:[A-Za-z_][A-Za-z0-9_]*\.)*([A-Za-z_][A-Za-z0-9_]*)(?:\(\))?`")
_NO_LOOPS = re.compile(r"^no (python )?loops\b", re.I)


def rules_problems(room: Room) -> list[Problem]:
    """The brief's "Rules:" paragraph and the `rules:` field say the same: a clause
    "use `X`" needs X in `must_use`, a clause "no loops" needs `no_loops` (a rule the brief
    states and grading does not check is a loophole: 6 rooms said "use `as_strided`" and
    cleared without it)."""
    found = _RULES_PARAGRAPH.search(room.brief)
    if not found:
        return []
    yaml = room.folder / "room.yaml"
    problems = []
    for clause in re.split(r"[;.]\s+|\.$", " ".join(found.group(1).split())):
        clause = clause.strip()
        if clause.lower().startswith("use "):
            for name in _CODE_NAME.findall(clause):
                if name not in room.rules.must_use:
                    problems.append(Problem(yaml, f"the brief's rules say \"{clause}\", but "
                                                  f"`rules.must_use` does not list {name}"))
        elif _NO_LOOPS.match(clause) and not room.rules.no_loops:
            problems.append(Problem(yaml, f"the brief's rules say \"{clause}\", but "
                                          "`rules.no_loops` is not true"))
    return problems


def _imported(tree: ast.Module) -> set[str]:
    """Top-level names of the modules a file imports (absolute imports only)."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def _given_closure(start: list[Path], available: dict[str, Path]) -> dict[str, Path]:
    """The given/ modules `start` imports, directly or through another: module -> importer."""
    needed: dict[str, Path] = {}
    todo = list(start)
    while todo:
        path = todo.pop()
        tree = parse(path, [])  # a file that does not parse is named by entry_problems
        for name in sorted(_imported(tree) if tree else ()):
            if name in available and name not in needed:
                needed[name] = path
                todo.append(available[name])
    return needed


def given_problems(room: Room) -> list[Problem]:
    """`given:` lists exactly the given/ modules that the stub, the solution and the tests
    import, directly or through another given module (play copies only the listed ones beside
    the player's file, and grading puts given/ on the path only for a room that lists some)."""
    available = {p.stem: p for folder in [*room.given_dirs[::-1], room.given_dir]
                 if folder.is_dir() for p in folder.glob("*.py")}  # own dungeon's first
    if not available and not room.given:
        return []
    needed = _given_closure([room.stub, room.solution, room.tests], available)
    listed = {room.given_file(g).stem for g in room.given}
    yaml = room.folder / "room.yaml"
    return [Problem(yaml, f"field `given`: {needed[name].name} imports `{name}` from given/, "
                          f"so `given` must list {name}.py")
            for name in sorted(set(needed) - listed)] + \
        [Problem(yaml, f"field `given`: lists {name}.py, which neither the stub, the solution "
                       "nor the tests import")
         for name in sorted(listed - set(needed))]


def folder_problems(room: Room) -> list[Problem]:
    """A room folder holds only the room's own files (data goes in assets/, code in given/)."""
    extra = sorted(p.name for p in room.folder.iterdir()
                   if p.name not in ROOM_FILES and p.name not in _IGNORED)
    return [Problem(room.folder / name, "unexpected file in a room folder (a room folder holds "
                                        f"{', '.join(sorted(ROOM_FILES))}; data shared by rooms "
                                        "goes in ../assets/, code in ../given/)")
            for name in extra]


def room_problems(room: Room) -> list[Problem]:
    """Every check of one room that needs no grading."""
    return entry_problems(room) + hint_problems(room) + rules_problems(room) + \
        given_problems(room) + folder_problems(room)


def dungeon_problems(folder: Path, rooms: list[Room], *, dungeon: Dungeon | None) \
        -> list[Problem]:
    """Nothing unexplained beside the room folders; with the `dungeon` loaded (`rooms` then in
    play order, all of them), folder names agree with the play order and every given module is
    listed by some room."""
    problems = []
    for sub in sorted(folder.iterdir()):
        if sub.is_dir() and sub.name not in DUNGEON_FOLDERS | _IGNORED \
                and not (sub / "room.yaml").is_file():
            problems.append(Problem(sub, "a folder that is not a room (no room.yaml), nor "
                                         "given/ or assets/"))
    if dungeon is None:
        return problems
    for number, room in enumerate(rooms, start=1):
        name = room.folder.name
        match = re.match(r"^(\d+)-(.*)$", name)
        if name != room.id and not (match and int(match[1]) == number
                                    and match[2] == room.id):
            problems.append(Problem(room.folder, f"the folder name disagrees with the play order: "
                                                 f"room `{room.id}` is number {number} in "
                                                 f"dungeon.yaml, so name it {number:02d}-{room.id} "
                                                 f"(or {room.id})"))
    used = {name for r in rooms for name in r.given}
    given = folder / "given"
    for module in sorted(given.glob("*.py")) if given.is_dir() else []:
        if module.name not in used:
            problems.append(Problem(module, "no room lists this given module in `given:`"))
    return problems


def technique_problems(tech: Technique, path: Path, techniques: dict[str, Technique]) \
        -> list[Problem]:
    """The shape of a technique page: 2-4 examples with output, 2-4 pitfalls, a one-line
    summary, see_also naming other pages."""
    problems = []

    def need(ok: bool, message: str) -> None:
        if not ok:
            problems.append(Problem(path, message))

    need(2 <= len(tech.examples) <= 4, f"field `examples`: want 2-4, got {len(tech.examples)}")
    need(2 <= len(tech.pitfalls) <= 4, f"field `pitfalls`: want 2-4, got {len(tech.pitfalls)}")
    need("\n" not in tech.summary.strip(), "field `summary`: should be one line")
    for i, example in enumerate(tech.examples):
        need(bool(example.output.strip()), f"field `examples.{i}.output`: empty (an example "
                                           "shows what it prints)")
    unknown = [t for t in tech.see_also if t not in techniques]
    need(not unknown, f"field `see_also`: no technique page for {', '.join(unknown)}")
    need(tech.id not in tech.see_also, "field `see_also`: lists the page itself")
    return problems


def subproblem_problems(sub: SubProblem, path: Path) -> list[Problem]:
    """A sub-problem's example is a fragment (it names variables it does not define), so it
    is not run; it must still be Python."""
    try:
        compile(sub.example, str(path), "exec", flags=ast.PyCF_ONLY_AST)
    except SyntaxError as exc:
        return [Problem(path, f"field `example`: does not parse: {exc.msg} (line {exc.lineno} "
                              "of the example)")]
    return []
