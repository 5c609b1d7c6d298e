"""The launcher process: imports the game once, then forks a child per `arena` command.

See arena_dungeon/launcher.py for why, and for the client that talks to it. Started by
the first `arena` command that found none running (`launcher.start_in_background`).
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from arena_dungeon.launcher import CONNECT_LIMIT, IDLE_ENV, IDLE_LIMIT, paths, receive, send, stamp


def serve(started_with: str) -> None:
    """Import the game, then fork a child per command until idle or stale."""
    import fcntl
    import gc
    import socket
    import time

    sock_path, state = paths()
    lock = open(sock_path + ".lock", "a")  # noqa: SIM115 - held for the launcher's life
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return  # another launcher runs, or is starting
    gc.disable()  # as `arena` itself runs (arena_dungeon/__main__.py)
    import arena_dungeon.cli  # noqa: F401 - the point: imported once, here
    import arena_dungeon.grading.daemon  # noqa: F401
    import arena_dungeon.grading.runner  # noqa: F401
    import arena_dungeon.session  # noqa: F401
    from arena_dungeon.ui.console import preload

    preload()
    from arena_dungeon.content import keep_loaded

    keep_loaded()  # the content the commands will play, loaded once (~0.3 s)
    gc.freeze()
    if started_with != stamp():
        return  # the package changed while it imported
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        os.unlink(sock_path)
    except FileNotFoundError:
        pass
    server.bind(sock_path)
    os.chmod(sock_path, 0o600)
    server.listen(16)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the children reap themselves
    signal.signal(signal.SIGTERM, _exit_on_signal)
    info: dict[str, Any] = {"pid": os.getpid(), "started": time.time(), "commands": 0}
    _write_state(state, info)
    server.settimeout(float(os.environ.get(IDLE_ENV, IDLE_LIMIT)))
    try:
        while True:
            try:
                conn, _ = server.accept()
            except TimeoutError:
                return  # idle
            with conn:
                served = _serve_one(conn, server, started_with)
            if served is None:
                return  # stale: the package changed
            info["commands"] += served
            _write_state(state, info)
    finally:
        for path in (sock_path, state):
            try:
                os.unlink(path)
            except OSError:
                pass


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _write_state(state: str, info: dict[str, Any]) -> None:
    import json

    tmp = state + ".tmp"
    with open(tmp, "w") as f:
        json.dump(info, f)
    os.replace(tmp, state)


def _request(value: Any) -> dict[str, Any] | None:
    """The client's request, if it is one: argv, cwd, env (all strings) and umask."""
    if not isinstance(value, dict):
        return None
    argv, cwd, env, umask, argv0, package = (
        value.get(k) for k in ("argv", "cwd", "env", "umask", "argv0", "package"))
    ok = isinstance(argv, list) and all(isinstance(a, str) for a in argv) and \
        isinstance(cwd, str) and isinstance(env, dict) and isinstance(umask, int) and \
        isinstance(argv0, str) and isinstance(package, str) and \
        all(isinstance(k, str) and isinstance(v, str) for k, v in env.items())
    return value if ok else None


def _serve_one(conn: Any, server: Any, started_with: str) -> int | None:
    """Fork a child for one command: 1 if one started, 0 if not, None when the package
    changed since we started (the client runs the command itself; we exit)."""
    import socket

    fds: list[int] = []
    try:
        conn.settimeout(5)
        _, fds, _, _ = socket.recv_fds(conn, 1, 3)
        request = _request(receive(conn))
        if len(fds) != 3 or request is None:
            return 0
        if stamp() != started_with:
            send(conn, {"stale": True})
            return None
        if os.fork() == 0:
            server.close()
            _become(conn, fds, request)  # never returns
        return 1
    except (OSError, ValueError):
        return 0
    finally:
        for fd in fds:
            os.close(fd)


def _become(conn: Any, fds: list[int], request: dict[str, Any]) -> None:
    """In the forked child: become the client's `arena` command, then exit with its code."""
    code = 1
    try:
        for sig in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
            signal.signal(sig, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        import tempfile

        tempfile.tempdir = None  # it reads TMPDIR once, then keeps the launcher's
        os.umask(request["umask"])
        _fresh_standard_streams()
        # The program's name as the client's: typer derives from it the usage line and the
        # completion variable (`_ARENA_COMPLETE`); `python -m arena_dungeon` names itself so.
        sys.argv = [request["argv0"], *request["argv"]]
        sys.modules["__main__"].__package__ = request["package"] or None
        from arena_dungeon.ui.console import reset as reset_consoles

        reset_consoles()  # colours, width and NO_COLOR of the client's terminal
        conn.settimeout(CONNECT_LIMIT * 10)
        send(conn, {"pid": os.getpid()})
        if conn.recv(1) != b"G":  # the client gave up waiting and runs the command itself
            os._exit(0)
        conn.settimeout(None)
        _watch_the_client(conn)
        from arena_dungeon.cli import main

        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            if exc.code is not None and not isinstance(exc.code, int):
                sys.stderr.write(f"{exc.code}\n")
    except BaseException:  # noqa: BLE001 - whatever happens, the client hears an exit code
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        try:
            send(conn, {"exit": code})
        except OSError:
            pass
        os._exit(code)


def _fresh_standard_streams() -> None:
    """sys.stdin/stdout/stderr over the client's descriptors, buffered as Python would
    buffer them for those files (a terminal line by line)."""
    import io

    encoding = sys.stdout.encoding if sys.stdout is not None else "utf-8"

    def stream(fd: int, mode: str, **kwargs: Any) -> io.TextIOWrapper:
        raw = io.FileIO(fd, mode, closefd=False)
        buffered: Any = io.BufferedReader(raw) if mode == "r" else io.BufferedWriter(raw)
        return io.TextIOWrapper(buffered, encoding=encoding, **kwargs)

    sys.stdin = stream(0, "r")
    sys.stdout = stream(1, "w", line_buffering=os.isatty(1))
    sys.stderr = stream(2, "w", errors="backslashreplace", line_buffering=True)


def _watch_the_client(conn: Any) -> None:
    """When the client goes away (killed), hang up on ourselves, as a terminal would."""
    import threading

    def watch() -> None:
        try:
            while conn.recv(64):
                pass
        except OSError:
            pass
        os.kill(os.getpid(), signal.SIGHUP)

    threading.Thread(target=watch, daemon=True).start()


if __name__ == "__main__":
    serve(sys.argv[1])
