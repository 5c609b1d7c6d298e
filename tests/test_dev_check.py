"""`arena dev check`: a pack with many different mistakes gets every one named in one run;
the verdict cache reuses a grading only while none of its inputs changed."""

from __future__ import annotations

import ast
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from arena_dungeon import dev
from arena_dungeon.cli import app
from arena_dungeon.content import load
from arena_dungeon.dev import static
from arena_dungeon.dev.cache import VerdictCache, default_folder
from arena_dungeon.dev.report import Problem
from arena_dungeon.grading.report import CaseResult, Picture, RoomResult
from arena_dungeon.grading.vocabulary import Kind
from tests.conftest import DEV_CACHE

FIXTURE_PACK = Path(__file__).parent / "fixtures" / "pack"
DUNGEON = Path("dungeons/9.9-fixture")
ADD_ONE = DUNGEON / "01-add-one"
DOUBLE = DUNGEON / "02-double"


def _edit(pack: Path, rel: Path | str, old: str, new: str) -> None:
    path = pack / rel
    text = path.read_text()
    assert old in text, f"fixture text {old!r} not found in {rel}"
    path.write_text(text.replace(old, new, 1))


def _break(pack: Path) -> dict[str, str]:
    """Make eleven different mistakes in the pack; what each problem's line must contain."""
    # A third room whose room.yaml does not load: its dungeon is left out of the content,
    # but the two sound rooms are still graded.
    shutil.copytree(pack / DOUBLE, pack / DUNGEON / "03-triple")
    _edit(pack, DUNGEON / "03-triple/room.yaml", "id: double", "id: triple\nsparkle: true")
    _edit(pack, DUNGEON / "dungeon.yaml", "rooms: [add-one, double]",
          "rooms: [add-one, double, triple]")
    # add-one: the stub already passes, a wrong answer is right, a hint names no kind,
    # a stray file.
    shutil.copy(pack / ADD_ONE / "solution.py", pack / ADD_ONE / "stub.py")
    _edit(pack, ADD_ONE / "wrong.yaml", "wrong:\n", "wrong:\n  - id: commutes\n"
          "    why: adds in the other order\n    catches: test_scalar\n    replace:\n"
          "      - old: \"return x + 1\"\n        new: \"return 1 + x\"\n")
    _edit(pack, ADD_ONE / "room.yaml", "after_kind: shape", "after_kind: sparkles")
    (pack / ADD_ONE / "notes.txt").write_text("todo\n")
    # double: the solution's signature differs from the stub's; only three cases.
    _edit(pack, DOUBLE / "solution.py", "def double(x: torch.Tensor)", "def double(x)")
    _edit(pack, DOUBLE / "test_room.py", "def test_zero(room):", "def _zero(room):")
    # double lists a given module that nothing imports.
    (pack / DUNGEON / "given").mkdir()
    (pack / DUNGEON / "given" / "helper.py").write_text("X = 1\n")
    _edit(pack, DOUBLE / "room.yaml", "rules:", "given: [helper.py]\nrules:")
    # Pages: an example that prints something else, too few pitfalls, an example that is
    # not Python.
    _edit(pack, "techniques/alpha.yaml", 'output: "2"', 'output: "3"')
    _edit(pack, "techniques/beta.yaml", "  - Another fixture pitfall.\n", "")
    (pack / "techniques/subproblems/counting.yaml").write_text(
        (pack / "techniques/subproblems/counting.yaml").read_text() + "example: 'x = ('\n")
    return {
        "03-triple/room.yaml": "field `sparkle`: unknown field",
        "01-add-one/stub.py": "passes every case",
        "01-add-one/wrong.yaml": "wrong answer `commutes` passes every case",
        "01-add-one/room.yaml": "`sparkles` is not a failure kind",
        "01-add-one/notes.txt": "unexpected file in a room folder",
        "02-double/solution.py": "`double` differs from the stub's",
        "02-double/test_room.py": "only 3 cases",
        "02-double/room.yaml": "lists helper.py, which neither the stub",
        "techniques/alpha.yaml": "example 0 printed",
        "techniques/beta.yaml": "field `pitfalls`: want 2-4, got 1",
        "subproblems/counting.yaml": "field `example`: does not parse",
    }


