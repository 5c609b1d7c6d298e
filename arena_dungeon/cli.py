"""The `arena` command: parse arguments, call the session, hand its records to the UI.

No game logic here: every command opens the session, calls one of its actions and shows the
typed record it returns; a GameError becomes a message and exit code 1.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from arena_dungeon import ui
from arena_dungeon.content import CONTENT_ENV, ContentError
from arena_dungeon.session import GameError, Session

app = typer.Typer(
    name="arena",
    help="The ARENA ML-engineering curriculum, played as a dungeon crawler in your terminal.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
dev_app = typer.Typer(help="Tools for content authors.", no_args_is_help=True)
app.add_typer(dev_app, name="dev")
daemon_app = typer.Typer(help="The warm grader that makes every `arena check` after the first "
                              "fast: it starts by itself and exits after 15 idle minutes.",
                         no_args_is_help=True)
app.add_typer(daemon_app, name="daemon")

_options: dict[str, Path | None] = {"workspace": None, "content": None}


def _complete_room(incomplete: str) -> list[str]:
    """Shell completion: dungeon ids and room ids."""
    try:
        from arena_dungeon.content import load

        content = load(_options["content"])
    except Exception:  # noqa: BLE001 - completion must never crash the shell
        return []
    keys = [d.id for d in content.dungeons] + list(content.rooms)
    return [k for k in keys if k.startswith(incomplete)]


def _complete_tool(incomplete: str) -> list[str]:
    try:
        from arena_dungeon.content import load

        content = load(_options["content"])
    except Exception:  # noqa: BLE001
        return []
    return [k for k in [*content.techniques, *content.subproblems] if k.startswith(incomplete)]


RoomArg = Annotated[str | None, typer.Argument(
    help="A room id (e.g. make-rays-1d), DUNGEON/N (e.g. 0.1/3); default: the current room.",
    autocompletion=_complete_room, show_default=False)]


@app.callback()
def main_options(
    workspace: Annotated[Path | None, typer.Option(
        "--workspace", "-w", envvar="ARENA_WORKSPACE",
        help="Your workspace folder (default ./arena-workspace).")] = None,
    content: Annotated[Path | None, typer.Option(
        "--content", envvar=CONTENT_ENV, help="Play a content pack from this folder.")] = None,
) -> None:
    """The ARENA curriculum as a dungeon: rooms are exercises, techniques are tools."""
    _options["workspace"] = workspace
    _options["content"] = content


@contextlib.contextmanager
def _session() -> Iterator[Session]:
    """The player's session for one command: a GameError inside becomes a message and exit
    code 1; whatever kept progress from being saved is said after the command's output."""
    try:
        session = Session.open(_options["workspace"], _options["content"])
    except ContentError as exc:
        ui.error(f"broken content: {exc}", "this is a bug in the room files; "
                                           "`arena dev check` lists every problem")
        raise typer.Exit(2) from None
    except GameError as exc:
        ui.error(str(exc), exc.hint)
        raise typer.Exit(1) from None
    for warning in session.warnings:
        ui.warn(warning)
    try:
        yield session
    except GameError as exc:
        ui.error(str(exc), exc.hint)
        raise typer.Exit(1) from None
    finally:
        for problem in session.save_problems:
            ui.warn(problem)


@app.command()
def play(target: Annotated[str | None, typer.Argument(
        help="A dungeon (0.1), a room id, or DUNGEON/N; default: where you left off.",
        autocompletion=_complete_room, show_default=False)] = None) -> None:
    """Enter a dungeon or room: shows the brief and the file to edit."""
    with _session() as session:
        ui.show_entered(session.play(target))
    from arena_dungeon import bytecode

    bytecode.warm()  # the first command a player runs: later ones start without compiling


@app.command()
def check(room: RoomArg = None,
          verbose: Annotated[bool, typer.Option("--verbose", "-v",
                                                help="Show the raw pytest output too.")] = False,
          save: Annotated[Path | None, typer.Option(
              "--save", help="Save the room's picture(s) as PNG to this path.")] = None) -> None:
    """Grade your file for the current room: one row per case. Exit code 0 when cleared."""
    with _session() as session:
        target = session.gradable(room)  # a locked door is refused before anything runs
        with ui.grading_status(target) as update:
            checked = session.check(target.id, on_progress=update)
        cleared = ui.show_checked(checked, verbose)
        if save is not None:
            ui.show_saved(session.save_pictures(checked, save))
        raise typer.Exit(0 if cleared else 1)


@app.command()
def review(tool: Annotated[str | None, typer.Argument(
               help="Drill this tool now (default: the one most overdue).",
               autocompletion=_complete_tool, show_default=False)] = None,
           check_it: Annotated[bool, typer.Option(
               "--check", help="Grade the drill under way.")] = False) -> None:
    """Spaced review: replay a cleared room from a blank stub for a tool that is due."""
    with _session() as session:
        if check_it:
            drill = session.drill_under_way()
            if drill is None:
                ui.error("no drill is under way", "`arena review` starts one")
                raise typer.Exit(1)
            with ui.grading_status(drill.room) as update:
                done = session.review_check(on_progress=update)
            ui.show_drill_checked(done)
            raise typer.Exit(0 if done.result.cleared else 1)
        ui.show_drill(session.review(tool))


@app.command()
def stats(as_json: Annotated[bool, typer.Option(
        "--json", help="Print the numbers as JSON, for charts of your own.")] = False) -> None:
    """Checks, hints and rooms per dungeon, mastery per tool, the hardest rooms, your streak."""
    with _session() as session:
        numbers = session.stats()
        if as_json:
            import json

            print(json.dumps(numbers.to_json(), indent=2))
        else:
            ui.show_stats(numbers)


