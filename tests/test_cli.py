"""The CLI through typer's CliRunner, as a player would use it, on the fixture pack."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from arena_dungeon.cli import app

PLAYERS = Path(__file__).parent / "fixtures" / "players"
runner = CliRunner()


@pytest.fixture
def arena(tmp_path, monkeypatch, warm_checks):
    from tests.conftest import FIXTURE_PACK

    monkeypatch.setenv("ARENA_CONTENT", str(FIXTURE_PACK))
    ws = tmp_path / "ws"

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    run.ws = ws  # type: ignore[attr-defined]
    return run


def _player_file(ws: Path, name: str) -> Path:
    return ws / "9.9-fixture" / name


def test_help_lists_every_command(arena):
    out = arena("--help").output
    for cmd in ("play", "check", "watch", "hint", "solution", "reset", "map", "inventory",
                "tool", "status", "dev"):
        assert cmd in out


def test_first_session_end_to_end(arena):
    played = arena("play", "9.9")
    assert played.exit_code == 0
    path = _player_file(arena.ws, "01_add_one.py")
    assert path.exists() and str(path) in played.output.replace("\n", "")
    failing = arena("check")
    assert failing.exit_code == 1
    assert "0/4 cases passed" in failing.output
    assert "not implemented" in failing.output
    for n in (1, 2, 3):
        shown = arena("hint")
        assert shown.exit_code == 0 and f"hint {n}/3" in shown.output
    assert arena("hint").exit_code == 1  # ladder exhausted
    path.write_text((PLAYERS / "pass.py").read_text())
    cleared = arena("check")
    assert cleared.exit_code == 0, cleared.output
    assert "4/4 cases passed" in cleared.output
    assert "New tool: alpha" in cleared.output
    assert "A door opens: Double it" in cleared.output
    assert "arena play double" in cleared.output
    inv = arena("inventory")
    assert "alpha" in inv.output and "found in 9.9 · Double it" in inv.output
    assert "1/2 rooms" in arena("status").output
    assert arena("play").exit_code == 0  # continue where we left off
    nxt = arena("play", "double")
    assert nxt.exit_code == 0 and "02_double.py" in nxt.output.replace("\n", "")


def test_locked_door_says_which_tool_and_where(arena):
    result = arena("play", "double")
    assert result.exit_code == 1
    assert "locked" in result.output and "alpha" in result.output
    assert "Add one" in result.output


def test_map_shows_cleared_open_locked(arena):
    arena("play")
    out = arena("map").output
    assert "Add one" in out and "needs alpha" in out and "0/2 cleared" in out


def test_solution_is_gated_then_costs_xp(arena):
    arena("play")
    gated = arena("solution")
    assert gated.exit_code == 1 and "after you clear the room" in gated.output
    for _ in range(3):
        arena("hint")
    declined = arena("solution", input="n\n")
    assert declined.exit_code == 1
    peek = arena("solution", input="y\n")
    assert peek.exit_code == 0 and "return x + 1" in peek.output
    _player_file(arena.ws, "01_add_one.py").write_text((PLAYERS / "pass.py").read_text())
    cleared = arena("check")
    assert "+0 XP (you peeked at the solution)" in cleared.output
    saved = json.loads((arena.ws / ".arena" / "progress.json").read_text())
    assert saved["rooms"]["add-one"]["peeked"] is True


def test_reset_keeps_a_backup(arena):
    arena("play")
    path = _player_file(arena.ws, "01_add_one.py")
    path.write_text("# my precious attempt\n")
    assert arena("reset", input="n\n").exit_code == 1
    assert path.read_text() == "# my precious attempt\n"
    done = arena("reset", "--yes")
    assert done.exit_code == 0
    assert "NotImplementedError" in path.read_text()
    backups = list((arena.ws / ".arena" / "backups").glob("add-one-*.py"))
    assert [b.read_text() for b in backups] == ["# my precious attempt\n"]


def test_tool_page_fuzzy_and_locked(arena):
    locked = arena("tool", "alhpa")
    assert locked.exit_code == 0 and "not found yet" in locked.output
    assert "Add one" in locked.output
    unknown = arena("tool", "zzzzzz")
    assert unknown.exit_code == 1 and "no tool" in unknown.output


def test_check_without_a_room_is_a_message_not_a_traceback(arena):
    result = arena("check")
    assert result.exit_code == 1
    assert "not in a room yet" in result.output and "Traceback" not in result.output


def test_broken_content_is_one_clear_error(arena, pack, monkeypatch):
    (pack / "dungeons/9.9-fixture/01-add-one/room.yaml").write_text("id: add-one\n")
    monkeypatch.setenv("ARENA_CONTENT", str(pack))
    result = arena("map")
    assert result.exit_code == 2
    assert "room.yaml" in result.output and "missing required field" in result.output
    assert "Traceback" not in result.output


def test_corrupt_progress_is_reported_and_the_game_goes_on(arena):
    arena("play")
    progress = arena.ws / ".arena" / "progress.json"
    progress.write_text("{{{")
    result = arena("status")
    assert result.exit_code == 0
    assert "could not be read" in result.output
    assert list(progress.parent.glob("progress.json.broken-*"))


def test_dev_check_passes_on_the_fixture_pack(arena, monkeypatch):
    from tests.conftest import DEV_CACHE

    # The suite's verdict cache (empty on CI's clean clone, where every grading runs).
    monkeypatch.setenv("ARENA_DEV_CACHE", str(DEV_CACHE.folder or 0))
    result = arena("dev", "check", "-j", "1")
    assert result.exit_code == 0, result.output
    assert "2/2 rooms ok" in result.output


def test_non_grading_commands_never_import_heavy_modules(tmp_path):
    from tests.conftest import FIXTURE_PACK

    code = (
        "import sys\n"
        "from arena_dungeon.cli import app\n"
        "for args in (['status'], ['map'], ['inventory'], ['tool', 'alpha'], ['hint'],"
        " ['codex']):\n"
        "    try:\n"
        "        app(args, standalone_mode=False)\n"
        "    except Exception:\n"
        "        pass\n"
        "heavy = [m for m in ('torch', 'numpy', 'einops', 'jaxtyping', 'pytest')"
        " if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    env = dict(os.environ, ARENA_CONTENT=str(FIXTURE_PACK), ARENA_WORKSPACE=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         check=True).stdout
    assert "HEAVY []" in out


def test_shell_completion_offers_rooms_and_tools(arena):
    def complete(words: str) -> str:
        return runner.invoke(app, [], prog_name="arena", env={
            "_ARENA_COMPLETE": "complete_bash", "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - 1)}).output

    assert "add-one" in complete("arena play ad")
    assert "alpha" in complete("arena tool al")


def test_play_after_a_clear_walks_on_to_the_next_room(arena):
    arena("play")
    _player_file(arena.ws, "01_add_one.py").write_text((PLAYERS / "pass.py").read_text())
    assert arena("check").exit_code == 0
    nxt = arena("play")
    assert nxt.exit_code == 0 and "Double it" in nxt.output


def test_entry_point_runs_a_command_as_a_real_process(tmp_path):
    """`python -m arena_dungeon` is what the `arena` script calls (collector paused)."""
    from tests.conftest import FIXTURE_PACK

    env = dict(os.environ, ARENA_CONTENT=str(FIXTURE_PACK), ARENA_WORKSPACE=str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "arena_dungeon", "status"],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "no room yet (arena play 9.9)" in done.stdout


def test_long_running_commands_collect_garbage_again(monkeypatch, arena):
    import gc

    import arena_dungeon.watch

    seen = []
    monkeypatch.setattr(arena_dungeon.watch, "run_watch",
                        lambda session, room: seen.append(gc.isenabled()))
    gc.disable()
    try:
        assert arena("watch").exit_code == 0
    finally:
        gc.enable()
    assert seen == [True]


def test_bytecode_warm_leaves_a_fresh_pyc_for_every_module(tmp_path, monkeypatch):
    import importlib.util
    import shutil

    import arena_dungeon
    from arena_dungeon import bytecode

    package = tmp_path / "arena_dungeon"
    shutil.copytree(Path(arena_dungeon.__file__).parent, package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(bytecode, "__file__", str(package / "bytecode.py"))
    assert bytecode.warm()
    for source in package.rglob("*.py"):
        assert Path(importlib.util.cache_from_source(str(source))).is_file(), source


def test_export_notebook_cells_hold_the_players_files_under_the_check_magic(arena):
    """The notebook's shape (tests/test_notebook.py runs one in a real kernel)."""
    import nbformat

    assert arena("export", "9.9", "--notebook").exit_code == 0
    path = arena.ws / "9.9-fixture.ipynb"
    notebook = nbformat.read(str(path), as_version=4)
    nbformat.validate(notebook)
    sources = [c.source for c in notebook.cells]
    setup = next(s for s in sources if "%load_ext arena_dungeon" in s)
    assert "%env ARENA_WORKSPACE=." in setup  # the notebook sits in the workspace
    room = next(s for s in sources if s.startswith("%%arena check add-one\n"))
    target = _player_file(arena.ws, "01_add_one.py")
    assert room.split("\n", 1)[1] == target.read_text()  # the stub, as written
    assert not any(s.startswith("%%arena check double") for s in sources)  # locked: no cell
    assert any("🔒" in s and "alpha" in s for s in sources)

    # Exporting again keeps the old notebook (the player may have added cells).
    target.write_text((PLAYERS / "pass.py").read_text())
    assert arena("check", "add-one").exit_code == 0
    assert arena("export", "9.9").exit_code == 0
    assert list((arena.ws / ".arena" / "backups").glob("9.9-fixture-*.ipynb"))
    again = nbformat.read(str(path), as_version=4)
    assert any(c.source.startswith("%%arena check double\n") for c in again.cells)  # open now