def test_a_broken_pack_gets_every_problem_named_once_in_one_run(pack, monkeypatch):
    expected = _break(pack)
    monkeypatch.setenv("ARENA_DEV_CACHE", "0")
    reports = []
    real_run = dev.run
    monkeypatch.setattr(dev, "run", lambda *a, **kw: reports.append(real_run(*a, **kw))
                        or reports[-1])
    result = CliRunner().invoke(app, ["dev", "check", "--content", str(pack), "--no-cold",
                                      "-j", "1"])
    out = result.output
    assert result.exit_code == 1, out
    assert "Traceback" not in out, out
    assert result.exception is None or isinstance(result.exception, SystemExit), out
    # What the command printed (wrapped to the terminal): every file and every problem.
    # (a room's problems under its row name files inside the room's folder: `stub.py: ...`)
    printed = " ".join(out.split())
    for where, words in expected.items():
        assert f"{Path(where).name}:" in printed and words in printed, f"{where}: {words!r}\n{out}"
    assert "0/2 rooms ok" in out  # add-one and double graded though their dungeon is broken
    # What it found: each problem exactly once, with its file.
    problems = [p.shown(pack) for p in reports[0].problems]
    for where, words in expected.items():
        hits = [p for p in problems if where in p.split(":")[0] and words in p]
        assert len(hits) == 1, f"{where} / {words!r}: {hits or problems}"
    assert len(problems) == len(expected), "\n".join(problems)


def test_only_checks_the_named_rooms_and_names_unknown_ids(pack):
    plan = dev.prepare(pack, ["double", "7.7"])
    assert [r.id for r in plan.rooms] == ["double"]
    room = plan.rooms[0]
    # Only the pages its rooms grant or use (a full run checks every page).
    assert set(plan.techniques) == {*room.grants, *room.uses}
    assert any("`7.7` is neither a room nor a dungeon id" in str(p) for p in plan.report.content)


def test_the_sound_fixture_pack_passes_then_grades_nothing_from_the_cache(tmp_path):
    # The suite's cache when it has one (a repeat run grades nothing), else a fresh one.
    cache = DEV_CACHE if DEV_CACHE.enabled else VerdictCache(tmp_path / "cache")
    report = dev.check(FIXTURE_PACK, jobs=1, cold=False, cache=cache)
    assert report.ok, [str(p) for p in report.problems]
    assert [c.room.id for c in report.rooms] == ["add-one", "double"]
    assert sum(c.mistakes for c in report.rooms) == 2

    again = dev.check(FIXTURE_PACK, jobs=1, cold=False, cache=cache)
    assert again.ok and sum(c.graded for c in again.rooms) == 0
    assert [dev.verdict(c.solution) for c in again.rooms if c.solution] == \
        [dev.verdict(c.solution) for c in report.rooms if c.solution]


def test_a_cold_verdict_that_differs_from_warm_is_a_problem(fixture_content, monkeypatch):
    """(The real cold path runs in test_cli's dev check of the fixture pack and in
    test_shipped_rooms.)"""
    def fake_grade(room, target, *, worker=None, **_):
        cleared = target.name == "solution.py"
        cases = [CaseResult(f"test_{i}", cleared, kind="" if cleared else "value")
                 for i in range(4)]
        return RoomResult(room.id, cases=cases, notes=["warm" if worker else "cold"]
                          if target.name == "solution.py" else [])

    monkeypatch.setattr(dev, "grade", fake_grade)
    monkeypatch.setattr(dev, "WarmWorker", lambda: _NoWorker())
    room = fixture_content.rooms["double"]
    check = dev.check_room(room, cache=VerdictCache(None), cold=True)
    assert [str(p) for p in check.problems] == \
        [str(Problem(room.solution, "grading it warm (forked from a worker) and cold (a fresh "
                                "Python) gives different verdicts"))]


class _NoWorker:
    def close(self) -> None:
        pass


def _sig(source: str) -> dict[str, str]:
    return static.signatures(ast.parse(source).body[0])


@pytest.mark.parametrize(("stub", "solution", "same"), [
    ("def f(x, y=1): ...", "def f(x, y=1):\n    return x", True),
    ("def f(x, y=1): ...", "def f(x, y=2): ...", False),
    ("def f(x: int) -> int: ...", "def f(x: int): ...", False),
    ("class M(nn.Module):\n  def forward(self, x): ...",
     "class M(nn.Module):\n  def forward(self, x): ...\n  def helper(self): ...", True),
    ("class M(nn.Module):\n  def forward(self, x): ...",
     "class M(nn.Module):\n  def forward(self, x, y): ...", False),
    ("class M(nn.Module):\n  def forward(self, x): ...", "class M:\n  def forward(self, x): ...",
     False),
])
def test_signatures_compare_the_syntax_tree(stub, solution, same):
    want, have = _sig(stub), _sig(solution)
    assert all(have.get(k) == v for k, v in want.items()) == same


