"""The wheel carries the content, and a non-editable install finds it; lint stays clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps",
                    "--no-build-isolation", "-q", "-w", str(out)], check=True)
    return next(out.glob("arena_dungeon-*.whl"))


def test_wheel_ships_content_and_grading_config(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "arena_dungeon/grading/pytest.ini" in names
    assert "arena_dungeon/dungeons/0.0-prerequisites/dungeon.yaml" in names
    assert "arena_dungeon/dungeons/0.0-prerequisites/01-rearrange-1/test_room.py" in names
    assert any(n.startswith("arena_dungeon/techniques/") and n.endswith(".yaml") for n in names)
    assert not any(n.startswith("tests/") for n in names)


def test_installed_wheel_loads_its_own_content(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = ("from arena_dungeon.content import content_root, load; c = load(); "
            "print(content_root()); print(len(c.rooms))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, check=True, text=True,
                         capture_output=True, env={"PYTHONPATH": str(site), "PATH": "/usr/bin"})
    root, n_rooms = out.stdout.split()
    assert Path(root) == (site / "arena_dungeon").resolve()
    assert int(n_rooms) > 0


@pytest.mark.skipif(shutil.which("ruff") is None and not (Path(sys.executable).parent / "ruff")
                    .exists(), reason="ruff is in the dev extra")
def test_ruff_is_clean():
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    result = subprocess.run([ruff, "check", "."], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
