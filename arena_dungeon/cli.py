"""The `arena` command: parse arguments, call the session, hand results to the UI. No logic."""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Annotated

import typer

from arena_dungeon import game, ui
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


def _session() -> Session:
    try:
        session = Session.open(_options["workspace"], _options["content"])
    except ContentError as exc:
        ui.error(f"broken content: {exc}", "this is a bug in the room files; "
                                           "`arena dev check` lists every problem")
        raise typer.Exit(2) from None
    for warning in session.warnings:
        ui.warn(warning)
    return session


def _fail(exc: GameError) -> typer.Exit:
    ui.error(str(exc), exc.hint)
    return typer.Exit(1)


@app.command()
def play(target: Annotated[str | None, typer.Argument(
        help="A dungeon (0.1), a room id, or DUNGEON/N; default: where you left off.",
        autocompletion=_complete_room, show_default=False)] = None) -> None:
    """Enter a dungeon or room: shows the brief and the file to edit."""
    session = _session()
    try:
        entered = session.play(target)
    except GameError as exc:
        raise _fail(exc) from None
    if entered.first_visit_of_dungeon:
        ui.show_dungeon_intro(entered.dungeon)
    ui.show_room(entered.dungeon, entered.room, len(entered.dungeon.rooms), entered.path,
                 entered.written, entered.cleared)
    from arena_dungeon import bytecode

    bytecode.warm()  # the first command a player runs: later ones start without compiling


@app.command()
def check(room: RoomArg = None,
          verbose: Annotated[bool, typer.Option("--verbose", "-v",
                                                help="Show the raw pytest output too.")] = False,
          save: Annotated[Path | None, typer.Option(
              "--save", help="Save the room's picture(s) as PNG to this path.")] = None) -> None:
    """Grade your file for the current room: one row per case. Exit code 0 when cleared."""
    session = _session()
    try:
        target = session.resolve(room)
        with ui.grading_status(target) as update:
            checked = session.check(room, on_progress=update)
    except GameError as exc:
        raise _fail(exc) from None
    cleared = ui.show_checked(checked, session.content,
                              session.progress.room(checked.room.id).peeked, verbose)
    if save is not None and checked.result.pictures:
        from arena_dungeon.pictures import save_png

        for i, pic in enumerate(checked.result.pictures):
            out = save if i == 0 else save.with_stem(f"{save.stem}-{i + 1}")
            save_png(pic, out)
            ui.info(f"saved {out}")
    raise typer.Exit(0 if cleared else 1)


@app.command()
def watch(room: RoomArg = None) -> None:
    """Re-grade on every save. Keys: h hint, n next room, m map, q quit."""
    from arena_dungeon.watch import run_watch

    gc.enable()  # runs for hours: collect as usual (arena_dungeon/__main__.py pauses it)
    session = _session()
    try:
        run_watch(session, room)
    except GameError as exc:
        raise _fail(exc) from None


@app.command()
def hint(room: RoomArg = None) -> None:
    """Show the next rung of the room's hint ladder (each hint lowers the room's XP)."""
    session = _session()
    try:
        shown = session.hint(room)
    except GameError as exc:
        raise _fail(exc) from None
    ui.show_hint(shown.room, shown.index, shown.seen, shown.total, shown.text, shown.xp_now)


@app.command()
def solution(room: RoomArg = None,
             yes: Annotated[bool, typer.Option("--yes", "-y",
                                               help="Don't ask before peeking.")] = False) -> None:
    """Show the reference solution: after clearing, or after the last hint (then no XP)."""
    session = _session()
    try:
        source = session.solution(room, lambda q: yes or typer.confirm(q, default=False))
        target = session.resolve(room)
    except GameError as exc:
        raise _fail(exc) from None
    if source is None:
        ui.info("Not peeking. Good luck!")
        raise typer.Exit(1)
    ui.show_solution(target, source)


