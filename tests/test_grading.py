"""Grading: a fixture player file per failure kind, asserting the words the learner sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from arena_dungeon.grading.runner import grade
from tests import graded

PLAYERS = Path(__file__).parent / "fixtures" / "players"


@pytest.fixture
def add_one(fixture_content):
    return fixture_content.rooms["add-one"]


@pytest.fixture
def cold(add_one, tmp_path_factory):
    """add-one graded cold against a fixture player, once per run (tests/graded.py)."""
    return lambda name: graded.cold(tmp_path_factory, add_one, add_one.stub if name == "stub"
                                    else PLAYERS / f"{name}.py")


def test_passing_file_clears(cold):
    result = cold("pass")
    assert result.cleared
    assert result.summary() == "4/4 cases passed"
    assert [c.title for c in result.cases] == ["scalar", "vector", "matrix shape",
                                                "input not mutated"]
    assert result.pictures and result.pictures[0].caption == "a gradient"


def test_only_the_named_cases_run_when_asked(add_one):
    """How `arena dev check` grades a wrong answer: just the case that must catch it."""
    result = grade(add_one, PLAYERS / "wrong_values.py", cases=["test_vector"])
    assert [c.name for c in result.cases] == ["test_vector"]
    assert result.failed_cases == ["test_vector"]


def test_stub_is_not_implemented(cold):
    result = cold("stub")
    assert not result.cleared
    assert {c.kind for c in result.cases} == {"not_implemented"}
    assert result.summary() == "0/4 cases passed"


def test_wrong_values_show_expected_and_got(cold):
    result = cold("wrong_values")
    case = result.cases[0]
    assert not case.passed and case.kind == "value"
    assert case.message == "add_one(1.0): expected 2, got 3"
    assert result.cases[1].message == ("add_one(arange(4)): 4 of 4 values differ; worst at [0]: "
                                       "expected 1, got 2")
    assert "expected" in result.cases[1].details and "got" in result.cases[1].details


def test_exception_names_the_players_line(cold):
    case = cold("raises").cases[0]
    assert case.kind == "exception"
    assert case.line == 6
    assert case.message == "ValueError: boom"
    assert case.code == 'raise ValueError("boom")'


def test_torch_errors_are_translated(cold):
    case = cold("matmul_mismatch").cases[1]
    assert case.kind == "exception"
    assert case.message.startswith("matrix multiply of (1, 4) by (5, 5): the inner sizes 4 and 5 "
                                   "must match")
    assert case.line == 5


def test_syntax_error_shows_the_line_without_running(cold):
    result = cold("syntax")
    assert result.verdict == "syntax"
    assert result.line == 4
    assert result.message.startswith("syntax error on line 4")
    assert result.cases == []


def test_missing_function_is_named(cold):
    result = cold("missing")
    assert {c.kind for c in result.cases} == {"missing"}
    assert "your file has no `add_one`" in result.cases[0].message


def test_import_error_is_the_players(cold):
    case = cold("import_error").cases[0]
    assert case.kind == "import"
    assert "your file failed to load" in case.message
    assert "no_such_module_here" in case.message


def test_sys_exit_is_caught_per_case(cold):
    result = cold("sysexit")
    assert result.cases[0].kind == "exit"
    assert "sys.exit(3)" in result.cases[0].message
    assert len(result.cases) == 4


def test_os_exit_ends_with_a_named_verdict(cold):
    result = cold("osexit")
    assert result.verdict == "crash"
    assert "exit code 7" in result.message and "scalar" in result.message


def test_hang_is_stopped_at_the_time_limit(cold):
    result = cold("hang")
    assert result.verdict == "timeout"
    assert f"stopped after {graded.LIMIT:g} s in case `scalar`" in result.message
    assert result.cases[-1].kind == "timeout"


def test_segfault_is_a_crash_not_ours(cold):
    result = cold("segfault")
    assert result.verdict == "crash"
    assert "SIGSEGV" in result.message


def test_keyboard_interrupt_in_player_code(cold):
    result = cold("keyboard")
    assert result.verdict == "crash"
    assert "KeyboardInterrupt" in result.message


def test_print_flood_is_truncated_and_cases_still_judged(cold):
    result = cold("flood")
    assert [c.kind for c in result.cases] == ["value"] * 4
    assert "output truncated" in result.raw_output
    assert len(result.raw_output) <= 25_000


def test_huge_allocation_fails_the_case_not_the_game(cold):
    result = cold("huge_alloc")
    assert not result.cleared
    assert result.cases and result.cases[0].kind in ("exception", "memory")


def test_rule_violation_is_reported_before_running(fixture_content):
    result = grade(fixture_content.rooms["double"], PLAYERS / "double_loop.py")
    assert result.verdict == "rule"
    assert result.line == 6
    assert "no Python loops" in result.message
    assert result.cases == []


def test_deleted_file_is_named(add_one, tmp_path):
    result = grade(add_one, tmp_path / "gone.py")
    assert result.verdict == "unreadable"
    assert "arena reset" in result.message


def test_jaxtyping_contract_is_one_plain_verdict(pack, worker):
    from arena_dungeon.content import load

    room_yaml = pack / "dungeons/9.9-fixture/01-add-one/room.yaml"
    room_yaml.write_text(room_yaml.read_text() + "typecheck: true\n")
    room = load(pack).rooms["add-one"]
    result = grade(room, PLAYERS / "contract.py", worker=worker)
    scalar, vector = result.cases[0], result.cases[1]
    assert scalar.kind == "contract"
    assert scalar.message.startswith("argument `x` breaks the annotation: got f32[]")
    assert vector.kind == "contract"
    assert vector.message == ("return value breaks the annotation: got f32[4,1], expected "
                              "Float[Tensor, 'n'] (with n=4)")


def test_slow_loop_gets_a_speed_warning(pack, worker):
    """(Warm: the warning is the test helpers' work, the same on both paths.)"""
    from arena_dungeon.content import load

    tests = pack / "dungeons/9.9-fixture/01-add-one/test_room.py"
    tests.write_text(tests.read_text() + (
        "\n\ndef test_speed(room):\n"
        "    from arena_dungeon.testing import compare_speed\n"
        "    x = torch.zeros(20_000)\n"
        "    compare_speed(room.add_one, lambda v: v + 1, x, label='20,000 values')\n"))
    room = load(pack).rooms["add-one"]
    result = grade(room, PLAYERS / "slow_loop.py", worker=worker)
    assert result.cleared
    assert len(result.warnings) == 1
    assert "slower than the reference on 20,000 values: look for a Python loop" in \
        result.warnings[0]
    assert grade(room, PLAYERS / "pass.py", worker=worker).warnings == []


@pytest.fixture
def worker(warm_worker):
    return warm_worker


@pytest.mark.parametrize("name", ["stub", *sorted(p.stem for p in PLAYERS.glob("*.py")
                                                 if p.stem not in ("double_loop", "contract"))])
def test_warm_and_cold_paths_agree(add_one, cold, worker, name):
    """Watch mode's forked children give the same verdict as a cold check, crash or not."""
    def seen(result):
        return (result.cleared, result.verdict, result.message,
                [(c.name, c.kind, c.message) for c in result.cases])

    target = add_one.stub if name == "stub" else PLAYERS / f"{name}.py"
    warm = graded.kept(add_one, target, f"warm:{graded.LIMIT}",
                       lambda: grade(add_one, target, timeout=graded.LIMIT, worker=worker))
    assert seen(warm) == seen(cold(name))


def _pack_with_given(pack: Path) -> Path:
    """add-one imports `one` from a given module instead of writing 1 itself."""
    (pack / "dungeons/9.9-fixture/given").mkdir()
    (pack / "dungeons/9.9-fixture/given/fixture_given.py").write_text("ONE = 1\n")
    room_yaml = pack / "dungeons/9.9-fixture/01-add-one/room.yaml"
    room_yaml.write_text(room_yaml.read_text() + "given: [fixture_given.py]\n")
    return pack


def test_given_modules_are_imported_from_the_shipped_copy(pack, tmp_path, worker):
    from arena_dungeon.content import load

    room = load(_pack_with_given(pack)).rooms["add-one"]
    player = tmp_path / "ws" / "player.py"
    player.parent.mkdir(parents=True)
    player.write_text("from fixture_given import ONE\n\n\ndef add_one(x):\n    return x + ONE\n")
    # A workspace copy that says otherwise does not change the verdict.
    (player.parent / "fixture_given.py").write_text("ONE = 2\n")
    assert grade(room, player).cleared
    assert grade(room, player, worker=worker).cleared
    # Without `given:` the import fails as it would anywhere else.
    (pack / "dungeons/9.9-fixture/01-add-one/room.yaml").write_text(
        (pack / "dungeons/9.9-fixture/01-add-one/room.yaml").read_text()
        .replace("given: [fixture_given.py]\n", ""))
    result = grade(load(pack).rooms["add-one"], player, worker=worker)
    assert not result.cleared and "fixture_given" in result.cases[0].message


def test_a_room_may_import_another_dungeons_given_module(pack, tmp_path, worker):
    """`given: [9.8/lib_given.py]`: dungeon 9.8's given/ module, shipped copy first."""
    from arena_dungeon.content import load
    from arena_dungeon.session import Session

    (pack / "dungeons/9.8-lib/given").mkdir(parents=True)
    (pack / "dungeons/9.8-lib/given/lib_given.py").write_text("ONE = 1\n")
    _pack_with_given(pack)
    room_yaml = pack / "dungeons/9.9-fixture/01-add-one/room.yaml"
    room_yaml.write_text(room_yaml.read_text().replace(
        "given: [fixture_given.py]", "given: [fixture_given.py, 9.8/lib_given.py]"))
    room = load(pack).rooms["add-one"]
    assert room.given_dirs == [pack / "dungeons/9.9-fixture/given",
                               pack / "dungeons/9.8-lib/given"]
    player = Session.open(tmp_path / "ws", pack).play("add-one").path
    assert (player.parent / "lib_given.py").read_text() == "ONE = 1\n"  # copied beside it
    (player.parent / "lib_given.py").write_text("ONE = 2\n")  # the shipped copy still wins
    player.write_text("from fixture_given import ONE as A\nfrom lib_given import ONE as B\n\n\n"
                      "def add_one(x):\n    return x + A * B\n")
    assert grade(room, player).cleared
    assert grade(room, player, worker=worker).cleared


@pytest.mark.parametrize("entry, words", [("9.8/nope.py", "no file"),
                                          ("../x/nope.py", "not a module file name"),
                                          ("9.9/fixture_given.py", "a second module named")])
def test_a_bad_given_entry_is_named(pack, entry, words):
    from arena_dungeon.content import ContentError, load

    _pack_with_given(pack)
    room_yaml = pack / "dungeons/9.9-fixture/01-add-one/room.yaml"
    room_yaml.write_text(room_yaml.read_text().replace(
        "given: [fixture_given.py]", f"given: [fixture_given.py, {entry!r}]"))
    with pytest.raises(ContentError, match=words):
        load(pack)


def test_play_puts_given_modules_beside_the_players_file(pack, tmp_path):
    from arena_dungeon.session import Session

    session = Session.open(tmp_path / "ws", _pack_with_given(pack))
    entered = session.play("add-one")
    copy = entered.path.parent / "fixture_given.py"
    assert copy.read_text() == "ONE = 1\n"
    copy.write_text("ONE = 2  # edited\n")
    session.play("add-one")
    assert copy.read_text() == "ONE = 1\n"  # refreshed to what grading imports ...
    backups = list((tmp_path / "ws" / ".arena" / "backups").glob("fixture_given-*.py"))
    assert [b.read_text() for b in backups] == ["ONE = 2  # edited\n"]  # ... nothing lost


def test_the_players_prints_are_kept_with_the_failed_case(cold):
    """Printing is how people debug: a failed case carries what the player's code printed."""
    result = cold("prints")
    assert not result.cleared
    assert "debug: x has shape ()" in result.cases[0].output
    assert "debug: x has shape (4,)" in result.cases[1].output
    assert "debug" not in result.cases[0].message


def test_none_indexing_can_be_forbidden():
    """Issue 14.7: `x[None, :, None]` adds axes without the tool a room teaches."""
    from arena_dungeon.content import Rules
    from arena_dungeon.grading import rules

    source = "import torch\n\n\ndef f():\n    return torch.arange(6)[None, :, None]\n"
    found = rules.check(source, Rules(forbid=["[None]"]), "f")
    assert [v.line for v in found] == [5] and "indexing with `None`" in found[0].reason
    assert rules.check(source, Rules(forbid=["reshape"]), "f") == []
    assert rules.check(source.replace("None, :, None", "0"), Rules(forbid=["[None]"]), "f") == []


def test_the_matmul_operator_can_be_forbidden():
    """Issue 14.7: `a @ b` (or `a @= b`) does an einsum room's work under another name."""
    from arena_dungeon.content import Rules
    from arena_dungeon.grading import rules

    source = "def f(a, b):\n    c = a @ b\n    c @= b\n    return c\n"
    found = rules.check(source, Rules(forbid=["@"]), "f")
    assert [v.line for v in found] == [2, 3] and "`@` operator" in found[0].reason
    assert rules.check(source, Rules(forbid=["matmul"]), "f") == []


def _pack_with_fresh_inputs(pack: Path, expected: str = "x + 1") -> Path:
    """add-one gains a case on random inputs drawn with testing.fresh_seed."""
    tests = pack / "dungeons/9.9-fixture/01-add-one/test_room.py"
    tests.write_text(tests.read_text().replace(
        "from arena_dungeon.testing import assert_tensor_close, call, show_picture",
        "from arena_dungeon.testing import assert_tensor_close, call, fresh_seed, show_picture")
        + f"""

def test_random_vector(room):
    x = torch.rand(5, generator=torch.Generator().manual_seed(fresh_seed(0)))
    assert_tensor_close(call(room.add_one, x), {expected}, call="add_one(rand(5))")
""")
    return pack


def test_a_drill_draws_fresh_inputs_so_a_memorised_answer_fails(pack, tmp_path, worker):
    """A review drill (draw > 0) grades the cases that use fresh_seed on inputs drawn anew:
    an answer that memorised the room's own inputs clears the room, not the drill."""
    import torch

    from arena_dungeon.content import load

    room = load(_pack_with_fresh_inputs(pack)).rooms["add-one"]
    seen = (torch.rand(5, generator=torch.Generator().manual_seed(0)) + 1).tolist()
    memorised = tmp_path / "01_add_one.py"
    memorised.write_text(f"import torch\n\n\ndef add_one(x):\n    if x.shape == (5,):\n"
                         f"        return torch.tensor({seen})\n    return x + 1\n")
    assert grade(room, memorised, worker=worker).cleared
    drilled = grade(room, memorised, worker=worker, draw=1)
    assert [c.name for c in drilled.cases if not c.passed] == ["test_random_vector"]
    assert grade(room, room.solution, draw=2).cleared  # cold too


def test_dev_check_grades_the_reference_on_fresh_inputs(pack, worker):
    """A room that uses fresh_seed for a case whose expected value holds for one seed only
    is reported: its drills would fail correct answers."""
    from arena_dungeon import dev
    from arena_dungeon.content import load

    seed_zero_only = "x + 1 if fresh_seed(0) == 0 else x"
    room = load(_pack_with_fresh_inputs(pack, seed_zero_only)).rooms["add-one"]
    check = dev.check_room(room, worker)
    assert [p.message.split(":")[0] for p in check.problems] == \
        ["the solution fails on fresh inputs (draw 1, as a review drill draws them)",
         "the solution fails on fresh inputs (draw 2, as a review drill draws them)"]


def test_a_case_docstring_reads_as_prose():
    """The failure panel wraps the case's docstring itself: the source's line breaks and
    indentation go, its paragraphs stay."""
    from arena_dungeon.grading.plugin import _prose

    doc = """A ray on the wall counts (u >=
        0); the ray beside it misses.

        Second paragraph."""
    assert _prose(doc) == ("A ray on the wall counts (u >= 0); the ray beside it misses.\n\n"
                           "Second paragraph.")
