"""One-off: turn tests/wrong_answers/<room-id>/*.py into each room's wrong.yaml.

For each wrong file: grade it as it is (the baseline), pick the case it fails whose name best
matches the mistake, then keep only the hunks of its diff against solution.py that the mistake
needs (docstring, comment and annotation hunks go when the grading stays the same), and write
those as `replace` edits; a mistake whose edits are not small keeps its whole file under
`wrong/`. Every entry written is graded again through `arena_dungeon.mistakes`.

    .venv/bin/python scripts/migrate_wrong_answers.py dungeons/0.0-prerequisites [...]
"""

from __future__ import annotations

import ast
import difflib
import hashlib
import json
import queue
import re
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from arena_dungeon.content import Room, load_dungeon
from arena_dungeon.grading.runner import grade
from arena_dungeon.grading.worker import WarmWorker
from arena_dungeon.mistakes import grade_mistake, load_mistakes

REPO = Path(__file__).resolve().parent.parent
WRONG = REPO / "tests" / "wrong_answers"
CACHE = Path(tempfile.gettempdir()) / "arena-migrate-cache.json"
MAX_EDIT_LINES = 14  # above this many changed lines (old + new), keep the whole file
GRADED_DROP_ABOVE = 6  # above this many, try dropping each hunk (one grading each)
_lock = threading.Lock()
_cache: dict[str, dict] = json.loads(CACHE.read_text()) if CACHE.is_file() else {}


# --- grading, cached by room and text -----------------------------------------------------

def outcome(room: Room, text: str, worker: WarmWorker) -> dict:
    key = f"{room.id}:{hashlib.sha256(text.encode()).hexdigest()}"
    with _lock:
        if key in _cache:
            return _cache[key]
    with tempfile.TemporaryDirectory(prefix="arena-migrate-") as tmp:
        path = Path(tmp) / room.filename
        path.write_text(text, encoding="utf-8")
        result = grade(room, path, worker=worker)
    got = {"cleared": result.cleared, "verdict": str(result.verdict or ""),
           "failed": result.failed_cases, "kinds": [str(k) for k in result.failure_kinds],
           "cases": {c.name: str(c.kind or "") for c in result.cases if not c.passed}}
    with _lock:
        _cache[key] = got
    return got


def save_cache() -> None:
    with _lock:
        CACHE.write_text(json.dumps(_cache))


def rejected(got: dict) -> bool:
    return not got["cleared"] and got["verdict"] != "harness" and "harness" not in got["kinds"]


# --- what a mistake is about ---------------------------------------------------------------

_STOP = {"test", "the", "a", "an", "of", "to", "in", "on", "is", "and", "or", "not", "wrong",
         "with", "by", "for", "instead", "it", "its", "as", "at", "be", "from", "that", "this"}


def words(text: str) -> set[str]:
    out = set()
    for w in re.findall(r"[a-z0-9]+", text.lower()):
        if w not in _STOP and len(w) > 1:
            out.add(w.rstrip("s") if len(w) > 3 else w)
    return out


def pick_catches(got: dict, stem: str, why: str) -> str:
    if not got["failed"]:
        return got["verdict"]  # e.g. `rule`: caught before any case ran
    about = words(stem.replace("_", " ") + " " + why)
    scored = [(len(words(name) & about), -i, name) for i, name in enumerate(got["failed"])]
    return max(scored)[2]


def docstring_of(text: str) -> str:
    try:
        doc = ast.get_docstring(ast.parse(text)) or ""
    except SyntaxError:
        return ""
    doc = " ".join(doc.split())
    return re.sub(r"^Wrong( answer)?\s*[:.-]\s*", "", doc).strip()


# --- which hunks of the diff matter ---------------------------------------------------------

class _Cosmetic(ast.NodeTransformer):
    """Drops what cannot change behaviour here: docstrings and (optionally) annotations."""

    def __init__(self, annotations: bool) -> None:
        self.annotations = annotations

    def _body(self, node):
        body = node.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            node.body = body[1:] or [ast.Pass()]
        return node

    def visit_Module(self, node):
        return self._body(self.generic_visit(node))

    def visit_ClassDef(self, node):
        return self._body(self.generic_visit(node))

    def visit_FunctionDef(self, node):
        node = self._body(self.generic_visit(node))
        if self.annotations:
            node.returns = None
            for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs + \
                    [node.args.vararg, node.args.kwarg]:
                if a is not None:
                    a.annotation = None
        return node

    visit_AsyncFunctionDef = visit_FunctionDef