@app.command()
def reset(room: RoomArg = None,
          yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask.")] = False) -> None:
    """Put the stub back; your current attempt is kept in .arena/backups/."""
    session = _session()
    try:
        target = session.resolve(room)
    except GameError as exc:
        raise _fail(exc) from None
    if not yes and not typer.confirm(f"Reset {target.title} to the stub? (your file is backed "
                                     "up first)", default=False):
        raise typer.Exit(1)
    room_, path, backup = session.reset(room)
    ui.info(f"{path} is the stub again." + (f" Your attempt is saved as {backup}." if backup
                                            else ""))


@app.command("map")
def map_(dungeon: Annotated[str | None, typer.Argument(
        help="Only this dungeon (e.g. 0.1).", autocompletion=_complete_room,
        show_default=False)] = None) -> None:
    """Every dungeon and room: cleared, open, or locked (and by which tool)."""
    session = _session()
    ui.show_map(session.content, game.states(session.content, session.progress),
                session.progress.current, dungeon)


@app.command()
def inventory() -> None:
    """The tools you have found, and silhouettes of those still hidden."""
    session = _session()
    found = game.inventory(session.content, session.progress)
    hidden = {}  # in the order the curriculum hands them out
    for room in session.content.ordered_rooms:
        for tool in room.grants:
            if tool not in found and tool not in hidden:
                hidden[tool] = room
    xp = game.total_xp(session.progress)
    ui.show_inventory(found, hidden, session.content.techniques, xp, game.level(xp))


@app.command()
def tool(name: Annotated[str, typer.Argument(help="A tool, e.g. einsum (fuzzy).",
                                             autocompletion=_complete_tool)]) -> None:
    """A technique's page: idea, runnable examples, pitfalls, rooms, sub-problems it solves."""
    session = _session()
    try:
        page = session.technique_page(name)
    except GameError as exc:
        raise _fail(exc) from None
    ui.show_technique(*page)


@app.command()
def problem(name: Annotated[str, typer.Argument(help="A sub-problem, e.g. matrix-multiply.",
                                                autocompletion=_complete_tool)]) -> None:
    """A sub-problem's page: which tools solve it and where it appears."""
    session = _session()
    try:
        page = session.subproblem_page(name)
    except GameError as exc:
        raise _fail(exc) from None
    ui.show_subproblem(*page)


@app.command()
def export(
    dungeon: Annotated[str, typer.Argument(help="A dungeon id (e.g. 0.1).",
                                           autocompletion=_complete_room, show_default=False)],
    notebook: Annotated[bool, typer.Option(
        "--notebook", help="A Jupyter/Colab notebook (the only format so far).")] = True,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Where to write it (default: <workspace>/<dungeon>.ipynb).",
        show_default=False)] = None,
) -> None:
    """Write a dungeon as a notebook whose cells save and grade your workspace files."""
    session = _session()
    try:
        done = session.export_notebook(dungeon, out)
    except GameError as exc:
        raise _fail(exc) from None
    ui.show_exported(f"{done.dungeon.id} {done.dungeon.title}", done.path, done.rooms_open,
                     done.rooms, done.backup)


@app.command()
def codex() -> None:
    """Every technique and sub-problem, found or not."""
    session = _session()
    found = set(game.inventory(session.content, session.progress))
    ui.show_codex([(t, t.id in found) for t in session.content.techniques.values()],
                  list(session.content.subproblems.values()))


@app.command()
def status() -> None:
    """One line: where you are, rooms cleared, tools, XP."""
    session = _session()
    ui.show_status(session.status_line())


@dev_app.command("check")
def dev_check(only: Annotated[list[str] | None, typer.Argument(
        help="Dungeon ids or room ids to check (default: everything).",
        autocompletion=_complete_room, show_default=False)] = None,
              content: Annotated[Path | None, typer.Option(
                  "--content", help="Check the content pack in this folder.")] = None,
              jobs: Annotated[int, typer.Option("--jobs", "-j",
                                                help="Rooms graded at once.")] = 0,
              cold: Annotated[bool, typer.Option(
                  "--cold/--no-cold", help="Also grade each stub and solution cold (a fresh "
                                           "Python) and compare with warm.")] = True) -> None:
    """Validate content: every problem, each naming its file (see arena_dungeon/dev)."""
    from arena_dungeon import dev

    gc.enable()  # runs for minutes: collect as usual (arena_dungeon/__main__.py pauses it)
    plan = dev.prepare(content or _options["content"], only)
    with ui.dev_progress(len(plan.rooms)) as advance:
        report = dev.run(plan, jobs=jobs or os.cpu_count() or 1, cold=cold,
                         on_done=lambda _c: advance())
    for problem in report.content:
        ui.error(problem.shown(report.root))
    rows = [(c.room.id, c.stub.summary() if c.stub else "-",
             c.solution.summary() if c.solution else "-",
             [p.shown(c.room.folder) for p in c.problems]) for c in report.rooms]
    ui.show_dev_check(rows, report.seconds)
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