@app.command()
def watch(room: RoomArg = None) -> None:
    """Re-grade on every save. Keys: h hint, n next room, m map, q quit."""
    from arena_dungeon.watch import run_watch

    gc.enable()  # runs for hours: collect as usual (arena_dungeon/__main__.py pauses it)
    with _session() as session:
        run_watch(session, room)


@app.command()
def hint(room: RoomArg = None) -> None:
    """Show the next rung of the room's hint ladder (each hint lowers the room's XP)."""
    with _session() as session:
        ui.show_hint(session.hint(room))


@app.command()
def solution(room: RoomArg = None,
             yes: Annotated[bool, typer.Option("--yes", "-y",
                                               help="Don't ask before peeking.")] = False) -> None:
    """Show the reference solution: after clearing, or after the last hint (then no XP)."""
    with _session() as session:
        shown = session.solution(room, lambda q: yes or typer.confirm(q, default=False))
        if shown is None:
            ui.info("Not peeking. Good luck!")
            raise typer.Exit(1)
        ui.show_solution(shown)


@app.command()
def reset(room: RoomArg = None,
          yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask.")] = False) -> None:
    """Put the stub back; your current attempt is kept in .arena/backups/."""
    with _session() as session:
        target = session.resolve(room)
        if not yes and not typer.confirm(f"Reset {target.title} to the stub? (your file is "
                                         "backed up first)", default=False):
            raise typer.Exit(1)
        ui.show_reset(session.reset(target.id))


@app.command("map")
def map_(dungeon: Annotated[str | None, typer.Argument(
        help="Only this dungeon (e.g. 0.1).", autocompletion=_complete_room,
        show_default=False)] = None) -> None:
    """Every dungeon and room: cleared, open, or locked (and by which tool)."""
    with _session() as session:
        ui.show_map(session.map_view(dungeon))


@app.command()
def inventory() -> None:
    """The tools you have found, and silhouettes of those still hidden."""
    with _session() as session:
        ui.show_inventory(session.inventory())


@app.command()
def tool(name: Annotated[str, typer.Argument(help="A tool, e.g. einsum (fuzzy).",
                                             autocompletion=_complete_tool)]) -> None:
    """A technique's page: idea, runnable examples, pitfalls, rooms, sub-problems it solves."""
    with _session() as session:
        ui.show_technique(session.technique_page(name))


@app.command()
def problem(name: Annotated[str, typer.Argument(help="A sub-problem, e.g. matrix-multiply.",
                                                autocompletion=_complete_tool)]) -> None:
    """A sub-problem's page: which tools solve it and where it appears."""
    with _session() as session:
        ui.show_subproblem(session.subproblem_page(name))


@app.command()
def export(
    dungeon: Annotated[str, typer.Argument(help="A dungeon id (e.g. 0.1).",
                                           autocompletion=_complete_room, show_default=False)],
    notebook: Annotated[bool, typer.Option(
        "--notebook", help="A Jupyter/Colab notebook (the only format so far).")] = True,
    walkthrough: Annotated[bool, typer.Option(
        "--walkthrough", help="The rooms you cleared, to study: your solution beside the "
                              "reference, the debrief and the pictures.")] = False,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Where to write it (default: <workspace>/<dungeon>.ipynb).",
        show_default=False)] = None,
) -> None:
    """Write a dungeon as a notebook whose cells save and grade your workspace files."""
    with _session() as session:
        if walkthrough:
            with ui.rooms_progress("grading your solutions for their pictures") as on_room:
                done = session.export_walkthrough(dungeon, out, on_room)
            ui.show_exported(done)
        else:
            ui.show_exported(session.export_notebook(dungeon, out))


@app.command()
def codex() -> None:
    """Every technique and sub-problem, found or not."""
    with _session() as session:
        ui.show_codex(session.codex())


@app.command()
def status() -> None:
    """One line: where you are, rooms cleared, tools, XP."""
    with _session() as session:
        ui.show_status(session.status())


@daemon_app.command("status")
def daemon_status() -> None:
    """Is the workspace's warm grader running, and since when."""
    with _session() as session:
        ui.show_grader(session.grader(), session.launcher())


@daemon_app.command("stop")
def daemon_stop() -> None:
    """End the workspace's warm grader and the command launcher (the next commands start
    them again)."""
    with _session() as session:
        stopped = session.stop_grader()
        ui.info("the warm grader stopped" if stopped else "no warm grader was running")
        if session.stop_launcher():
            ui.info("the command launcher stopped")


@dev_app.command("check")
def dev_check(only: Annotated[list[str] | None, typer.Argument(
        help="Dungeon ids or room ids to check (default: everything).",
        autocompletion=_complete_room, show_default=False)] = None,
              content: Annotated[Path | None, typer.Option(
                  "--content", help="Check the content pack in this folder.")] = None,
              jobs: Annotated[int, typer.Option("--jobs", "-j",
                                                help="Rooms graded at once.")] = 0,
              cold: Annotated[bool, typer.Option(
                  "--cold/--no-cold", help="Also grade each solution cold (a fresh Python) "
                                           "and compare with warm.")] = True) -> None:
    """Validate content: every problem, each naming its file (see arena_dungeon/dev)."""
    from arena_dungeon import dev

    gc.enable()  # runs for minutes: collect as usual (arena_dungeon/__main__.py pauses it)
    plan = dev.prepare(content or _options["content"], only)
    with ui.dev_progress(len(plan.rooms)) as advance:
        report = dev.run(plan, jobs=jobs or os.cpu_count() or 1, cold=cold,
                         on_done=lambda _c: advance())
    ui.show_dev_check(report)
    raise typer.Exit(0 if report.ok else 1)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        ui.info("\ninterrupted")
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