def test_export_names_the_dungeons_when_the_id_is_wrong(arena):
    result = arena("export", "7.7")
    assert result.exit_code == 1
    assert "9.9" in result.output


DOUBLE_SOLUTION = Path(__file__).parent / "fixtures/pack/dungeons/9.9-fixture/02-double/solution.py"


def _progress(ws: Path) -> dict:
    return json.loads((ws / ".arena" / "progress.json").read_text())


def test_check_refuses_a_locked_room_before_grading(arena):
    """Issue 13: a right answer in a locked room clears nothing; the message names the tool
    the door needs and the room that grants it."""
    arena("play")
    answer = _player_file(arena.ws, "02_double.py")
    answer.write_text(DOUBLE_SOLUTION.read_text())
    refused = arena("check", "double")
    assert refused.exit_code == 1
    assert "locked" in refused.output and "alpha" in refused.output
    assert "Add one (add-one)" in refused.output  # where the tool is found
    assert "cases passed" not in refused.output and "cleared" not in refused.output.lower()
    rooms = _progress(arena.ws)["rooms"]
    assert "double" not in rooms or not rooms["double"].get("cleared_at")
    assert "New tool" not in arena("check", "double").output
    # Once the door opens, the same file clears the room.
    _player_file(arena.ws, "01_add_one.py").write_text((PLAYERS / "pass.py").read_text())
    assert arena("check", "add-one").exit_code == 0
    assert arena("check", "double").exit_code == 0


