"""Shared fixtures: every test runs with its own workspace and never touches the real home."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from arena_dungeon.content import Content, load
from arena_dungeon.dev.cache import ENV, VerdictCache, default_folder

FIXTURE_PACK = Path(__file__).parent / "fixtures" / "pack"
PLAYERS = Path(__file__).parent / "fixtures" / "players"
REPO = Path(__file__).resolve().parent.parent

# The verdict cache for the shipped content's gradings and examples (arena_dungeon/dev/cache.py):
# ARENA_DEV_CACHE when set (0: off), else .arena-dev-cache/ in the checkout (gitignored; empty on
# CI's clean clone, so every grading runs there).
# Chosen here, at import, before each test points HOME at a folder of its own.
DEV_CACHE = VerdictCache(default_folder() if os.environ.get(ENV) else REPO / ".arena-dev-cache")


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ARENA_WORKSPACE", str(tmp_path / "ws"))
    monkeypatch.delenv("ARENA_CONTENT", raising=False)
    monkeypatch.setenv("ARENA_NO_DAEMON", "1")  # tests/test_daemon.py starts its own
    monkeypatch.setenv("COLUMNS", "120")


@pytest.fixture(scope="session")
def warm_worker():
    """One warm grading worker per test process, shared by every test that grades warm with
    a plain worker (starting one imports torch: about a second and a half of CPU)."""
    from arena_dungeon.grading.worker import WarmWorker

    with WarmWorker() as worker:
        yield worker


@pytest.fixture
def warm_checks(warm_worker, monkeypatch: pytest.MonkeyPatch):
    """`arena check` (and `arena review --check`) fork from the test process's warm worker,
    standing in for the workspace's daemon (every check after a session's first is graded
    that way); the cold path of `arena check` runs in test_hostile (a real `arena check`
    process) and test_daemon."""
    monkeypatch.setattr("arena_dungeon.grading.daemon.client", lambda *_a, **_k: warm_worker)
    return warm_worker


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A private copy of the fixture pack, free to break."""
    dest = tmp_path / "pack"
    shutil.copytree(FIXTURE_PACK, dest)
    return dest


@pytest.fixture
def fixture_content() -> Content:
    return load(FIXTURE_PACK)
