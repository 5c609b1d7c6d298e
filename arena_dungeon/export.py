"""A dungeon as a Jupyter/Colab notebook that writes to, and grades, the player's files.

Each open room becomes three cells: its brief (markdown); its code, headed by
`%%writefile <the player's file>`, so running the cell saves it into the workspace; and
`arena check <room>`, which grades that file with the same grader as the terminal and
records progress. The notebook is a second editor for the same files, never a fork of
them. Locked rooms appear as a line naming the tools their door needs.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from arena_dungeon.content import Dungeon, Room

if TYPE_CHECKING:  # nbformat is imported only when a notebook is written
    from nbformat import NotebookNode


@dataclass(frozen=True)
class NotebookRoom:
    room: Room
    path: Path | None  # the player's file; None when the door is locked
    missing: tuple[str, ...] = ()  # tools the door needs


def _rel(path: Path, start: Path) -> str:
    """`path` as the notebook (whose working directory is `start`) should spell it."""
    try:
        return path.resolve().relative_to(start.resolve()).as_posix()
    except ValueError:
        return os.path.relpath(path.resolve(), start.resolve())


def _dots(n: int) -> str:
    return "●" * n + "○" * (5 - n)


def build(dungeon: Dungeon, rooms: Sequence[NotebookRoom], workspace: Path,
          out: Path) -> NotebookNode:
    """The notebook (an nbformat v4 node) for `dungeon`, to be saved at `out`."""
    import nbformat.v4 as nbf

    here = out.parent
    ws = _rel(workspace, here)
    folders = sorted({_rel(r.path.parent, here) for r in rooms if r.path is not None})
    cells = [
        nbf.new_markdown_cell(f"# {dungeon.id} · {dungeon.title}\n\n{dungeon.intro.strip()}\n\n"
                              "**How this notebook works.** Each room's code cell starts with "
                              "`%%writefile`: running it saves the cell into your workspace file "
                              "(the same file `arena play` gives you). The cell under it grades "
                              "that file and records your progress. `%run <file>` loads a file "
                              "into the notebook when you want to experiment. "
                              "`arena hint <room>` in a terminal, or `!arena hint <room>` here, "
                              "when stuck."),
        nbf.new_code_cell("import os\nimport sys\n\n"
                          "# %%writefile needs the folders to exist.\n"
                          + "".join(f"os.makedirs({f!r}, exist_ok=True)\n" for f in folders)
                          + "# Colab or another machine: install arena-dungeon in this kernel "
                            "first,\n# e.g. %pip install -e /path/to/arena-dungeon"),
    ]
    check = f"!FORCE_COLOR=1 COLUMNS=100 {{sys.executable}} -m arena_dungeon --workspace {ws} check"
    for item in rooms:
        room = item.room
        head = (f"## {room.number}. {room.title}\n\n"
                f"`{room.id}` · difficulty {_dots(room.difficulty)} · importance "
                f"{_dots(room.importance)} · ~{room.minutes} min")
        if item.path is None:
            cells.append(nbf.new_markdown_cell(
                f"{head}\n\n🔒 The door needs **{', '.join(item.missing)}**. Clear the rooms "
                "that grant them, then export again."))
            continue
        cells.append(nbf.new_markdown_cell(f"{head}\n\n{room.brief.strip()}"))
        source = item.path.read_text(encoding="utf-8").rstrip("\n")
        cells.append(nbf.new_code_cell(f"%%writefile {_rel(item.path, here)}\n{source}\n"))
        cells.append(nbf.new_code_cell(f"{check} {room.id}"))
    notebook = nbf.new_notebook(cells=cells)
    notebook.metadata.update({
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    })
    return notebook


def write(notebook: NotebookNode, out: Path) -> None:
    """Validate and save atomically."""
    import nbformat

    nbformat.validate(notebook)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    nbformat.write(notebook, str(tmp))
    os.replace(tmp, out)