def test_a_locked_room_writes_no_stub_and_counts_no_attempt(tmp_path):
    from arena_dungeon.session import GameError, Session
    from tests.conftest import FIXTURE_PACK

    session = Session.open(tmp_path / "ws", FIXTURE_PACK)
    with pytest.raises(GameError, match="locked") as refused:
        session.check("double")
    assert "add-one" in refused.value.hint
    assert not _player_file(tmp_path / "ws", "02_double.py").exists()
    assert session.progress.room("double").attempts == 0


def test_watch_refuses_a_locked_room_before_starting_a_worker(arena, monkeypatch):
    import arena_dungeon.watch

    def no_worker() -> None:
        raise AssertionError("a worker was started for a locked room")

    monkeypatch.setattr(arena_dungeon.watch, "WarmWorker", no_worker)
    arena("play")
    refused = arena("watch", "double")
    assert refused.exit_code == 1 and "locked" in refused.output and "alpha" in refused.output
    # A save whose current room is locked (content changed, or edited by hand): same.
    saved = _progress(arena.ws)
    saved["current"] = "double"
    (arena.ws / ".arena" / "progress.json").write_text(json.dumps(saved))
    refused = arena("watch")
    assert refused.exit_code == 1 and "locked" in refused.output


@pytest.fixture
def scripted_watch(monkeypatch):
    """Watch mode with keys from the test's input: no warm worker, no file watcher."""
    import arena_dungeon.watch
    from arena_dungeon.grading.runner import grade as real_grade

    class FakeWorker:
        def __enter__(self) -> FakeWorker:
            return self

        def __exit__(self, *exc: object) -> None:
            pass

    monkeypatch.setattr(arena_dungeon.watch, "WarmWorker", FakeWorker)
    monkeypatch.setattr("arena_dungeon.grading.runner.grade",
                        lambda room, path, on_progress=None, worker=None:
                        real_grade(room, path, on_progress=on_progress))
    monkeypatch.setattr(arena_dungeon.watch, "_watch_file", lambda *args: None)


