"""The save file: atomic, versioned, forgiving."""

from __future__ import annotations

import json

from arena_dungeon import progress


def test_round_trip(tmp_path):
    path = tmp_path / ".arena" / "progress.json"
    prog = progress.Progress(current="add-one")
    prog.room("add-one").hints_seen = [0]
    progress.save(path, prog)
    loaded, warning = progress.load(path)
    assert warning is None
    assert loaded.current == "add-one"
    assert loaded.room("add-one").hints_seen == [0]
    assert sorted(p.name for p in path.parent.iterdir()) == ["progress.json", "progress.json.lock"]


def test_missing_file_is_a_fresh_start(tmp_path):
    loaded, warning = progress.load(tmp_path / "none.json")
    assert loaded.rooms == {} and warning is None


def test_corrupt_file_is_kept_aside_and_reported(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text("{not json")
    loaded, warning = progress.load(path)
    assert loaded.rooms == {}
    assert "could not be read" in warning
    kept = list(tmp_path.glob("progress.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_text() == "{not json"


def test_wrong_shape_is_kept_aside_too(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"rooms": {"a": {"hints_seen": "lots"}}}))
    loaded, warning = progress.load(path)
    assert warning and loaded.rooms == {}


def test_version_1_file_is_migrated(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"format_version": 1, "current": "double",
                                "rooms": {"double": {"cleared_at": "t", "hints_used": 2}}}))
    loaded, warning = progress.load(path)
    assert warning is None
    assert loaded.format_version == progress.FORMAT_VERSION
    assert loaded.room("double").hints_seen == [0, 1]
    assert loaded.room("double").cleared


def test_newer_file_is_read_with_a_warning(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"format_version": 99, "current": "x", "rooms": {},
                                "future_field": 1}))
    loaded, warning = progress.load(path)
    assert loaded.current == "x" and "newer" in warning
