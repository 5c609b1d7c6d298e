"""`python -m arena_dungeon.dev FOLDER...`: check room or dungeon folders on their own."""

from __future__ import annotations

import sys
from pathlib import Path

from arena_dungeon.content import ContentError, load_dungeon, load_room
from arena_dungeon.dev import check_rooms
from arena_dungeon.dev.cache import VerdictCache, default_folder


def main(argv: list[str]) -> int:
    bad = 0
    rooms = []
    for arg in argv:
        folder = Path(arg)
        try:
            if (folder / "dungeon.yaml").is_file():
                rooms.extend(load_dungeon(folder)[1])
            elif (folder / "room.yaml").is_file() or not folder.is_dir():
                rooms.append(load_room(folder))
            else:  # e.g. assets/ or given/ caught by a glob such as dungeons/0.4-backprop/*/
                print(f"skip {arg}: not a room or dungeon folder")
        except ContentError as exc:
            print(f"FAIL {arg}: {exc}")
            bad += 1
    for check in check_rooms(rooms, cache=VerdictCache(default_folder()), cold=True):
        room = check.room
        status = "ok  " if check.ok else "FAIL"
        print(f"{status} {room.id}: stub {check.stub.summary() if check.stub else '-'}; "
              f"solution {check.solution.summary() if check.solution else '-'}")
        for problem in check.problems:
            print(f"     - {problem}")
        bad += not check.ok
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
