"""docs/AUTHORING.md stands on its own: no file outside the repository, no stale example path."""

from __future__ import annotations

import re

from tests.conftest import REPO

GUIDE = (REPO / "docs" / "AUTHORING.md").read_text(encoding="utf-8")


def test_points_at_nothing_outside_the_repository():
    assert "../" not in GUIDE


def test_example_paths_exist():
    paths = set(re.findall(r"dungeons/\d+\.\d+-[a-z0-9-]+(?:/\d\d-[a-z0-9-]+)?", GUIDE))
    assert paths, "the guide names no example room"
    missing = sorted(p for p in paths if not (REPO / p).is_dir())
    assert not missing, f"AUTHORING.md names folders that do not exist: {missing}"