def signature(text: str, annotations: bool) -> str | None:
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return None
    return ast.dump(_Cosmetic(annotations).visit(tree))


def docstring_lines(text: str) -> set[int]:
    """0-based line numbers inside docstrings."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return set()
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                out.update(range(body[0].lineno - 1, body[0].end_lineno))
    return out


Hunk = tuple[int, int, tuple[str, ...]]


def alike(x: str, y: str) -> bool:
    """Two lines that are one line changed: the same def, or mostly the same characters."""
    dx, dy = re.match(r"\s*(def|class) (\w+)", x), re.match(r"\s*(def|class) (\w+)", y)
    if dx or dy:
        return bool(dx and dy and dx.groups() == dy.groups())
    return difflib.SequenceMatcher(None, x.strip(), y.strip()).ratio() > 0.75  # solution lines [i1, i2) become these lines


def hunks(s: list[str], w: list[str]) -> list[Hunk]:
    """The diff of solution lines `s` to wrong lines `w`, in small pieces: docstring lines
    apart from code lines, and a block of as many lines on each side line by line."""
    s_doc, w_doc = docstring_lines("".join(s)), docstring_lines("".join(w))
    out: list[Hunk] = []
    matcher = difflib.SequenceMatcher(None, s, w, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        s_code = [k for k in range(i1, i2) if k not in s_doc]
        w_code = [k for k in range(j1, j2) if k not in w_doc]
        w_docs = [k for k in range(j1, j2) if k in w_doc]
        if w_docs:
            out.append((i1, i1, tuple(w[k] for k in w_docs)))
        span: set[int] = set()
        end = i2  # where lines with nothing left to replace go in
        while s_code and w_code and len(s_code) != len(w_code) and alike(s[s_code[0]], w[w_code[0]]):
            out.append((s_code[0], s_code[0] + 1, (w[w_code[0]],)))
            s_code, w_code = s_code[1:], w_code[1:]
        while s_code and w_code and len(s_code) != len(w_code) and \
                alike(s[s_code[-1]], w[w_code[-1]]):
            out.append((s_code[-1], s_code[-1] + 1, (w[w_code[-1]],)))
            end = s_code[-1]
            s_code, w_code = s_code[:-1], w_code[:-1]
        if len(s_code) == len(w_code):
            out.extend((a, a + 1, (w[b],)) for a, b in zip(s_code, w_code, strict=True))
        elif not s_code:
            out.append((end, end, tuple(w[k] for k in w_code)))
        else:
            lo, hi = min(s_code), max(s_code) + 1
            span = set(range(lo, hi))
            out.append((lo, hi, tuple(w[k] for k in w_code)))
        out.extend((k, k + 1, ()) for k in range(i1, i2) if k in s_doc and k not in span)
    return sorted(out, key=lambda h: (h[0], h[1]))


def apply(s: list[str], keep: list[Hunk]) -> str:
    out, at = [], 0
    for i1, i2, new in sorted(keep, key=lambda h: (h[0], h[1])):
        out.extend(s[at:i1])
        out.extend(new)
        at = max(at, i2)
    out.extend(s[at:])
    return "".join(out)


def is_import(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith(("import ", "from ", "#"))


# --- edits --------------------------------------------------------------------------------

def merge(keep: list[Hunk]) -> list[Hunk]:
    """Touching hunks as one."""
    merged: list[Hunk] = []
    for h in sorted(keep, key=lambda h: (h[0], h[1])):
        if merged and h[0] <= merged[-1][1]:
            i1, i2, new = merged[-1]
            merged[-1] = (i1, max(i2, h[1]), new + h[2])
        else:
            merged.append(h)
    return merged


_TOKEN = re.compile(r"\w+|\s+|.", re.S)


def _readable(tokens: list[str]) -> bool:
    """A chunk an author can read: brackets balanced, two words, not cut at a dot or space."""
    text = "".join(tokens)
    words = [x for x in tokens if re.match(r"[A-Za-z_]", x)]
    return (all(text.count(o) == text.count(c) for o, c in ("()", "[]", "{}"))
            and len(words) >= 2 and len(text.strip()) >= 12
            and not tokens[0].isspace() and not tokens[-1].isspace() and tokens[0] != ".")


def narrow(old: str, new: str, text: str) -> tuple[str, str]:
    """Shrink a one-line edit to the changed tokens, grown until unique in `text` and readable."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    q = 0
    while q < min(len(a), len(b)) - p and a[-1 - q] == b[-1 - q]:
        q += 1
    lo, hi = p, len(a) - q  # a[lo:hi] becomes b[lo:len(b) - q]
    while True:
        o = "".join(a[lo:hi])
        n = "".join(b[lo:len(b) - (len(a) - hi)])
        if lo == 0 and hi == len(a):
            return o, n
        if lo < hi and text.count(o) == 1 and _readable(a[lo:hi]) and \
                (hi - lo == len(a) or _readable(b[lo:len(b) - (len(a) - hi)]) or not n.strip()):
            return o, n
        chunk = "".join(a[lo:hi])
        opens = sum(chunk.count(x) for x in "([{") - sum(chunk.count(x) for x in ")]}")
        if (opens <= 0 or hi == len(a)) and lo > 0:
            lo -= 1
        if (opens >= 0 or lo == 0) and hi < len(a):
            hi += 1


