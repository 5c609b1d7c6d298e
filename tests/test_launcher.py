"""The command launcher: `arena` commands forked from a process that imported the game.

Each test gets its own launcher (its socket lives under the test's own TMPDIR) and runs the
real `arena` console entry point as a learner's shell would.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from arena_dungeon import launcher, launcher_server
from tests.processes import ARENA, gone, hanging_check


def _shell(tmp: Path, workspace: Path) -> dict[str, str]:
    """A shell's environment with the launcher allowed, its TMPDIR `tmp`."""
    from tests.conftest import FIXTURE_PACK

    values = {**os.environ, "TMPDIR": str(tmp), "ARENA_CONTENT": str(FIXTURE_PACK),
              "ARENA_WORKSPACE": str(workspace), "ARENA_DAEMON_IDLE": "60", "COLUMNS": "80",
              "ARENA_NO_GRADER": "1"}  # checks grade cold: no grading daemon to outlive us
    values.pop("ARENA_NO_DAEMON", None)
    return values


def _here(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """This process looks for the launcher, and the grading daemon, under `tmp` too."""
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))


def _short_tmp() -> Path:
    """A TMPDIR short enough for a socket's path (at most 107 bytes)."""
    return Path(tempfile.mkdtemp(prefix="arena-launcher-test-", dir="/tmp"))


@pytest.fixture
def env(tmp_path, monkeypatch):
    """A shell's environment private to this test: no launcher runs for it yet."""
    tmp = _short_tmp()
    _here(tmp, monkeypatch)
    yield _shell(tmp, tmp_path / "ws")
    shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="module")
def shared_tmp():
    """One launcher for this module's tests (starting one imports the game: ~0.6 s)."""
    tmp = _short_tmp()
    yield tmp
    with pytest.MonkeyPatch.context() as mp:
        _here(tmp, mp)
        launcher.stop()
    shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def launched(shared_tmp, tmp_path, monkeypatch):
    """A shell's environment with a launcher running (the first command starts it); the
    workspace is this test's own."""
    _here(shared_tmp, monkeypatch)
    values = _shell(shared_tmp, tmp_path / "ws")
    if launcher.status() is None:
        subprocess.run([*ARENA, "status"], env=values, capture_output=True, check=True)
        deadline = time.monotonic() + 60
        while launcher.status() is None and time.monotonic() < deadline:
            time.sleep(0.05)
    assert launcher.status() is not None
    yield values


def _arena(env, *args: str, **kwargs):
    return subprocess.run([*ARENA, *args], env=env, capture_output=True, text=True, **kwargs)


def test_commands_run_in_the_launcher_with_the_same_words_and_exit_codes(launched, tmp_path):
    local = {**launched, "ARENA_NO_DAEMON": "1", "ARENA_WORKSPACE": str(tmp_path / "wl")}
    before = launcher.status()["commands"]
    for args in (["status"], ["map"], ["tool", "nope"], ["play", "add-one"], ["--help"]):
        here, there = _arena(local, *args), _arena(launched, *args)
        assert (there.returncode, there.stdout, there.stderr) == \
            (here.returncode, here.stdout.replace("/wl/", "/ws/"), here.stderr), args
    assert launcher.status()["commands"] == before + 5  # every one ran in the launcher