# ------------------------------------------------------------------ the verdict cache


def _result(kind: Kind = Kind.VALUE) -> RoomResult:
    return RoomResult("add-one", cases=[CaseResult("test_scalar", False, kind=kind, message="m"),
                                        CaseResult("test_vector", True)],
                      pictures=[Picture("a", [[0.0, 1.0]], 1)], curves=[("loss", [1.0, 0.5])],
                      notes=["n"])


def test_cache_off_and_folder_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ARENA_DEV_CACHE", "0")
    assert default_folder() is None
    monkeypatch.setenv("ARENA_DEV_CACHE", str(tmp_path))
    assert default_folder() == tmp_path
    off = VerdictCache(None)
    off.put_result("k", _result())
    assert off.get_result("k") is None


def test_cache_gives_back_what_it_stored_but_not_what_a_busy_machine_could_cause(tmp_path):
    cache = VerdictCache(tmp_path)
    cache.put_result("a", _result())
    cache.put_result("b", _result(Kind.TIMEOUT))
    cache.put_result("c", RoomResult("add-one", verdict=Kind.CRASH))
    assert cache.get_result("a") == _result()
    assert cache.get_result("a").cases[0].kind is Kind.VALUE
    assert cache.get_result("b") is None and cache.get_result("c") is None
    (tmp_path / "d.json").write_text("{torn")
    (tmp_path / "e.json").write_text('{"room_id": "x", "sparkle": 1}')
    assert cache.get_result("d") is None and cache.get_result("e") is None


def test_cache_key_follows_every_input_of_a_grading(pack):
    room = load(pack).rooms["add-one"]

    def key(target: Path | None = None, mode: str = "warm") -> str:
        return VerdictCache(pack / ".cache").key(room, target or room.solution, mode)

    first = key()
    assert key() == first and key(mode="cold") != first and key(room.stub) != first
    changes = [
        (ADD_ONE / "solution.py", "return x + 1", "return x + 1  # same"),  # the graded file
        (ADD_ONE / "test_room.py", "import torch", "import torch  # same"),  # the room folder
        (ADD_ONE / "room.yaml", "minutes: 2", "minutes: 3"),
    ]
    assert VerdictCache(None).key(replace(room, timeout=5.0), room.solution, "warm") != first
    for rel, old, new in changes:
        _edit(pack, rel, old, new)
        assert key() != first, f"a change to {rel} kept the key"
        _edit(pack, rel, new, old)
        assert key() == first
    for shared in ("given", "assets"):  # the dungeon's shared code and data
        (pack / DUNGEON / shared).mkdir()
        (pack / DUNGEON / shared / "x.py").write_text("X = 1\n")
        assert key() != first, f"a new file in {shared}/ kept the key"
        shutil.rmtree(pack / DUNGEON / shared)
    # Wrong answers are their own graded files: editing them keeps the room's key.
    _edit(pack, ADD_ONE / "wrong.yaml", "adds the wrong constant", "adds two")
    (pack / ADD_ONE / "wrong" / "flattens.py").write_text("# edited\n")
    assert key() == first


def test_cache_key_covers_the_grading_code():
    from arena_dungeon.dev.cache import grading_modules

    names = {p.relative_to(Path(dev.__file__).parent.parent).as_posix()
             for p in grading_modules()}
    assert {"testing.py", "grading/runner.py", "grading/plugin.py", "grading/vocabulary.py"} \
        <= names
    assert not any(re.match(r"(cli|ui|dev/|content)", n) for n in names), names


def test_rules_the_brief_states_are_rules_grading_checks(pack):
    """A "Rules:" paragraph that says "use `X`" or "no loops" needs the matching `rules:`."""
    from arena_dungeon.content import load
    from arena_dungeon.dev.static import rules_problems

    yaml = pack / "dungeons/9.9-fixture/01-add-one/room.yaml"
    text = yaml.read_text()
    yaml.write_text(text.replace("brief: Return `x + 1` for a tensor `x`.",
                                 "brief: \"Return `x + 1`. Rules: use `add`; no loops.\"", 1))
    said = [p.message for p in rules_problems(load(pack).rooms["add-one"])]
    assert said == ['the brief\'s rules say "use `add`", but `rules.must_use` does not list add',
                    'the brief\'s rules say "no loops", but `rules.no_loops` is not true']
    yaml.write_text(yaml.read_text() + "rules:\n  no_loops: true\n  must_use: [add]\n")
    assert rules_problems(load(pack).rooms["add-one"]) == []