def edits(s: list[str], keep: list[Hunk]) -> list[dict]:
    """`replace` edits that turn solution lines `s` into the kept hunks, applied in order."""
    out = []
    cur = list(s)
    shift = 0  # how far lines of s have moved in cur
    for i1, i2, new_hunk in merge(keep):
        a, b = i1 + shift, i2 + shift
        new_lines = list(new_hunk)
        lo, hi = a, b
        while True:
            old = "".join(cur[lo:hi])
            new = "".join(cur[lo:a] + new_lines + cur[b:hi])
            text = "".join(cur)
            if old.strip() and text.count(old) == 1:
                break
            if lo > 0 and (hi >= len(cur) or (a - lo) <= (hi - b)):
                lo -= 1
            elif hi < len(cur):
                hi += 1
            else:
                break
        if hi - lo == 1 and len(new_lines) == b - a == 1:
            o, n = narrow(old.rstrip("\n"), new.rstrip("\n"), text)
            old, new = o, n
        elif old.endswith("\n") and new.endswith("\n"):
            old, new = old[:-1], new[:-1]
        out.append({"old": old, "new": new})
        cur = cur[:a] + new_lines + cur[b:]
        shift += len(new_lines) - (i2 - i1)
    return out


def changed_lines(edit_list: list[dict]) -> int:
    return sum(len(e["old"].splitlines() or [""]) + len(e["new"].splitlines())
               for e in edit_list)


# --- one room -----------------------------------------------------------------------------

def convert(room: Room, worker: WarmWorker, log: list[str]) -> list[dict]:
    solution = room.solution.read_text(encoding="utf-8")
    s = solution.splitlines(keepends=True)
    entries = []
    for path in sorted((WRONG / room.id).glob("*.py")):
        wrong = path.read_text(encoding="utf-8")
        w = wrong.splitlines(keepends=True)
        if w and not w[-1].endswith("\n"):
            w[-1] += "\n"
        base = outcome(room, wrong, worker)
        assert rejected(base), f"{path} is not rejected today: {base}"
        why = docstring_of(wrong) or path.stem.replace("_", " ")
        catches = pick_catches(base, path.stem, why)
        keep = hunks(s, w)
        assert apply(s, keep) == "".join(w), path
        full = signature(apply(s, keep), not room.typecheck)
        # Drop the hunks that change nothing the tests can see (greedy, no grading).
        dropped = True
        while dropped and full is not None:
            dropped = False
            for h in list(keep):
                trial = [k for k in keep if k != h]
                if signature(apply(s, trial), not room.typecheck) == full:
                    keep, dropped = trial, True
        # Import hunks: the solution's imports alone, then both (the wrong file may need one
        # more), then the wrong file's.
        imports = [k for k in keep if all(is_import(x) for x in s[k[0]:k[1]] + list(k[2]))]
        no_imports = [k for k in keep if k not in imports]
        union = no_imports + [(i1, i1, tuple(x for x in new if x.strip() and x not in s))
                              for i1, _, new in imports]
        union = [k for k in union if k[0] != k[1] or k[2]]
        candidates = [c for c in (no_imports, union, keep) if c]
        def holds(cand: list[Hunk], strict: bool, base: dict = base, catches: str = catches) -> bool:
            got = outcome(room, apply(s, cand), worker)
            # The same mistake: the same cases fail, each the same way.
            same = got["cases"] == base["cases"] and got["verdict"] == base["verdict"]
            ok = rejected(got) and (catches in got["failed"] or got["verdict"] == catches)
            return ok and (same or not strict)

        # Only the same mistake will do; else the wrong file is kept whole.
        chosen = next((c for c in candidates if holds(c, True)), None)
        # Still large: drop whole hunks one at a time while the grading stays the same.
        if chosen is not None and changed_lines(edits(s, chosen)) > GRADED_DROP_ABOVE:
            for h in sorted(chosen, key=lambda h: -(h[1] - h[0] + len(h[2]))):
                trial = [k for k in chosen if k != h]
                if trial and holds(trial, True):
                    chosen = trial
        entry = {"id": path.stem.replace("_", "-").lower(), "why": why, "catches": catches}
        edit_list = edits(s, chosen) if chosen is not None else []
        if chosen is None or not edit_list or changed_lines(edit_list) > MAX_EDIT_LINES:
            dest = room.folder / "wrong" / path.name
            dest.parent.mkdir(exist_ok=True)
            dest.write_text(wrong, encoding="utf-8")
            entry["file"] = f"wrong/{path.name}"
            log.append(f"{room.id}/{path.stem}: file ({'no small edit' if chosen is None else changed_lines(edit_list)})")
        else:
            entry["replace"] = edit_list
            log.append(f"{room.id}/{path.stem}: {len(edit_list)} edits, "
                       f"{changed_lines(edit_list)} lines")
        entries.append(entry)
    return entries


