"""Play in Jupyter or Colab: `%load_ext arena_dungeon`, then the `%arena` magics.

- `%arena <command> [args]` runs any `arena` command in the notebook (`%arena play 0.1`,
  `%arena hint`, `%arena map`, `%arena inventory`, ...): the same command as in a terminal,
  drawn inline (rich renders HTML in a notebook, never ANSI escape codes).
- `%%arena check [ROOM]` at the top of a cell saves the cell as your file for the room (the
  file `arena check` grades in a terminal: one workspace, one progress) and grades it in the
  same isolated child process as the terminal: your code never runs in the kernel unless you
  ask (`%%arena check ROOM --run` also runs the cell here afterwards, to experiment with).
  What was in the file before, if this notebook did not write it, goes to the backups.

The workspace is found as in a terminal: `--workspace`, else `ARENA_WORKSPACE`, else the
`arena-workspace` folder this notebook's folder is (or is inside of).
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path
from typing import Any

# The source this kernel last saved to each file: a file that still holds it was not edited
# elsewhere since, so saving the cell again needs no backup.
_last_saved: dict[Path, str] = {}

USAGE = ("usage: %arena COMMAND [ARGS]  (any arena command: play, hint, map, inventory, ...)\n"
         "       %%arena check [ROOM] [--run]  (first line of a cell: save the cell as your "
         "file for ROOM and grade it)")


def load_ipython_extension(ipython: Any) -> None:
    """`%load_ext arena_dungeon` registers `%arena` and `%%arena`."""
    ipython.register_magic_function(arena_magic, "line_cell", "arena")


def arena_magic(line: str, cell: str | None = None) -> None:
    try:
        args = shlex.split(line)
    except ValueError as exc:
        _say(f"error: {exc}\n{USAGE}")
        return
    if cell is None:
        run(args)
        return
    options = [a for a in args if a.startswith("-")]
    words = [a for a in args if not a.startswith("-")]
    if not words or words[0] != "check" or len(words) > 2 or set(options) - {"--run"}:
        _say(f"error: a cell magic takes `check [ROOM] [--run]`, got `%%arena {line}`\n{USAGE}")
        return
    room = words[1] if len(words) == 2 else None
    if save_cell(room, cell):
        run(["check", *([room] if room else [])])
        if "--run" in options:
            _run_in_kernel(cell)


def save_cell(key: str | None, source: str) -> bool:
    """Save the cell as the player's file; False (having said why) when it can't be."""
    from arena_dungeon import ui
    from arena_dungeon.content import CONTENT_ENV, ContentError
    from arena_dungeon.errors import GameError
    from arena_dungeon.session import Session

    source = source if source.endswith("\n") else source + "\n"
    workspace, content = os.environ.get("ARENA_WORKSPACE"), os.environ.get(CONTENT_ENV)
    try:
        session = Session.open(Path(workspace) if workspace else None,
                               Path(content) if content else None)
        saved = session.save_cell(key, source, _last_saved)
    except GameError as exc:
        ui.error(str(exc), exc.hint)
        return False
    except ContentError as exc:
        ui.error(f"broken content: {exc}", "`arena dev check` lists every problem")
        return False
    _last_saved[saved.path] = source
    if saved.backup is not None:
        ui.info(f"[muted]your previous {saved.path.name} (edited outside this notebook) is "
                f"kept in {saved.backup}[/]")
    return True


def run(args: list[str]) -> None:
    """One `arena` command, as typed in a terminal, its output drawn in the notebook."""
    from arena_dungeon.cli import app

    try:  # standalone: typer prints usage errors itself, and every ending is a SystemExit
        app(args, prog_name="arena")
    except SystemExit:
        pass


def _run_in_kernel(cell: str) -> None:
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        shell.run_cell(cell, store_history=False)


def _say(text: str) -> None:
    from arena_dungeon import ui

    ui.console.print(text, markup=False)
