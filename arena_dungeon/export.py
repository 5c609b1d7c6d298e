"""A dungeon as a Jupyter/Colab notebook that writes to, and grades, the player's files.

A first cell loads the game's IPython extension (arena_dungeon/notebook.py) and names the
workspace; each open room becomes two cells: its brief (markdown), and its code headed by
`%%arena check <room>`, which saves the cell as the player's file and grades it like the
terminal's `arena check`, recording progress. The notebook is a second editor for the same
files, never a fork of them. Locked rooms appear as a line naming the tools their door needs.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from arena_dungeon.content import Dungeon, Room
from arena_dungeon.grading.report import Picture

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
          out: Path, content: Path | None = None) -> NotebookNode:
    """The notebook (an nbformat v4 node) for `dungeon`, to be saved at `out`; `content` is
    the content pack's folder when it is not the shipped content."""
    import nbformat.v4 as nbf

    here = out.parent
    ws = _rel(workspace, here)
    first = next((item.room.id for item in rooms if item.path is not None), "ROOM")
    cells = [
        nbf.new_markdown_cell(
            f"# {dungeon.id} · {dungeon.title}\n\n{dungeon.intro.strip()}\n\n"
            "**How to play here.** Run the first code cell once. Each room's code cell starts "
            f"with `%%arena check {first}`: running it saves the cell as your file for that "
            "room (the same file `arena play` gives you in a terminal, so the notebook and the "
            "terminal share one workspace and one progress) and grades it in a separate "
            "process, like `arena check`. Add `--run` after the room id to also run the cell "
            "in this notebook, to try your functions out.\n\n"
            "`%arena hint` when stuck, `%arena map`, `%arena inventory`, `%arena solution`: "
            "every `arena` command works after `%arena`."),
        nbf.new_code_cell(
            "# Colab, or a Python without arena-dungeon: install it first (uncomment one line).\n"
            "# %pip install -q \"arena-dungeon @ git+https://github.com/OWNER/arena-dungeon\"\n"
            "# %pip install -q arena_dungeon-0.1.0-py3-none-any.whl  # a wheel you uploaded\n"
            "%load_ext arena_dungeon\n"
            f"%env ARENA_WORKSPACE={ws}\n"
            + (f"%env ARENA_CONTENT={content.resolve()}\n" if content is not None else "")
            + "%arena status"),
    ]
    for item in rooms:
        room = item.room
        head = (f"## {room.number}. {room.title}\n\n"
                f"`{room.id}` · difficulty {_dots(room.difficulty)} · importance "
                f"{_dots(room.importance)} · ~{room.minutes} min")
        if item.path is None:
            cells.append(nbf.new_markdown_cell(
                f"{head}\n\n🔒 The door needs **{', '.join(item.missing)}**. Clear the rooms "
                "that grant them, then export again (or `%arena play` this room)."))
            continue
        grants = f"\n\nClearing it gives you: **{', '.join(room.grants)}**." if room.grants else ""
        cells.append(nbf.new_markdown_cell(f"{head}\n\n{room.brief.strip()}{grants}"))
        source = item.path.read_text(encoding="utf-8").rstrip("\n")
        cells.append(nbf.new_code_cell(f"%%arena check {room.id}\n{source}\n"))
    return _notebook(cells)


@dataclass(frozen=True)
class WalkthroughRoom:
    room: Room
    mine: str  # the player's file
    pictures: tuple[Picture, ...] = ()  # from grading the player's file now


def build_walkthrough(dungeon: Dungeon, rooms: Sequence[WalkthroughRoom],
                      total: int) -> NotebookNode:
    """A notebook to study from: for each cleared room, the player's solution beside the
    reference, the debrief and the pictures the grader drew for the player's code."""
    import nbformat.v4 as nbf

    from arena_dungeon.pictures import png_bytes

    cells = [nbf.new_markdown_cell(
        f"# {dungeon.id} · {dungeon.title}: a walkthrough\n\n"
        f"The {len(rooms)} of {total} rooms you have cleared: your solution, the reference "
        "solution, what the room was about, and the pictures the grader drew for your code. "
        "The code cells are here to read (running them only defines the functions).")]
    for item in rooms:
        room = item.room
        cells.append(nbf.new_markdown_cell(
            f"## {room.number}. {room.title}\n\n`{room.id}` · ~{room.minutes} min"
            + (f" · tools: {', '.join(room.grants)}" if room.grants else "")))
        cells.append(nbf.new_markdown_cell("**Your solution**"))
        cells.append(nbf.new_code_cell(item.mine.rstrip("\n")))
        cells.append(nbf.new_markdown_cell("**The reference solution**"))
        cells.append(nbf.new_code_cell(room.solution.read_text(encoding="utf-8").rstrip("\n")))
        text = [room.debrief.strip()]
        attachments = {}
        for i, pic in enumerate(item.pictures):
            name = f"{room.id}-{i + 1}.png"
            attachments[name] = {"image/png": base64.b64encode(png_bytes(pic)).decode()}
            text.append(f"*{pic.caption or 'picture'}*\n\n![{name}](attachment:{name})")
        cell = nbf.new_markdown_cell("\n\n".join(t for t in text if t))
        if attachments:
            cell["attachments"] = attachments
        cells.append(cell)
    return _notebook(cells)


def _notebook(cells: list[NotebookNode]) -> NotebookNode:
    """An nbformat v4 notebook of `cells` for a Python 3 kernel."""
    import nbformat.v4 as nbf

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