# --- YAML that reads well -----------------------------------------------------------------

def scalar(value: str, indent: int) -> str:
    """`value` as a YAML scalar: a quoted line, or a literal block for several lines."""
    if "\n" not in value:
        quoted = "'" + value.replace("'", "''") + "'"  # YAML's single quotes: no escapes
        try:
            if yaml.safe_load(f"k: {quoted}") == {"k": value}:
                return quoted
        except yaml.YAMLError:
            pass
        return json.dumps(value, ensure_ascii=False)
    pad = " " * indent
    chomp = "+" if value.endswith("\n") else "-"
    body = value[:-1] if value.endswith("\n") else value
    first = next((line for line in body.split("\n") if line), "")
    ind = str(2) if first.startswith(" ") else ""
    lines = [(pad + line) if line else "" for line in body.split("\n")]
    return f"|{ind}{chomp}\n" + "\n".join(lines)


def plain(text: str) -> str:
    """`text` unquoted when YAML reads it back as the same string, else quoted."""
    try:
        if yaml.safe_load(f"k: {text}") == {"k": text} and "#" not in text:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def dump(entries: list[dict]) -> str:
    out = ["format_version: 1", "wrong:"]
    for e in entries:
        out.append(f"  - id: {e['id']}")
        out.append(f"    why: {plain(e['why'])}")
        out.append(f"    catches: {e['catches']}")
        if "file" in e:
            out.append(f"    file: {e['file']}")
        else:
            out.append("    replace:")
            for edit in e["replace"]:
                out.append(f"      - old: {scalar(edit['old'], 10)}")
                out.append(f"        new: {scalar(edit['new'], 10)}")
    text = "\n".join(out) + "\n"
    back = yaml.safe_load(text)["wrong"]
    for e, b in zip(entries, back, strict=True):
        assert b == e, (e, b)
    return text


def main(folders: list[str]) -> int:
    rooms = [r for f in folders for r in load_dungeon(Path(f))[1] if (WRONG / r.id).is_dir()]
    workers: queue.Queue[WarmWorker] = queue.Queue()
    pool = [WarmWorker() for _ in range(2)]
    for w in pool:
        workers.put(w)
    bad = 0

    def run(room: Room) -> tuple[Room, list[str], list[str]]:
        worker = workers.get()
        log: list[str] = []
        problems: list[str] = []
        try:
            entries = convert(room, worker, log)
            (room.folder / "wrong.yaml").write_text(dump(entries), encoding="utf-8")
            for mistake in load_mistakes(room):
                _, problem = grade_mistake(room, mistake, worker)
                if problem:
                    problems.append(problem)
        finally:
            workers.put(worker)
            save_cache()
        return room, log, problems

    try:
        with ThreadPoolExecutor(max_workers=2) as ex:
            for room, log, problems in ex.map(run, rooms):
                for line in log:
                    print("  " + line)
                for p in problems:
                    print(f"FAIL {room.id}: {p}")
                bad += bool(problems)
                sys.stdout.flush()
    finally:
        for w in pool:
            w.close()
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
