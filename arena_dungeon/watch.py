"""Watch mode: re-grade the current room whenever its file is saved.

Keys while watching: h hint, n next room, m map, q quit (Enter re-runs on terminals
without single-key input). Saves are debounced by watchfiles.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from arena_dungeon import ui
from arena_dungeon.grading.worker import WarmWorker
from arena_dungeon.session import GameError, Session

KEYS = "save to re-grade · h hint · n next room · m map · q quit"


@dataclass(frozen=True)
class Event:
    """What the watch loop waits for: a key pressed, the file saved, or the watcher failing."""

    kind: Literal["key", "save", "watch-error"]
    value: str = ""


Events = queue.Queue[Event]


@contextmanager
def _cbreak() -> Iterator[bool]:
    """Single-key input on a terminal; a no-op elsewhere."""
    if not sys.stdin.isatty():
        yield False
        return
    try:
        import termios
        import tty
    except ImportError:  # Windows
        yield False
        return
    fd = sys.stdin.fileno()
    old = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        yield True
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, old)


def _read_keys(events: Events, stop: threading.Event, single: bool) -> None:
    while not stop.is_set():
        ch = sys.stdin.read(1) if single else sys.stdin.readline()[:1] or "q"
        if not ch:
            events.put(Event("key", "q"))
            return
        events.put(Event("key", ch.lower() if ch.strip() else "\n"))


def _watch_file(path: Path, events: Events, stop: threading.Event) -> None:
    from watchfiles import watch

    try:
        for changes in watch(path.parent, stop_event=stop, debounce=200, step=50,
                             watch_filter=lambda _c, p: Path(p) == path, raise_interrupt=False):
            if changes:
                events.put(Event("save", str(path)))
    except Exception as exc:  # noqa: BLE001 - fall back to manual runs, say so
        events.put(Event("watch-error", str(exc)))


def _grade(session: Session, room_id: str, worker: WarmWorker) -> None:
    try:
        room = session.gradable(room_id)
        with ui.grading_status(room) as update:
            checked = session.check(room_id, on_progress=update, worker=worker)
    except GameError as exc:
        ui.error(str(exc), exc.hint)
        return
    if ui.show_checked(checked):
        ui.info("[muted]Press n for the next room, or keep polishing.[/]")
    _said(session)


def _said(session: Session) -> None:
    """Say (once) what kept progress from being saved."""
    for problem in session.save_problems:
        ui.warn(problem)
    session.save_problems.clear()


def run_watch(session: Session, key: str | None) -> None:
    room = session.gradable(key)  # a locked door is refused before the worker starts
    if key is not None:
        session.play(room.id)
    room_id = room.id
    stop = threading.Event()
    events: Events = queue.Queue()
    with WarmWorker() as worker, _cbreak() as single:
        threading.Thread(target=_read_keys, args=(events, stop, single), daemon=True).start()
        while True:
            path = session.room_path(session.resolve(room_id))
            file_stop = threading.Event()
            threading.Thread(target=_watch_file, args=(path, events, file_stop),
                             daemon=True).start()
            _grade(session, room_id, worker)
            ui.info(f"[muted]watching {path.name} · {KEYS}"
                    f"{'' if single else ' (type a key, then Enter)'}[/]")
            next_id = _loop(session, room_id, events, worker)
            file_stop.set()
            if next_id is None:
                break
            room_id = next_id
    stop.set()


def _confirm_hint(session: Session, room_id: str, events: Events) -> bool:
    """A hint lowers an uncleared room's XP: ask first (y), as `arena hint` is asked for by
    name. Saves that arrive meanwhile are put back, to be graded after."""
    if session.progress.room(room_id).cleared:
        return True
    ui.info("[warn]A hint lowers this room's XP.[/] Show the next one? [y/N] ")
    held = []
    while True:
        event = events.get()
        if event.kind == "key":
            break
        held.append(event)
    for other in held:
        events.put(other)
    if event.value != "y":
        ui.info("[muted]no hint shown[/]")
        return False
    return True


def _loop(session: Session, room_id: str, events: Events,
          worker: WarmWorker) -> str | None:
    """Handle events for one room; returns the next room's id, or None to quit."""
    while True:
        event = events.get()
        if event.kind == "save":
            _grade(session, room_id, worker)
        elif event.kind == "watch-error":
            ui.warn(f"can't watch files here ({event.value}); press Enter to re-grade, or run "
                    "`arena check` yourself")
        elif event.kind == "key":
            key = event.value
            if key == "q":
                return None
            if key == "\n":
                _grade(session, room_id, worker)
            elif key == "h":
                if _confirm_hint(session, room_id, events):
                    try:
                        ui.show_hint(session.hint(room_id))
                    except GameError as exc:
                        ui.error(str(exc), exc.hint)
                    _said(session)
            elif key == "m":  # the dungeon you are in (`arena map` has them all)
                ui.show_map(session.map_view(session.resolve(room_id).dungeon_id))
            elif key == "n":
                nxt = session.next_room(room_id)
                if nxt is None:
                    ui.info("No other open room: clear this one to open more doors.")
                    continue
                ui.show_entered(session.play(nxt.id))
                _said(session)
                return nxt.id
        ui.info(f"[muted]{KEYS}[/]")