def test_watch_grades_shows_hints_and_walks_on(arena, scripted_watch):
    """The watch loop through its keys, with a fake worker and scripted input."""
    arena("play")
    _player_file(arena.ws, "01_add_one.py").write_text((PLAYERS / "pass.py").read_text())
    out = arena("watch", input="h\nm\nn\nq\n").output
    assert "4/4 cases passed" in out and "Room cleared!" in out  # graded on start
    assert "hint 1/3 · Add one" in out  # h
    assert "1/2 cleared" in out  # m: the map
    assert "room 2/2 · Double it" in out and "02_double.py" in out  # n: the next room ...
    assert "0/4 cases passed" in out  # ... graded at once
    assert _progress(arena.ws)["current"] == "double"


def test_a_progress_file_that_cannot_be_saved_is_said_after_the_output(arena, monkeypatch):
    import errno

    from arena_dungeon import progress

    arena("play")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(progress.os, "replace", full)
    shown = arena("hint")
    assert shown.exit_code == 0 and "hint 1/3" in shown.output  # the result stands
    assert "could not be saved" in shown.output and "disk is full" in shown.output
    assert shown.output.index("hint 1/3") < shown.output.index("could not be saved")


def test_map_of_an_unknown_dungeon_names_the_dungeons(arena):
    result = arena("map", "7.7")
    assert result.exit_code == 1 and "no dungeon `7.7`" in result.output
    assert "9.9" in result.output
    only = arena("map", "9.9")
    assert only.exit_code == 0 and "Add one" in only.output


def test_check_shows_what_the_players_code_printed(arena):
    arena("play", "9.9")
    _player_file(arena.ws, "01_add_one.py").write_text((PLAYERS / "prints.py").read_text())
    out = arena("check").output
    assert "what your code printed in this case" in out
    assert "debug: x has shape ()" in out


def test_pictures_stay_readable_without_colour(monkeypatch, capsys):
    """NO_COLOR in a real terminal: a character ramp, not half-blocks that lose their colours."""
    import importlib

    from arena_dungeon.grading.report import Picture
    from arena_dungeon.ui.pictures import show_picture

    term = importlib.import_module("arena_dungeon.ui.console").console
    monkeypatch.setattr(type(term), "color_system", property(lambda self: "truecolor"))
    monkeypatch.setattr(term, "no_color", True)
    monkeypatch.setenv("TERM", "xterm-256color")
    show_picture(Picture("ramp", [[0.0, 0.5, 1.0], [0.0, 0.5, 1.0]], 1))
    out = capsys.readouterr().out
    assert "▀" not in out and "@" in out and " " in out
    monkeypatch.setattr(term, "no_color", False)
    show_picture(Picture("ramp", [[0.0, 0.5, 1.0], [0.0, 0.5, 1.0]], 1))
    assert "▀" in capsys.readouterr().out


def _columns(monkeypatch, n: int) -> None:
    """The terminal's width for what the next command prints (the console reads COLUMNS once)."""
    import importlib

    monkeypatch.setattr(importlib.import_module("arena_dungeon.ui.console").console, "width", n)


def test_map_never_cuts_a_lock_reason_at_80_columns(tmp_path, monkeypatch):
    """Reasons that don't fit beside the room go on their own line, wrapped between words."""
    _columns(monkeypatch, 80)
    monkeypatch.setenv("ARENA_WORKSPACE", str(tmp_path / "ws"))
    out = runner.invoke(app, ["map"]).output
    assert "needs" in out and "…" not in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_verdicts_stack_in_a_narrow_terminal(arena, monkeypatch):
    """At 80 columns each reason gets its own lines, wrapped between words; wide stays a table."""
    arena("play", "9.9")
    _player_file(arena.ws, "01_add_one.py").write_text((PLAYERS / "wrong_values.py").read_text())
    _columns(monkeypatch, 80)
    out = arena("check").output
    assert "\n    add_one(arange(4)): 4 of 4 values differ" in out
    assert max(len(line) for line in out.splitlines()) <= 80
    _columns(monkeypatch, 200)
    assert "case" in arena("check").output.splitlines()[1]  # the table's header


