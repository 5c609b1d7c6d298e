"""Run `arena` commands in a fork of a process that has already imported the game.

Every `arena` command starts Python and imports typer, rich and the game: about 0.15 s
before it does anything, more than the warm grading of a room (watch mode's 0.1 s), so a
warm `arena check` from the shell could not be as quick as watch mode. Like nailgun, or
the Gradle daemon's thin client, the launcher keeps one process that has imported it all.
The `arena` command sends it its arguments, folder, environment and umask, and hands it
its standard input, output and error (the descriptors themselves, over a Unix socket);
the launcher forks a child that becomes that `arena` command, terminal and all, and
reports its exit code back. The command's own work is unchanged: the child opens the
session, grades through the workspace's grading daemon or cold, and saves as any
`arena` process does.

The client side (`run`) imports nothing but the standard library's smallest modules and
gives up at the first fault, returning None: the caller then runs the command itself,
as before, and starts a launcher for next time. The launcher serves only its own user
(its socket is in a folder only they can enter) and one install (the socket's name comes
from the interpreter and the package's folder), refuses to serve once a file of the
package changed (it exits; the command runs in place), and exits after `IDLE_LIMIT`
seconds without a command. Signals the command receives (Ctrl-C, hang-up, terminate)
are passed on to the child; if the command is killed outright, the child notices the
closed socket and hangs itself up (SIGHUP), which ends a grading in progress as a
killed `arena check` does.

Not through the launcher: `watch` (a long interactive session with a raw terminal),
`dev` (the author's tools), `daemon` (it manages these processes) and shell completion
installs (they look at the parent process to find the shell). `ARENA_NO_LAUNCHER=1` turns
the launcher off; `ARENA_NO_DAEMON=1` turns it off and the grading daemon too.

This module is the client and the protocol; the launcher process is
`arena_dungeon/launcher_server.py`.
"""

from __future__ import annotations

import _signal  # type: ignore[import-not-found]  # (signal, socket, json: ~25 ms of imports)
import _socket
import marshal
import os
import sys
import zlib

TYPE_CHECKING = False  # (typing itself costs ~10 ms of the client's start)
if TYPE_CHECKING:
    from typing import Any

IDLE_LIMIT = 15 * 60.0  # seconds without a command before the launcher exits
CONNECT_LIMIT = 0.5  # seconds to reach the launcher and hear that the command started
DISABLE_ENV = "ARENA_NO_DAEMON"  # set: no launcher and no grading daemon
ONLY_ENV = "ARENA_NO_LAUNCHER"  # set: no launcher (the grading daemon still runs)
IDLE_ENV = "ARENA_DAEMON_IDLE"
_LOCAL = {"watch", "dev", "daemon"}  # commands that always run in place
_VALUED = {"--workspace", "-w", "--content"}  # options that take a value
_FORWARDED = (_signal.SIGINT, _signal.SIGTERM, _signal.SIGHUP, _signal.SIGQUIT)
_PACKAGE = os.path.dirname(os.path.abspath(__file__))
_MAX_MESSAGE = 1 << 20


def private_folder() -> str:
    """The user's private folder for sockets, the launcher's and the grading daemons' (in
    TMPDIR unless that is too long for a socket's path, at most 107 bytes)."""
    base = os.environ.get("TMPDIR") or "/tmp"
    if len(base) > 50:
        base = "/tmp"
    folder = os.path.join(base, f"arena-daemons-{os.getuid()}")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    st = os.stat(folder)
    if st.st_uid != os.getuid() or st.st_mode & 0o077:
        raise OSError("someone else's folder: never talk to a socket they control")
    return folder


