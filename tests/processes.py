"""Helpers for the tests that end an `arena check` while it grades."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from arena_dungeon.grading.child import alive

HANG_PID = Path(__file__).parent / "fixtures" / "hostile" / "hang_pid.py"
ARENA = [sys.executable, "-m", "arena_dungeon"]


def hanging_check(env: dict[str, str], pid_file: Path) -> tuple[subprocess.Popen[bytes], int]:
    """`arena check` of add-one with a player file that hangs (`env` names the workspace
    and the fixture pack, and `ARENA_TEST_PIDS=pid_file`): the checking process and the
    grading child's pid, once that child runs the player's code."""
    subprocess.run([*ARENA, "play", "add-one"], env=env, capture_output=True, check=True)
    target = next(Path(env["ARENA_WORKSPACE"]).glob("*/*add_one.py"))
    target.write_text(HANG_PID.read_text())
    proc = subprocess.Popen([*ARENA, "check"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not pid_file.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
    graded = int(pid_file.read_text())
    assert alive(graded)
    return proc, graded


def gone(pid: int, within: float = 5) -> bool:
    """Whether process `pid` ends within `within` seconds."""
    deadline = time.monotonic() + within
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not alive(pid)
