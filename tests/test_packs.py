"""Content packs are contained and validated: each hostile or broken pack is a named ContentError.

See docs/RELIABILITY.md, "Content packs".
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from arena_dungeon.content import ContentError, load, survey

DUNGEON = Path("dungeons/9.9-fixture")
ROOM = DUNGEON / "01-add-one"


def _problem(pack: Path) -> str:
    """The one problem the pack has, as the CLI would show it."""
    _, problems = survey(pack)
    assert len(problems) == 1, "\n".join(map(str, problems))
    with pytest.raises(ContentError):
        load(pack)
    return str(problems[0])


@pytest.mark.parametrize("rel", [ROOM / "room.yaml", DUNGEON / "dungeon.yaml",
                                 ROOM / "test_room.py", ROOM / "stub.py",
                                 Path("techniques/alpha.yaml")])
def test_non_utf8_bytes_are_named(pack, rel):
    path = pack / rel
    path.write_bytes(path.read_bytes().replace(b"\n", b"\n# caf\xe9\n", 1))
    problem = _problem(pack)
    assert str(path) in problem and "not UTF-8 text: byte 0xe9 on line 2" in problem


def test_a_stub_linked_to_a_system_file_is_refused(pack):
    stub = pack / ROOM / "stub.py"
    stub.unlink()
    stub.symlink_to("/etc/hostname")
    problem = _problem(pack)
    assert "`stub.py` links outside the pack (to /etc/hostname)" in problem


@pytest.mark.parametrize("name", ["test_room.py", "solution.py", "room.yaml"])
def test_room_files_linked_outside_the_pack_are_refused(pack, tmp_path, name):
    outside = tmp_path / "elsewhere" / name
    outside.parent.mkdir()
    shutil.move(pack / ROOM / name, outside)
    (pack / ROOM / name).symlink_to(outside)
    assert f"`{name}` links outside the pack (to {outside})" in _problem(pack)


def test_a_room_folder_linked_outside_the_pack_is_refused(pack, tmp_path):
    outside = tmp_path / "elsewhere"
    shutil.move(pack / ROOM, outside)
    (pack / ROOM).symlink_to(outside)
    assert f"`01-add-one` links outside the pack (to {outside})" in _problem(pack)


def test_a_technique_linked_outside_the_pack_is_refused(pack, tmp_path):
    outside = tmp_path / "alpha.yaml"
    shutil.move(pack / "techniques/alpha.yaml", outside)
    (pack / "techniques/alpha.yaml").symlink_to(outside)
    _, problems = survey(pack)
    assert any("`alpha.yaml` links outside the pack" in str(p) for p in problems)


def test_a_link_inside_the_pack_is_fine(pack):
    stub = pack / ROOM / "stub.py"
    shutil.copy(stub, pack / "shared_stub.py")
    stub.unlink()
    stub.symlink_to(pack / "shared_stub.py")
    assert survey(pack)[1] == []


def test_a_stub_that_is_a_fifo_is_refused(pack):
    stub = pack / ROOM / "stub.py"
    stub.unlink()
    os.mkfifo(stub)
    assert "`stub.py` is not a regular file" in _problem(pack)


def test_two_dungeons_with_the_same_id(pack):
    twin = pack / "dungeons/9.8-twin"
    twin.mkdir()
    (twin / "dungeon.yaml").write_text((pack / DUNGEON / "dungeon.yaml").read_text()
                                       .replace("rooms: [add-one, double]", "rooms: [triple]")
                                       .replace("boss: double", "boss: triple"))
    room = twin / "01-triple"
    shutil.copytree(pack / DUNGEON / "02-double", room)
    (room / "room.yaml").write_text((room / "room.yaml").read_text()
                                    .replace("id: double", "id: triple"))
    problem = _problem(pack)
    assert "field `id`: `9.9` is already used by" in problem


@pytest.mark.parametrize(("rel", "old", "new"), [
    (ROOM / "room.yaml", "title: Add one", "title: Add one\ntitle: Add two"),
    (DUNGEON / "dungeon.yaml", "boss: double", "boss: double\nboss: add-one"),
    (ROOM / "room.yaml", "after_kind: shape", "after_kind: shape\n    after_kind: value"),
])
def test_duplicate_yaml_keys_are_named(pack, rel, old, new):
    path = pack / rel
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    problem = _problem(pack)
    assert str(path) in problem and "appears twice" in problem


def test_a_lock_cycle_is_named(pack):
    """add-one needs beta, which only double grants; double needs alpha, which only add-one
    grants: both doors stay shut forever."""
    path = pack / ROOM / "room.yaml"
    path.write_text(path.read_text().replace("requires: []", "requires: [beta]"))
    content, problems = survey(pack)
    text = "\n".join(map(str, problems))
    assert len(problems) == 2, text
    assert "the door can never open: `beta` is granted only by double, locked forever too" \
        in text
    assert "`alpha` is granted only by add-one, locked forever too" in text
    assert content.dungeons == []


def test_a_tool_no_room_grants_is_named(pack):
    path = pack / DUNGEON / "02-double/room.yaml"
    path.write_text(path.read_text().replace("requires: [alpha]", "requires: [alpha, beta]"))
    assert "the door can never open: `beta` is granted only by double" in _problem(pack)
    path.write_text(path.read_text().replace("grants: [beta]", "grants: []"))
    assert "`beta` is granted by no room" in _problem(pack)


def test_a_10_mb_brief_is_refused_quickly(pack):
    path = pack / ROOM / "room.yaml"
    path.write_text(path.read_text().replace("brief: Return", "brief: " + "x" * 10**7
                                             + " Return"))
    start = time.perf_counter()
    problem = _problem(pack)
    assert time.perf_counter() - start < 2
    assert "room.yaml" in problem and "more than the 100 KB a content file may be" in problem


def test_a_long_brief_is_capped(pack):
    path = pack / ROOM / "room.yaml"
    path.write_text(path.read_text().replace("brief: Return", "brief: " + "x" * 30_000
                                             + " Return"))
    assert "field `brief`: 30,0" in _problem(pack)


def test_a_long_hint_is_capped(pack):
    path = pack / ROOM / "room.yaml"
    path.write_text(path.read_text().replace("Think about", "x" * 25_000))
    assert "field `hints.0`:" in _problem(pack)


def test_a_huge_test_file_is_capped(pack):
    path = pack / ROOM / "test_room.py"
    path.write_text(path.read_text() + "#" * 300_000 + "\n")
    problem = _problem(pack)
    assert str(path) in problem and "more than the 200 KB" in problem


def test_a_broken_page_is_named_once(pack):
    """A technique that fails to load is one problem, not one more per room that uses it."""
    (pack / "techniques/alpha.yaml").write_text("id: alpha\nname: [\n")
    content, problems = survey(pack)
    assert len(problems) == 1 and "alpha.yaml" in str(problems[0])
    assert content.dungeons == []  # its rooms refer to it: their dungeon is left out
