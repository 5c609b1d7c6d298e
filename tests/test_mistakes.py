"""wrong.yaml: each kind of broken entry is one named ContentError; a mistake is graded honestly."""

from __future__ import annotations

from pathlib import Path

import pytest

from arena_dungeon.content import ContentError, load, load_room
from arena_dungeon.mistakes import grade_mistake, load_mistakes

ROOM = Path("dungeons/9.9-fixture/01-add-one")
GOOD = """\
format_version: 1
wrong:
  - id: adds-two
    why: adds the wrong constant
    catches: test_scalar
    replace:
      - old: "return x + 1"
        new: "return x + 2"
"""


def _room(pack: Path, wrong_yaml: str):
    folder = pack / ROOM
    (folder / "wrong.yaml").write_text(wrong_yaml)
    if "wrong/flattens.py" not in wrong_yaml:
        (folder / "wrong" / "flattens.py").unlink()
    return load_room(folder)


def test_fixture_pack_mistakes_load(fixture_content):
    mistakes = load_mistakes(fixture_content.rooms["add-one"])
    assert [m.id for m in mistakes] == ["adds-two", "flattens"]
    assert "return x + 2" in mistakes[0].source()
    assert '"""Return x + 1."""' in mistakes[0].source()  # the rest of solution.py is kept
    assert "x.flatten() + 1" in mistakes[1].source()


def test_room_without_wrong_yaml_has_no_mistakes(fixture_content):
    assert load_mistakes(fixture_content.rooms["double"]) == []


def test_edits_apply_in_order(pack):
    room = _room(pack, GOOD.replace('new: "return x + 2"\n', 'new: "return x + 2"\n'
                                    '      - old: "x + 2"\n        new: "x * 2"\n'))
    assert "return x * 2" in load_mistakes(room)[0].source()


@pytest.mark.parametrize(("old", "new", "words"), [
    ('old: "return x + 1"', 'old: "x"', "field `replace.0.old` occurs 3 times in solution.py"),
    ('old: "return x + 1"', 'old: "return y"', "field `replace.0.old` does not occur"),
    ("why: adds", "sparkle: true\n    why: adds", "field `sparkle`: unknown field"),
    ("catches: test_scalar", "catches: test_nothing",
     "field `catches`: no test `test_nothing` in test_room.py"),
    ("    replace:\n", "    file: wrong/flattens.py\n    replace:\n",
     "needs exactly one of `replace`"),
    ("id: adds-two", "id: Adds_Two", "must be lowercase letters"),
    ("    why: adds the wrong constant\n", "", "field `why`: missing required field"),
    ("format_version: 1", "format_version: 2", "field `format_version`: must be 1"),
    ("format_version: 1", "format_version: 1\nextra: 3", "field `extra`: unknown field"),
    ("    replace:\n      - old: \"return x + 1\"\n        new: \"return x + 2\"\n",
     "    replace: []\n", "field `replace`: needs at least one edit"),
])
def test_broken_entry_names_file_and_entry(pack, old, new, words):
    assert old in GOOD
    room = _room(pack, GOOD.replace(old, new))
    with pytest.raises(ContentError) as err:
        load_mistakes(room)
    assert words in str(err.value)
    assert str(pack / ROOM / "wrong.yaml") in str(err.value)
    if "format_version" not in words and "extra" not in words:
        assert "entry `adds-two`" in str(err.value) or "entry `Adds_Two`" in str(err.value)


def test_neither_replace_nor_file(pack):
    text = GOOD.split("    replace:")[0]
    with pytest.raises(ContentError, match="entry `adds-two`: needs exactly one of"):
        load_mistakes(_room(pack, text))


def test_duplicate_id(pack):
    text = GOOD + GOOD.split("wrong:\n")[1]
    with pytest.raises(ContentError, match="entry `adds-two`: field `id`: used twice"):
        load_mistakes(_room(pack, text))


@pytest.mark.parametrize("where", ["../solution.py", "wrong/nowhere.py", "flattens.txt"])
def test_file_must_be_a_python_file_in_wrong(pack, where):
    text = GOOD.split("    replace:")[0] + f"    file: {where}\n"
    with pytest.raises(ContentError, match="entry `adds-two`: field `file`"):
        load_mistakes(_room(pack, text))


def test_unnamed_wrong_file(pack):
    (pack / ROOM / "wrong" / "forgotten.py").write_text("def add_one(x):\n    return x\n")
    with pytest.raises(ContentError, match="no entry names wrong/forgotten.py"):
        load_mistakes(load_room(pack / ROOM))
    (pack / ROOM / "wrong.yaml").unlink()
    with pytest.raises(ContentError, match="wrong answers here but no wrong.yaml"):
        load_mistakes(load_room(pack / ROOM))


@pytest.fixture
def worker(warm_worker):
    return warm_worker


def test_grading_a_mistake(pack, worker):
    """Caught by its case: no problem. Not failing its case, or passing: each named."""
    room = _room(pack, GOOD + """\
  - id: wrong-case-named
    why: flattens a matrix, which only the matrix case sees, but names the scalar case
    catches: test_scalar
    replace:
      - old: "return x + 1"
        new: "return x + 1 if x.dim() < 2 else x.flatten() + 1"
  - id: not-a-mistake
    why: the same sum, written the other way round
    catches: test_scalar
    replace:
      - old: "return x + 1"
        new: "return 1 + x"
""")
    found = {m.id: grade_mistake(room, m, worker)[1] for m in load_mistakes(room)}
    assert found["adds-two"] is None
    assert found["wrong-case-named"] == ("wrong answer `wrong-case-named` does not fail "
                                         "`test_scalar` (it fails: test_matrix_shape)")
    assert found["not-a-mistake"] == "wrong answer `not-a-mistake` passes every case"


def test_shipped_fixture_file_mistake_is_caught(fixture_content, worker):
    room = fixture_content.rooms["add-one"]
    flattens = load_mistakes(room)[1]
    result, problem = grade_mistake(room, flattens, worker)
    assert problem is None and "test_matrix_shape" in result.failed_cases
    assert load(Path(__file__).parent / "fixtures" / "pack").rooms["add-one"] is not None
