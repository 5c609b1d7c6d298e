"""Notebook play in a real Jupyter kernel (nbclient + ipykernel): an exported dungeon's cells
save and grade the player's files, progress is the terminal's, nothing stored is ANSI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from arena_dungeon.cli import app
from tests.conftest import FIXTURE_PACK, PLAYERS

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


def _outputs(cell) -> str:
    """Everything a cell showed, as plain text."""
    parts = []
    for out in cell.get("outputs", []):
        parts.append(out.get("text", ""))
        parts.append(out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def _run(nb, ws: Path) -> None:
    nbclient.NotebookClient(nb, timeout=180, kernel_name="python3", allow_errors=False,
                            resources={"metadata": {"path": str(ws)}}).execute()


def test_a_dungeon_played_in_a_notebook(tmp_path, monkeypatch):
    ws = tmp_path / "ws"
    (tmp_path / "home").mkdir()  # the kernel's IPython profile goes under HOME
    monkeypatch.setenv("ARENA_CONTENT", str(FIXTURE_PACK))
    runner = CliRunner()
    assert runner.invoke(app, ["--workspace", str(ws), "play"]).exit_code == 0
    out = ws / "fixture.ipynb"
    assert runner.invoke(app, ["--workspace", str(ws), "export", "9.9", "-o", str(out)]
                         ).exit_code == 0
    monkeypatch.delenv("ARENA_WORKSPACE")  # the notebook names its workspace itself
    nb = nbformat.read(out, as_version=4)
    (room_cell,) = [c for c in nb.cells if c.source.startswith("%%arena check add-one")]
    player_file = next(ws.glob("*/01_add_one.py"))

    # The stub as exported fails, graded outside the kernel.
    nb.cells.append(nbformat.v4.new_code_cell("%arena map\n%arena hint add-one\n"
                                              "%arena no-such-command"))
    _run(nb, ws)
    assert "0/4 cases passed" in _outputs(room_cell)
    assert "not implemented" in _outputs(room_cell)
    tail = _outputs(nb.cells[-1])
    assert "Add one" in tail and "No such command" in tail  # map, and an error (no traceback)

    # An edit made outside the notebook is kept when the cell is saved over it.
    player_file.write_text(player_file.read_text() + "# edited in a terminal\n")
    room_cell.source = "%%arena check add-one\n" + (PLAYERS / "pass.py").read_text()
    _run(nb, ws)
    shown = _outputs(room_cell)
    assert "4/4 cases passed" in shown and "alpha" in shown  # cleared: the tool it grants
    assert any("image/png" in out.get("data", {}) for out in room_cell.outputs)  # a picture
    assert any("text/html" in out.get("data", {}) for out in room_cell.outputs)
    assert player_file.read_text() == (PLAYERS / "pass.py").read_text()
    backups = list((ws / ".arena" / "backups").glob("add-one-*.py"))
    assert [b.read_text().endswith("# edited in a terminal\n") for b in backups] == [True]

    # The terminal sees the notebook's progress; the stored notebook holds no escape codes.
    status = runner.invoke(app, ["--workspace", str(ws), "status"]).output
    assert "1/2 rooms" in status
    assert "\x1b" not in json.dumps(nb) and "\\u001b" not in nbformat.writes(nb)
