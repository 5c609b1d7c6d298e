"""The content loader: good packs load, each kind of broken room.yaml gives one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from arena_dungeon.content import ContentError, ContentErrors, load, survey

ROOM = Path("dungeons/9.9-fixture/01-add-one")


def test_fixture_pack_loads(fixture_content):
    assert [d.id for d in fixture_content.dungeons] == ["9.9"]
    assert [r.id for r in fixture_content.ordered_rooms] == ["add-one", "double"]
    room = fixture_content.rooms["add-one"]
    assert room.number == 1 and room.filename == "01_add_one.py"
    assert room.stub.is_file() and room.tests.is_file()


def test_shipped_content_loads():
    content = load()
    assert content.dungeons, "no dungeons shipped"
    assert content.dungeons[0].id == "0.0"


def _edit(pack: Path, rel: Path, old: str, new: str) -> None:
    path = pack / rel
    text = path.read_text()
    assert old in text, f"fixture text {old!r} not found"
    path.write_text(text.replace(old, new))


@pytest.mark.parametrize(("old", "new", "words"), [
    ("title: Add one", "title: [unclosed", "invalid YAML"),
    ("minutes: 2", "minutes: 2\nsparkle: true", "field `sparkle`: unknown field"),
    ("entry: add_one\n", "", "field `entry`: missing required field"),
    ("grants: [alpha]", "grants: [omega]", "field `grants`: no technique `omega`"),
    ("requires: []", "requires: [nope]", "field `requires`: no technique `nope`"),
    ("subproblems: [counting]", "subproblems: [juggling]", "no sub-problem `juggling`"),
    ("difficulty: 1", "difficulty: 9", "field `difficulty`"),
    ("after_kind: shape", "after_case: test_missing", "no test `test_missing`"),
    ("format_version: 2\n", "", "field `format_version`: missing required field"),
    ("format_version: 2", "format_version: 1", "field `format_version`"),
])
def test_broken_room_yaml_names_file_and_field(pack, old, new, words):
    _edit(pack, ROOM / "room.yaml", old, new)
    with pytest.raises(ContentError) as err:
        load(pack)
    assert words in str(err.value)
    assert str(pack / ROOM / "room.yaml") in str(err.value)


def test_missing_stub_is_named(pack):
    (pack / ROOM / "stub.py").unlink()
    with pytest.raises(ContentError, match="missing file `stub.py`"):
        load(pack)


def test_room_not_listed_in_dungeon(pack):
    _edit(pack, Path("dungeons/9.9-fixture/dungeon.yaml"), "rooms: [add-one, double]",
          "rooms: [add-one]\n")
    _edit(pack, Path("dungeons/9.9-fixture/dungeon.yaml"), "boss: double", "boss: add-one")
    with pytest.raises(ContentError, match="folders not listed: double"):
        load(pack)


def test_unknown_room_in_dungeon_list(pack):
    _edit(pack, Path("dungeons/9.9-fixture/dungeon.yaml"), "rooms: [add-one, double]",
          "rooms: [add-one, double, triple]")
    with pytest.raises(ContentError, match="no folder for room `triple`"):
        load(pack)


@pytest.mark.parametrize(("names", "bad"), [
    (("02-add-one", "01-double"), ["02-add-one", "01-double"]),  # swapped
    (("01-add-one", "01-double"), ["01-double"]),  # two folders numbered 01
    (("1-add-one", "double"), ["1-add-one"]),  # not two digits
    (("add-one", "double"), []),  # bare ids are fine
])
def test_folder_numbers_follow_play_order(pack, names, bad):
    dungeon = pack / "dungeons/9.9-fixture"
    for old, new in zip(("01-add-one", "02-double"), names, strict=True):
        (dungeon / old).rename(dungeon / new)
    _, problems = survey(pack)
    named = [str(p) for p in problems]
    assert len(named) == len(bad)
    for folder, problem in zip(bad, named, strict=True):
        assert str(dungeon / folder) in problem and "dungeon.yaml's `rooms`" in problem


def test_broken_technique_page(pack):
    (pack / "techniques" / "alpha.yaml").write_text("id: alpha\nname: alpha\n")
    with pytest.raises(ContentError, match=r"alpha.yaml: field `summary`"):
        load(pack)


def test_content_env_points_at_a_pack(pack, monkeypatch):
    monkeypatch.setenv("ARENA_CONTENT", str(pack))
    assert load().root == pack.resolve()


@pytest.mark.parametrize("given, words", [
    ("[Fixture-Given.py]", "not a module file name"),
    ("[missing_module.py]", "no file"),
])
def test_given_modules_are_checked(pack, given, words):
    room_yaml = pack / "dungeons/9.9-fixture/01-add-one/room.yaml"
    room_yaml.write_text(room_yaml.read_text() + f"given: {given}\n")
    with pytest.raises(ContentError, match=words) as info:
        load(pack)
    assert "given.0" in str(info.value)


def test_survey_names_every_problem_and_keeps_what_loads(pack):
    """Three problems in three places: all named in one run; the sound parts still load."""
    _edit(pack, ROOM / "room.yaml", "minutes: 2", "minutes: 2\nsparkle: true")
    _edit(pack, Path("dungeons/9.9-fixture/02-double/room.yaml"), "difficulty:",
          "colour: red\ndifficulty:")
    (pack / "techniques" / "beta.yaml").write_text("id: beta\nname: beta\n")
    content, problems = survey(pack)
    text = "\n".join(str(p) for p in problems)
    assert len(problems) == 3, text
    assert "sparkle" in text and "colour" in text and "beta.yaml" in text
    assert content.dungeons == [] and content.rooms == {}  # the broken dungeon is left out
    assert "alpha" in content.techniques

    with pytest.raises(ContentErrors) as err:
        load(pack)
    assert isinstance(err.value, ContentError)
    assert len(err.value.problems) == 3
    assert str(err.value).count("\n") == 2  # one problem per line


def test_survey_of_a_sound_pack_finds_nothing(pack):
    content, problems = survey(pack)
    assert problems == []
    assert [r.id for r in content.ordered_rooms] == ["add-one", "double"]


# ---------------------------------------------------------------- the content cache


class _Payload:
    """Unpickling this runs a shell command: what a poisoned cache would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        import os

        return (os.system, (f"touch {self.marker}",))