def test_shell_completion_through_the_launcher(launched):
    """Tab completion runs `arena` at every key press: through the launcher, with the
    program's name (and so the completion variable) of the client."""
    script = str(Path(sys.executable).parent / "arena")
    asked = {**launched, "_ARENA_COMPLETE": "complete_bash", "COMP_WORDS": "arena play ad",
             "COMP_CWORD": "2"}
    before = launcher.status()["commands"]
    done = subprocess.run([script], env=asked, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.split() == ["add-one"], done.stdout
    assert launcher.status()["commands"] == before + 1


def test_a_check_in_the_launcher_grades_and_saves(launched, tmp_path):
    from tests.conftest import FIXTURE_PACK

    _arena(launched, "play", "add-one", check=True)
    player = next((tmp_path / "ws").glob("*/*add_one.py"))
    player.write_text((FIXTURE_PACK / "dungeons/9.9-fixture/01-add-one/solution.py")
                      .read_text())
    checked = _arena(launched, "check")
    assert checked.returncode == 0 and "cleared" in checked.stdout.lower(), checked.stdout
    assert "1/2 rooms" in _arena(launched, "status").stdout


def test_the_terminal_input_reaches_the_command(launched):
    _arena(launched, "play", "add-one", check=True)
    while _arena(launched, "hint").returncode == 0:
        pass  # the solution opens after the last hint, with a question
    asked = _arena(launched, "solution", input="n\n")
    assert "Peek at the reference solution?" in asked.stdout
    assert "Not peeking" in asked.stdout and asked.returncode == 1


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_ending_the_command_ends_its_grading(launched, tmp_path, sig):
    """Ctrl-C reaches the command (exit 130); a killed command's process hangs itself up.
    Either way the grading child goes too."""
    launched = {**launched, "ARENA_TEST_PIDS": str(tmp_path / "pid")}
    proc, graded = hanging_check(launched, tmp_path / "pid")
    proc.send_signal(sig)
    code = proc.wait(timeout=10)
    if sig == signal.SIGINT:
        assert code == 130
    assert gone(graded)


def test_a_launcher_of_an_older_package_serves_nothing(env):
    """Started with another stamp (the package changed while it imported): it exits, and
    commands run in place."""
    subprocess.run([sys.executable, "-m", "arena_dungeon.launcher_server", "older"],
                   env=env, timeout=60, check=True)
    assert launcher.status() is None
    assert launcher.run(["status"]) is None


def test_a_request_after_the_package_changed_is_refused(tmp_path):
    """The launcher compares the package with its start on every request."""
    ours, theirs = socket.socketpair()
    with ours, theirs:
        ours.sendmsg([b"R"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS,
                               b"".join(fd.to_bytes(4, sys.byteorder) for fd in (0, 1, 2)))])
        launcher.send(ours, {"argv": ["status"], "cwd": str(tmp_path), "env": {}, "umask": 18,
                             "argv0": "arena", "package": ""})
        assert launcher_server._serve_one(theirs, None, "older") is None
        assert launcher.receive(ours) == {"stale": True}


@pytest.mark.parametrize("request_", [None, [], {"argv": "status"}, {"argv": ["status"]},
                                      {"argv": [1], "cwd": "/", "env": {}, "umask": 18}])
def test_a_malformed_request_starts_nothing(tmp_path, request_):
    ours, theirs = socket.socketpair()
    with ours, theirs:
        ours.sendmsg([b"R"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS,
                               b"".join(fd.to_bytes(4, sys.byteorder) for fd in (0, 1, 2)))])
        launcher.send(ours, request_)
        assert launcher_server._serve_one(theirs, None, launcher.stamp()) == 0


@pytest.mark.parametrize("argv, wanted", [
    (["check"], True), (["--workspace", "watch", "status"], True), (["watch"], False),
    (["-w", "x", "dev", "check"], False), (["daemon", "stop"], False),
    (["--install-completion"], False), ([], True)])
def test_which_commands_run_in_the_launcher(argv, wanted, monkeypatch):
    monkeypatch.delenv("ARENA_NO_DAEMON", raising=False)
    assert launcher.wanted(argv) is wanted
    monkeypatch.setenv("ARENA_NO_DAEMON", "1")
    assert not launcher.wanted(argv)


def test_pages_keep_to_a_column_in_a_wide_terminal(monkeypatch):
    """200 columns of prose are hard to read: pages keep to MAX_WIDTH unless COLUMNS asks."""
    import importlib

    consoles = importlib.import_module("arena_dungeon.ui.console")
    Console = consoles.Console  # noqa: N806 - rich's, as the ui package imports it

    monkeypatch.delenv("COLUMNS", raising=False)
    assert consoles._fit(Console(width=200)).width == consoles.MAX_WIDTH
    assert consoles._fit(Console(width=60)).width == 60
    monkeypatch.setenv("COLUMNS", "200")
    assert consoles._fit(Console(width=200)).width == 200
