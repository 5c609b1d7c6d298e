"""Start `arena` (the console script and `python -m arena_dungeon`) with the collector paused.

A command such as `arena hint` lives for a tenth of a second and makes almost no
reference cycles, yet the cyclic garbage collector would run dozens of times while
typer, rich and the content load, and once more over every object as Python exits:
about 20 ms, a quarter of the command. So collection is off from the start, and the
survivors are frozen before exit so the final pass skips them. Long-running commands
(`watch`, `dev check`) switch it back on.

Most commands then run in the launcher, a process that imported all of this already
(arena_dungeon/launcher.py), and only run here when none answers.
"""

from __future__ import annotations

import gc
import sys


def main() -> None:
    gc.disable()
    from arena_dungeon import launcher  # (the standard library's smallest modules only)

    if launcher.wanted(sys.argv[1:]):
        code = launcher.run(sys.argv[1:])  # in an already-started process, when one runs
        if code is not None:
            raise SystemExit(code)
        launcher.start_in_background()  # for the next command
    from arena_dungeon.cli import main as run

    try:
        run()
    finally:
        gc.freeze()


if __name__ == "__main__":
    main()