def test_walkthrough_shows_cleared_rooms_beside_the_reference(arena):
    import nbformat

    arena("play")
    assert arena("export", "9.9", "--walkthrough").exit_code == 1  # nothing cleared yet
    _player_file(arena.ws, "01_add_one.py").write_text((PLAYERS / "pass.py").read_text())
    assert arena("check", "add-one").exit_code == 0
    result = arena("export", "9.9", "--walkthrough")
    assert result.exit_code == 0, result.output
    notebook = nbformat.read(str(arena.ws / "9.9-fixture-walkthrough.ipynb"), as_version=4)
    nbformat.validate(notebook)
    sources = [c.source for c in notebook.cells]
    assert (PLAYERS / "pass.py").read_text().rstrip("\n") in sources  # the player's
    assert not any("Double it" in s for s in sources)  # only cleared rooms
    pictures = [c for c in notebook.cells if c.get("attachments")]
    assert pictures and "a gradient" in pictures[0].source  # the grader's picture, as a PNG
    png = next(iter(pictures[0]["attachments"].values()))["image/png"]
    assert png.startswith("iVBORw0KGgo")  # base64 of the PNG signature


def test_codex_keeps_unfound_tool_names_to_itself(arena):
    """Issue 14.6: like the inventory, the codex says where a tool is, not its name."""
    arena("play")
    before = arena("codex").output
    assert "alpha" not in before and "???" in before and "9.9" in before
    _player_file(arena.ws, "01_add_one.py").write_text((PLAYERS / "pass.py").read_text())
    assert arena("check", "add-one").exit_code == 0
    assert "alpha" in arena("codex").output


def test_unknown_ids_get_a_did_you_mean(arena):
    """Issue 14.6: a mistyped room or dungeon id names what it may have meant."""
    wrong_dungeon = arena("play", "9.8")
    assert wrong_dungeon.exit_code == 1 and "no dungeon `9.8`" in wrong_dungeon.output
    assert "9.9" in wrong_dungeon.output
    typo = arena("play", "add_onee")
    assert typo.exit_code == 1 and "did you mean `add-one`?" in typo.output


def test_save_without_a_picture_says_so(arena, tmp_path):
    arena("play")
    result = arena("check", "add-one", "--save", str(tmp_path / "pic.png"))  # the stub
    assert "drew no picture" in result.output and not (tmp_path / "pic.png").exists()


def test_watch_asks_before_a_hint_costs_xp(arena, scripted_watch):
    """Issue 14.6: `h` in watch mode asks first while the room is not cleared."""
    arena("play")  # the stub: not cleared
    out = arena("watch", input="h\nx\nh\ny\nq\n").output
    assert out.count("lowers this room's XP") == 2
    assert "no hint shown" in out and out.count("hint 1/3") == 1
    assert _progress(arena.ws)["rooms"]["add-one"]["hints_seen"] == [0]


def test_inventory_shows_how_well_each_tool_is_mastered(arena):
    arena("play")
    _player_file(arena.ws, "01_add_one.py").write_text((PLAYERS / "pass.py").read_text())
    assert arena("check", "add-one").exit_code == 0
    out = arena("inventory").output
    assert "alpha" in out and "▰▰▰▰▰ solid" in out
    assert _progress(arena.ws)["rooms"]["add-one"]["attempts_at_clear"] == 1


def test_inventory_wraps_at_80_columns_and_paths_are_spelled_from_here(arena, monkeypatch):
    """Issue 14.2: nothing cut at 80 columns; a file's path from the current folder."""
    _columns(monkeypatch, 60)
    monkeypatch.chdir(arena.ws.parent)
    played = arena("play").output
    assert "Your file (new): ws/9.9-fixture/01_add_one.py" in " ".join(played.split())
    _columns(monkeypatch, 24)
    out = arena("inventory").output
    rows = [line for line in out.splitlines() if not line.startswith(("inventory", "`"))]
    assert not any("…" in line or len(line.rstrip()) > 24 for line in rows), out
    assert "Double it" in " ".join(out.split())  # wrapped onto the next line, not cut


def test_a_long_room_title_is_never_cut_at_80_columns(tmp_path, monkeypatch):
    """Every shipped room's header at 80 columns names the room in full (a title that the
    border would cut moves inside the panel)."""
    import importlib

    from arena_dungeon.content import load
    from arena_dungeon.ui.pages import room_header

    _columns(monkeypatch, 80)
    console = importlib.import_module("arena_dungeon.ui.console").console
    content = load()
    longest = max(content.ordered_rooms, key=lambda r: len(content.dungeon(r.dungeon_id).title)
                  + len(r.title))
    with console.capture() as captured:
        console.print(room_header(content.dungeon(longest.dungeon_id), longest))
    text = " ".join(captured.get().split())
    assert longest.title in text and "…" not in text