def stamp() -> str:
    """What a launcher (or a grading daemon) must have started with to serve: this
    interpreter and every file of this package as it is now (its size and mtime)."""
    import hashlib

    parts = [os.path.realpath(sys.executable), sys.version]
    for folder, dirs, files in os.walk(_PACKAGE):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            if name.endswith((".py", ".ini")):
                st = os.stat(os.path.join(folder, name))
                parts.append(f"{folder}/{name}|{st.st_size}|{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(parts)).encode()).hexdigest()[:24]


def paths() -> tuple[str, str]:
    """The launcher's socket and state file for this interpreter and package."""
    install = f"{os.path.realpath(sys.executable)}\0{_PACKAGE}".encode()
    name = f"launcher-{zlib.crc32(install):08x}{zlib.adler32(install):08x}"
    home = private_folder()
    return os.path.join(home, f"{name}.sock"), os.path.join(home, f"{name}.json")


def _command(argv: list[str]) -> str | None:
    """The subcommand's name in `argv` (after the main options), if any."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _VALUED:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def wanted(argv: list[str]) -> bool:
    """Whether this command may run in the launcher at all."""
    return hasattr(os, "fork") and hasattr(_socket, "AF_UNIX") and \
        not os.environ.get(DISABLE_ENV) and not os.environ.get(ONLY_ENV) and \
        _command(argv) not in _LOCAL and \
        not any(a.startswith(("--install-completion", "--show-completion")) for a in argv)


def send(conn: Any, value: Any) -> None:
    """One message: its length, then the value in marshal's format (plain data only)."""
    data = marshal.dumps(value)
    conn.sendall(len(data).to_bytes(4, "big") + data)


def receive(conn: Any) -> Any:
    """The next message, or None when the other side closed; plain data, checked by the
    caller (marshal never runs code)."""
    head = _exactly(conn, 4)
    size = int.from_bytes(head, "big") if head else 0
    if not head or size > _MAX_MESSAGE:
        return None
    data = _exactly(conn, size)
    try:
        return marshal.loads(data) if data is not None else None
    except (ValueError, EOFError, TypeError):
        return None


def _exactly(conn: Any, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = conn.recv(min(left, 65536))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


# ------------------------------------------------------------------ the client side


def run(argv: list[str]) -> int | None:
    """Run `arena argv` in the launcher: its exit code, or None when it could not start
    there (no launcher, a stale one, any fault), so the caller runs it in place."""
    conn = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock_path, _ = paths()
        conn.settimeout(CONNECT_LIMIT)
        conn.connect(sock_path)
        fds = b"".join(fd.to_bytes(4, sys.byteorder) for fd in (0, 1, 2))
        conn.sendmsg([b"R"], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, fds)])
        main = sys.modules["__main__"]
        send(conn, {"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ),
                     "umask": _umask(), "argv0": sys.argv[0],
                     "package": getattr(main, "__package__", None) or ""})
        started = receive(conn)
        pid = started.get("pid") if isinstance(started, dict) else None
        if not isinstance(pid, int):
            raise ValueError(started)
        conn.sendall(b"G")  # go: from here on the command runs there, never here too
    except Exception:  # noqa: BLE001 - any fault before the go: the command runs in place
        conn.close()  # (a child still waiting for its go hears this and exits)
        return None
    return _wait(conn, pid)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _wait(conn: Any, pid: int) -> int:
    """Pass signals on to the command's process and wait for its exit code."""
    last: list[int] = []

    def forward(signum: int, frame: object) -> None:
        last.append(signum)
        try:
            os.kill(pid, signum)
        except OSError:
            pass

    for sig in _FORWARDED:
        _signal.signal(sig, forward)
    conn.settimeout(None)
    try:
        done = receive(conn)
    except OSError:
        done = None
    code = done.get("exit") if isinstance(done, dict) else None
    if isinstance(code, int):
        return code
    if last:  # it ended on the signal it was sent, as a process of its own would
        return 128 + last[-1]
    sys.stderr.write("arena: the command's process ended without a word (killed?); "
                     "run it again, or set ARENA_NO_DAEMON=1 to run commands in place\n")
    return 1


def start_in_background() -> None:
    """Start a launcher for next time, unless one is starting or running; returns at once."""
    import subprocess

    try:
        sock_path, _ = paths()
        if os.path.exists(sock_path) and _answers(sock_path):
            return
        subprocess.Popen([sys.executable, "-m", "arena_dungeon.launcher_server", stamp()],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, cwd=private_folder(), start_new_session=True,
                         close_fds=True, env={**os.environ, "PYTHONSAFEPATH": "1"})
    except OSError:
        pass


def _answers(sock_path: str) -> bool:
    probe = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        probe.settimeout(CONNECT_LIMIT)
        probe.connect(sock_path)
        return True
    except OSError:
        return False
    finally:
        probe.close()


def status() -> dict[str, Any] | None:
    """The running launcher's state (pid, started, commands), or None."""
    import json

    try:
        sock_path, state = paths()
        with open(state) as f:
            info = json.load(f)
        os.kill(int(info["pid"]), 0)
    except (OSError, ValueError, TypeError, KeyError):
        return None
    return info if isinstance(info, dict) and os.path.exists(sock_path) else None


def stop() -> bool:
    """End the launcher; True if one was running."""
    info = status()
    if info is None:
        return False
    try:
        os.kill(int(info["pid"]), _signal.SIGTERM)
    except (OSError, ValueError, TypeError):
        return False
    return True
