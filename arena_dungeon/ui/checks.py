"""Check results: the live grading bar, the verdict table, the first failure, a clear."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text

from arena_dungeon.grading.vocabulary import TITLES
from arena_dungeon.ui.console import (
    FAIL,
    IN_NOTEBOOK,
    PASS,
    Markdown,
    console,
    error,
    info,
    inline_markdown,
    link,
    progress_bar,
    syntax_from_path,
    warn,
)
from arena_dungeon.ui.pictures import show_curve, show_picture

if TYPE_CHECKING:
    from rich.table import Table

    from arena_dungeon.content import Room
    from arena_dungeon.dev.report import Report
    from arena_dungeon.grading.report import CaseResult, RoomResult
    from arena_dungeon.session import Checked, Drill, DrillChecked, OnProgress


@contextlib.contextmanager
def grading_status(room: Room) -> Iterator[OnProgress]:
    """A spinner while grading; the yielded callback turns it into a bar on progress events.
    In a notebook: one line, updated in place (a notebook keeps its last state, not frames)."""
    if IN_NOTEBOOK:
        with notebook_line(f"grading {room.id} …") as show:
            yield lambda done, total, text: show(
                f"grading {room.id}: {done}/{total or '?'}" + (f" · {text}" if text else ""))
        return
    if not console.is_terminal:
        yield lambda done, total, text: None
        return
    bar = progress_bar("[muted]{task.description}")
    with bar:
        task = bar.add_task(f"grading {room.id}", total=None)

        def update(done: int, total: int, text: str) -> None:
            bar.update(task, completed=done, total=total or None,
                       description=f"{room.id}: {text}" if text else room.id)

        yield update


@contextlib.contextmanager
def notebook_line(first: str) -> Iterator[Callable[[str], None]]:
    """A line of plain text in the notebook that `show(text)` replaces, at most ten times a
    second; it is cleared at the end (the verdict follows it)."""
    import time

    from IPython.display import display

    handle = display({"text/plain": first}, raw=True, display_id=True)
    last = 0.0

    def show(text: str) -> None:
        nonlocal last
        now = time.monotonic()
        if handle is not None and now - last >= 0.1:
            last = now
            handle.update({"text/plain": text}, raw=True)

    try:
        yield show
    finally:
        if handle is not None:
            handle.update({"text/plain": ""}, raw=True)


STACK_BELOW = 88  # columns: narrower terminals get each case's reason on its own lines


def case_rows(cases: Sequence[CaseResult], width: int) -> Text:
    """The verdict table for a narrow terminal: case and verdict on one line, the reason
    under it, wrapped between words at the terminal's width (never a 14-column squeeze)."""
    import textwrap

    name_width = min(max((len(c.title) for c in cases), default=4), max(10, width // 2 - 4))
    out = Text()
    for c in cases:
        mark, style = (PASS, "pass") if c.passed else (FAIL, "fail")
        label = "passed" if c.passed else (c.kind.label if c.kind else "failed")
        out.append(f"{mark} ", style)
        out.append(c.title.ljust(name_width), "bold")
        out.append(f"  {label}\n", style)
        if not c.passed and c.message:
            why = c.message + (f"  (line {c.line})" if c.line else "")
            for line in textwrap.wrap(why, max(20, width - 4), break_long_words=False,
                                      break_on_hyphens=False):
                out.append(f"    {line}\n")
    out.rstrip()
    return out


def case_table(cases: Sequence[CaseResult]) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    table.add_column("", width=1)
    table.add_column("case", style="bold", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("why", overflow="fold")
    for c in cases:
        if c.passed:
            table.add_row(Text(PASS, "pass"), c.title, Text("passed", "pass"), "")
        else:
            why = Text(c.message)
            if c.line:
                why.append(f"  (line {c.line})", style="muted")
            table.add_row(Text(FAIL, "fail"), c.title,
                          Text(c.kind.label if c.kind else "failed", "fail"), why)
    return table


def _code_line(path: Path | None, line: int | None, code: str) -> RenderableType | None:
    if line is None:
        return None
    if path is not None and path.exists():
        return syntax_from_path(path, line_numbers=True, line_range=(max(1, line - 2), line + 2),
                                highlight_lines={line}, word_wrap=True)
    return Text(f"line {line}: {code}", style="code") if code else None


def _verdict_title(result: RoomResult) -> str:
    return TITLES.get(result.verdict, "Problem") if result.verdict else "Problem"


def show_result(result: RoomResult, path: Path | None = None, verbose: bool = False) -> None:
    """The LeetCode-style report: a row per case, a summary, and the first failure explained."""
    console.print()
    if result.verdict in ("syntax", "unreadable", "rule", "harness") and not result.cases:
        parts: list[RenderableType] = [Text(result.message)]
        snippet = _code_line(path, result.line, result.code)
        if snippet is not None:
            parts.append(snippet)
        if result.verdict == "harness":
            parts.append(Text("Your file is not at fault. Run with -v for the details.", "muted"))
        console.print(Panel(Group(*parts), title=_verdict_title(result), border_style="red",
                            title_align="left"))
    else:
        if result.cases and console.width < STACK_BELOW:
            console.print(case_rows(result.cases, console.width), soft_wrap=True)
        elif result.cases:
            console.print(case_table(result.cases))
        first = next((c for c in result.cases if not c.passed), None)
        if result.verdict:
            console.print(Panel(Text(result.message), title=_verdict_title(result),
                                border_style="red", title_align="left"))
        if first is not None and first.kind not in ("not_implemented",):
            detail: list[RenderableType] = []
            if first.details:
                detail.append(Text(first.details))
            snippet = _code_line(path, first.line, first.code)
            if snippet is not None:
                detail.append(snippet)
            if first.output.strip():
                detail.append(Text("what your code printed in this case:", style="muted"))
                detail.append(Text(_last_lines(first.output), style="code"))
            if detail and first.doc:
                detail.insert(0, Text(first.doc, style="muted"))
            if detail:
                console.print(Panel(Group(*detail), title=f"first failure: {first.title}",
                                    title_align="left", border_style="red"))
    for note in result.notes:
        console.print(Text("note: ", style="muted") + Text(note))
    for warning in result.warnings:
        console.print(Text("warning: ", style="warn") + Text(warning))
    summary_style = "pass" if result.cleared else "fail"
    console.print(Text(result.summary(), style=summary_style)
                  + Text(f"   ({result.seconds:.1f} s)", style="muted"))
    if verbose and result.raw_output:
        console.print(Rule("raw pytest output"))
        console.print(Text(result.raw_output))


def _last_lines(text: str, limit: int = 20) -> str:
    """A case's printed output, its last `limit` lines (the grader already capped its size)."""
    lines = text.rstrip().splitlines()
    if len(lines) <= limit:
        return "\n".join(lines)
    return f"… {len(lines) - limit} lines before …\n" + "\n".join(lines[-limit:])


def show_clear(checked: Checked) -> None:
    """A clear: the pictures and curves, the reward, the debrief, where to go next."""
    room, reward = checked.room, checked.reward
    for pic in checked.result.pictures:
        show_picture(pic)
    for title, values in checked.result.curves:
        show_curve(title, values)
    headline = Text("Room cleared!", style="pass")
    if reward is not None:
        gained = f"+{reward.xp} XP" if reward.xp else \
            "+0 XP (you peeked at the solution)" if checked.peeked else "+0 XP"
        headline.append(f"   {gained}", style="xp")
    lines = [headline]
    for tool, page in checked.new_tools.items():
        lines.append(Text("🗝  New tool: ", style="tool") + Text(tool, style="tool")
                     + (Text(" — ", style="muted") + inline_markdown(page.summary) if page
                        else Text(""))
                     + Text(f"   (arena tool {tool})", style="muted"))
    for r in reward.opened if reward else []:
        lines.append(Text("🚪 A door opens: ", style="open") + Text(r.title, style="room"))
    console.print(Panel(Group(*lines), border_style="green"))
    console.print(Markdown(room.debrief))
    if room.uses:
        console.print(Text("techniques used: ", style="muted")
                      + Text(", ".join(room.uses), style="tool"))
    if checked.solved:
        console.print(Text("sub-problems solved: ", style="muted")
                      + Text(", ".join(checked.solved)))
    if reward is not None and reward.dungeon_done:
        console.print(Panel(Text("Dungeon cleared! Every room here is done.", style="xp"),
                            border_style="yellow"))
    ahead = checked.locked_ahead
    if ahead is not None:
        console.print(Text(f"🔒 The next room here, {ahead.room.title}, needs "
                           f"{', '.join(ahead.missing)}: `arena map` shows where each "
                           "tool is found.", style="muted"))
    if checked.next_room is not None:
        console.print(Text("Next: ", style="muted")
                      + Text(f"arena play {checked.next_room.id}", style="room")
                      + Text(f"  ({checked.next_room.title})", style="muted"))


def show_checked(checked: Checked, verbose: bool = False) -> bool:
    """Everything `arena check` (and watch) prints for a check; True if cleared."""
    result = checked.result
    if checked.recreated:
        warn(f"{checked.path} was missing, so the stub was written there again")
    show_result(result, checked.path, verbose=verbose)
    if result.cleared:
        show_clear(checked)
    elif result.cases and all(c.kind == "not_implemented" for c in result.cases):
        where = "this cell" if IN_NOTEBOOK else checked.path.name
        info(f"Replace `raise NotImplementedError` in {where} with your code.")
    return result.cleared


def show_drill(drill: Drill) -> None:
    """A review drill: which tool, which room, the file to write, what else is due."""
    room = drill.room
    head = "Review" if drill.started else "Review under way"
    console.print(Panel(Group(
        Text(f"{room.title} ({room.id}), from a blank stub", style="room"),
        Text(f"for the tool {drill.tool}: you cleared this room before; do it again from "
             "memory", style="muted")),
        title=f"{head} · {drill.tool}", title_align="left", border_style="magenta"))
    console.print(Markdown(room.brief))
    console.print(Text("Your drill file: ", style="muted") + link(drill.path))
    others = [t for t in drill.due if t != drill.tool]
    if others:
        console.print(Text(f"also due: {', '.join(others)}", style="muted"))
    info("[muted]Write it, then `arena review --check`. Cleared in one check, the next review "
         "of this tool comes 2.5 times later.[/]")


def show_drill_checked(done: DrillChecked) -> None:
    show_result(done.result, done.drill.path)
    if done.interval is None:
        return
    checks = "one check" if done.checks == 1 else f"{done.checks} checks"
    console.print(Panel(Text(f"Drill cleared in {checks}. Next review of {done.drill.tool} in "
                             f"{done.interval:.1f} days.", style="pass"),
                        border_style="green"))


def show_saved(paths: Sequence[Path]) -> None:
    if not paths:
        warn("--save: this check drew no picture, so nothing was saved (rooms that draw one "
             "do it when their picture case runs)")
    for path in paths:
        console.print(Text(f"saved {path}"))


# ---------------------------------------------------------------- dev check


@contextlib.contextmanager
def rooms_progress(label: str) -> Iterator[Callable[[int, int, Room], None]]:
    """A bar over rooms (`update(i, n, room)` as each starts); one line in a notebook."""
    if IN_NOTEBOOK:
        with notebook_line(f"{label} …") as show:
            yield lambda i, n, room: show(f"{label}: {i + 1}/{n} {room.id}")
        return
    bar = progress_bar(f"[muted]{label}" + " {task.description}")
    with bar:
        task = bar.add_task("", total=None)
        yield lambda i, n, room: bar.update(task, completed=i, total=n, description=room.id)


@contextlib.contextmanager
def dev_progress(total: int) -> Iterator[Callable[[], None]]:
    bar = progress_bar("checking rooms")
    with bar:
        task = bar.add_task("rooms", total=total)
        yield lambda: bar.advance(task)


def show_dev_check(report: Report) -> None:
    """What `arena dev check` found: problems outside any room, then a row per room (its
    stub's and solution's verdicts, and each problem under it), then the count."""
    from rich import box
    from rich.table import Table

    for problem in report.content:
        error(problem.shown(report.root))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column("", width=1)
    table.add_column("room", style="bold")
    table.add_column("stub")
    table.add_column("solution")
    # The solution's grading time (the cost of the room in every suite run: keep it ~1 s).
    table.add_column("time", justify="right", style="muted")
    bad = 0
    for check in report.rooms:
        bad += not check.ok
        sol = check.solution
        table.add_row(Text(PASS if check.ok else FAIL, "pass" if check.ok else "fail"),
                      check.room.id, check.stub.summary() if check.stub else "-",
                      sol.summary() if sol else "-",
                      Text(f"{sol.seconds:.1f} s", style="warn" if sol.seconds > 2 else "muted")
                      if sol else "")
        for problem in check.problems:
            table.add_row("", Text(f"  {problem.shown(check.room.folder)}", style="fail"), "",
                          "", "")
    console.print(table)
    rooms = len(report.rooms)
    console.print(Text(f"{rooms - bad}/{rooms} rooms ok", style="fail" if bad else "pass")
                  + Text(f"   ({report.seconds:.1f} s)", style="muted"))