def test_a_poisoned_cache_runs_nothing_and_is_rebuilt(pack, tmp_path, monkeypatch):
    import pickle

    from arena_dungeon import content as content_module

    cache = tmp_path / "cache"
    first = load(pack, cache_dir=cache)
    key = content_module.fingerprint(pack.resolve())
    marker = tmp_path / "pwned"
    poison = pickle.dumps(_Payload(marker))
    for name in (f"content-{key}.json", f"content-{key}.pickle"):
        (cache / name).write_bytes(poison)
    again = load(pack, cache_dir=cache)
    assert not marker.exists(), "the cache ran code"
    assert [r.id for r in again.ordered_rooms] == [r.id for r in first.ordered_rooms]
    # ... and the rebuilt cache is plain data that is read back without a fresh load.
    monkeypatch.setattr(content_module, "_load_fresh", lambda root: pytest.fail("not cached"))
    assert [r.id for r in load(pack, cache_dir=cache).ordered_rooms] == ["add-one", "double"]


@pytest.mark.parametrize("tamper", [
    lambda d: d["rooms"][0].update(difficulty="hard"),
    lambda d: d["rooms"][0].update(folder="/etc"),
    lambda d: d["rooms"][0].update(hints=[{"text": 1}]),
    lambda d: d["rooms"][0].pop("entry"),
    lambda d: d["rooms"][0].update(sparkle=True),
    lambda d: d["dungeons"][0].update(rooms=["nowhere"]),
    lambda d: d.update(rooms={}),
], ids=["wrong type", "folder outside the pack", "hint text not a string", "missing field",
        "unknown field", "dungeon lists an unknown room", "rooms not a list"])
def test_a_tampered_cache_is_rebuilt(pack, tmp_path, tamper):
    import json

    cache = tmp_path / "cache"
    load(pack, cache_dir=cache)
    [path] = cache.glob("content-*.json")
    data = json.loads(path.read_text())
    tamper(data)
    path.write_text(json.dumps(data))
    content = load(pack, cache_dir=cache)
    room = content.rooms["add-one"]
    assert room.difficulty == 1 and room.folder.is_relative_to(pack.resolve())
    assert [r.id for r in content.ordered_rooms] == ["add-one", "double"]


def test_content_kept_loaded_is_reused_until_a_file_changes(pack, tmp_path):
    """The launcher loads the content once (`keep_loaded`); a command it forks gets that
    load back while every file is as it was, and a fresh one after any edit."""
    from arena_dungeon import content

    content.keep_loaded(pack)
    kept = content.load(pack, cache_dir=tmp_path / "cache")
    assert content.load(pack, cache_dir=tmp_path / "cache") is kept
    yaml = pack / "dungeons/9.9-fixture/01-add-one/room.yaml"
    yaml.write_text(yaml.read_text().replace("title: Add one", "title: Add one, edited"))
    fresh = content.load(pack, cache_dir=tmp_path / "cache")
    assert fresh is not kept and fresh.rooms["add-one"].title == "Add one, edited"
