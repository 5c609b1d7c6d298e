"""Every pixel of output: panels, case tables, the map, tool pages, pictures, curves.

The only module that imports rich. Functions take plain data from the core and print.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text
from rich.theme import Theme

from arena_dungeon.game import Door, RoomState

if TYPE_CHECKING:
    from rich.table import Table

    from arena_dungeon.content import Content, Dungeon, Room, SubProblem, Technique
    from arena_dungeon.grading.report import CaseResult, Picture, RoomResult

# Theme: the game's colours in one place.
THEME = Theme({
    "pass": "bold green", "fail": "bold red", "warn": "yellow", "muted": "grey58",
    "room": "bold cyan", "tool": "bold magenta", "xp": "bold yellow", "path": "underline cyan",
    "locked": "grey50", "open": "bold white", "cleared": "green", "difficulty": "red",
    "importance": "blue", "code": "bold white on grey15",
})
PASS, FAIL, LOCK, OPEN, DONE = "✓", "✗", "🔒", "▶", "✓"

console = Console(theme=THEME, highlight=False)
err_console = Console(theme=THEME, stderr=True, highlight=False)


def Markdown(text: str):  # noqa: N802 - stands in for rich's class, imported when first used
    """Rich Markdown, imported lazily: markdown-it costs ~0.1 s that most commands never need."""
    from rich.markdown import Markdown as _Markdown

    return _Markdown(text)


def Syntax(*args, **kwargs):  # noqa: N802
    """Rich Syntax (pygments), imported lazily."""
    from rich.syntax import Syntax as _Syntax

    return _Syntax(*args, **kwargs)


def _syntax_from_path(path: str, **kwargs):
    from rich.syntax import Syntax as _Syntax

    return _Syntax.from_path(path, **kwargs)


def _progress_bar(label: str, transient: bool = True):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    # "3/?" while the number of cases is not known yet (rather than "3/0" or "0/None").
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console, transient=transient)


def _dots(n: int, style: str, total: int = 5) -> Text:
    return Text("●" * n, style=style) + Text("○" * (total - n), style="muted")


def _link(path: Path) -> Text:
    """A clickable file path where the terminal supports links."""
    return Text(str(path), style=f"path link file://{path.resolve()}")


def error(message: str, hint: str = "") -> None:
    err_console.print(Text("error: ", style="fail") + Text(message))
    if hint:
        err_console.print(Text(hint, style="muted"))


def warn(message: str) -> None:
    err_console.print(Text("warning: ", style="warn") + Text(message))


def info(message: str) -> None:
    console.print(message)


def show_exported(title: str, path: Path, rooms_open: int, rooms: int,
                  backup: Path | None) -> None:
    console.print(Text(f"📓 {title} as a notebook: ", style="room") + _link(path))
    locked = rooms - rooms_open
    console.print(Text(f"{rooms_open} of {rooms} rooms open"
                       + (f"; the {locked} locked ones say which tools their doors need"
                          if locked else ""), style="muted"))
    if backup is not None:
        console.print(Text("The notebook that was there is kept in ", style="muted")
                      + _link(backup))
    console.print(Text(f"Open it with `jupyter lab {path.name}` or upload it to Colab. Running "
                       "a room's code cell saves your workspace file; the cell under it "
                       "grades it.", style="muted"))


# ---------------------------------------------------------------- rooms


def room_header(dungeon: Dungeon, room: Room, total: int) -> Panel:
    meta = Text.assemble(
        ("difficulty ", "muted"), _dots(room.difficulty, "difficulty"),
        ("   importance ", "muted"), _dots(room.importance, "importance"),
        (f"   ~{room.minutes} min", "muted"),
    )
    tools = Text()
    if room.grants:
        tools = Text("tools here: ", style="muted") + Text(", ".join(room.grants), style="tool")
    body = Group(meta, tools) if room.grants else meta
    return Panel(body, title=f"[room]{dungeon.id} {dungeon.title} · room {room.number}/{total}"
                             f" · {room.title}[/]", title_align="left", border_style="cyan")


def show_room(dungeon: Dungeon, room: Room, total: int, path: Path, written: bool,
              cleared: bool) -> None:
    console.print(room_header(dungeon, room, total))
    console.print(Markdown(room.brief))
    console.print()
    verb = "Your file (new):" if written else "Your file:"
    console.print(Text(f"{verb} ", style="muted") + _link(path))
    if cleared:
        console.print(Text("Already cleared: replay it, or `arena play` for the next room.",
                           style="cleared"))
    console.print(Text("Next: edit the file, then `arena check` (or `arena watch`). "
                       "Stuck? `arena hint`.", style="muted"))


def show_dungeon_intro(dungeon: Dungeon) -> None:
    from rich import box

    console.print(Panel(Markdown(dungeon.intro), title=f"[room]{dungeon.id} · {dungeon.title}[/]",
                        border_style="cyan", box=box.DOUBLE))


@contextlib.contextmanager
def grading_status(room: Room) -> Iterator[callable]:  # type: ignore[valid-type]
    """A spinner while grading; the yielded callback turns it into a bar on progress events."""
    if not console.is_terminal:
        yield lambda done, total, text: None
        return
    bar = _progress_bar("[muted]{task.description}")
    with bar:
        task = bar.add_task(f"grading {room.id}", total=None)

        def update(done: int, total: int, text: str) -> None:
            bar.update(task, completed=done, total=total or None,
                       description=f"{room.id}: {text}" if text else room.id)

        yield update


_KIND_LABEL = {
    "not_implemented": "not implemented", "shape": "wrong shape", "dtype": "wrong dtype",
    "type": "wrong type", "value": "wrong values", "nan": "NaN", "mutation": "mutated input",
    "exception": "error", "timeout": "timed out", "crash": "crashed", "exit": "exited",
    "missing": "missing", "import": "import error", "memory": "out of memory",
    "harness": "grader bug", "device": "wrong device", "rule": "rule broken",
    "contract": "breaks annotation", "slow": "too slow",
}

_VERDICT_TITLE = {
    "syntax": "Syntax error", "import": "Your file failed to load", "missing": "Missing name",
    "timeout": "Time limit", "crash": "Crashed", "harness": "A bug in arena-dungeon",
    "unreadable": "File missing", "rule": "Room rule broken",
}


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
                          Text(_KIND_LABEL.get(c.kind, c.kind or "failed"), "fail"), why)
    return table


def _code_line(path: Path | None, line: int | None, code: str) -> Syntax | Text | None:
    if line is None:
        return None
    if path is not None and path.exists():
        return _syntax_from_path(str(path), line_numbers=True, line_range=(max(1, line - 2),
                                line + 2), highlight_lines={line}, word_wrap=True)
    return Text(f"line {line}: {code}", style="code") if code else None


def show_result(result: RoomResult, room: Room, path: Path | None = None,
                verbose: bool = False) -> None:
    """The LeetCode-style report: a row per case, a summary, and the first failure explained."""
    console.print()
    if result.verdict in ("syntax", "unreadable", "rule", "harness") and not result.cases:
        parts: list = [Text(result.message)]
        snippet = _code_line(path, result.line, result.code)
        if snippet is not None:
            parts.append(snippet)
        if result.verdict == "harness":
            parts.append(Text("Your file is not at fault. Run with -v for the details.", "muted"))
        console.print(Panel(Group(*parts), title=_VERDICT_TITLE.get(result.verdict, "Problem"),
                            border_style="red", title_align="left"))
    else:
        if result.cases:
            console.print(case_table(result.cases))
        first = next((c for c in result.cases if not c.passed), None)
        if result.verdict:
            console.print(Panel(Text(result.message), title=_VERDICT_TITLE.get(result.verdict,
                                                                             "Problem"),
                                border_style="red", title_align="left"))
        if first is not None and first.kind not in ("not_implemented",):
            detail: list = []
            if first.details:
                detail.append(Text(first.details))
            snippet = _code_line(path, first.line, first.code)
            if snippet is not None:
                detail.append(snippet)
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


def show_clear(room: Room, xp: int | None, new_tools: Sequence[str], opened: Sequence[Room],
               next_room: Room | None, pictures: Sequence[Picture], curves: Sequence,
               techniques: dict[str, Technique], subproblems: dict[str, SubProblem],
               dungeon_done: bool, peeked: bool, locked_ahead: RoomState | None = None) -> None:
    for pic in pictures:
        show_picture(pic)
    for title, values in curves:
        show_curve(title, values)
    lines: list = [Text("Room cleared!", style="pass")]
    if xp is not None:
        gained = f"+{xp} XP" if xp else "+0 XP (you peeked at the solution)" if peeked \
            else "+0 XP"
        lines[0].append(f"   {gained}", style="xp")
    for tool in new_tools:
        t = techniques.get(tool)
        lines.append(Text("🗝  New tool: ", style="tool") + Text(tool, style="tool")
                     + (Text(" — ", style="muted") + inline_markdown(t.summary) if t else Text(""))
                     + Text(f"   (arena tool {tool})", style="muted"))
    for r in opened:
        lines.append(Text("🚪 A door opens: ", style="open") + Text(r.title, style="room"))
    console.print(Panel(Group(*lines), border_style="green"))
    console.print(Markdown(room.debrief))
    review = []
    if room.uses:
        review.append(Text("techniques used: ", style="muted")
                      + Text(", ".join(room.uses), style="tool"))
    if room.subproblems:
        review.append(Text("sub-problems solved: ", style="muted")
                      + Text(", ".join(subproblems[s].name if s in subproblems else s
                                       for s in room.subproblems)))
    for line in review:
        console.print(line)
    if dungeon_done:
        console.print(Panel(Text("Dungeon cleared! Every room here is done.", style="xp"),
                            border_style="yellow"))
    if locked_ahead is not None:
        console.print(Text(f"🔒 The next room here, {locked_ahead.room.title}, needs "
                           f"{', '.join(locked_ahead.missing)}: `arena map` shows where each "
                           "tool is found.", style="muted"))
    if next_room is not None:
        console.print(Text("Next: ", style="muted") + Text(f"arena play {next_room.id}",
                                                           style="room")
                      + Text(f"  ({next_room.title})", style="muted"))


def inline_markdown(text: str) -> Text:
    """`code` and **bold** spans as styled Text: enough for hints, without markdown-it."""
    import re

    out = Text()
    for part in re.split(r"(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)", " ".join(text.split())):
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append(part[1:-1], style="code")
        elif part.startswith("**") and part.endswith("**") and len(part) > 3:
            out.append(part[2:-2], style="bold")
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            out.append(part[1:-1], style="italic")
        else:
            out.append(part)
    return out


def show_checked(checked, content: Content, peeked: bool,  # type: ignore[no-untyped-def]
                 verbose: bool) -> bool:
    """Everything `arena check` (and watch) prints for a session's Checked; True if cleared."""
    result = checked.result
    if checked.recreated:
        warn(f"{checked.path} was missing, so the stub was written there again")
    show_result(result, checked.room, checked.path, verbose=verbose)
    if result.cleared:
        reward = checked.reward
        show_clear(checked.room, reward.xp if reward else None,
                   reward.new_tools if reward else [], reward.opened if reward else [],
                   checked.next_room, result.pictures, result.curves, content.techniques,
                   content.subproblems, bool(reward and reward.dungeon_done), peeked,
                   checked.locked_ahead)
    elif result.cases and all(c.kind == "not_implemented" for c in result.cases):
        info(f"Open {checked.path.name} and replace `raise NotImplementedError` with your "
             "code.")
    return bool(result.cleared)


def show_hint(room: Room, index: int, seen: int, total: int, text: str, xp_now: int) -> None:
    console.print(Panel(inline_markdown(text), title=f"hint {seen}/{total} · {room.title}",
                        title_align="left", border_style="yellow",
                        subtitle=f"XP for this room now {xp_now}", subtitle_align="right"))


def show_solution(room: Room, source: str) -> None:
    console.print(Panel(Syntax(source, "python", line_numbers=True),
                        title=f"reference solution · {room.title}", border_style="green"))


# ---------------------------------------------------------------- map, inventory, tools


_DOORS = {Door.CLEARED: (DONE, "cleared"), Door.LOCKED: (LOCK, ""), Door.OPEN: (OPEN, "open")}


def _columns(rows: Sequence[Sequence[Text]], widths: Sequence[int]) -> Text:
    """Rows of cells as one Text, each cell padded to its width (cheaper than a Table)."""
    out = Text()
    for row in rows:
        for i, cell in enumerate(row):
            out.append_text(cell)
            if i < len(row) - 1:
                out.append(" " * max(1, widths[i] - cell.cell_len + 1))
        out.append("\n")
    out.rstrip()
    return out


def show_map(content: Content, states: dict[str, RoomState], current: str | None,
             only: str | None = None) -> None:
    # The whole map is one Text, laid out and cut to the terminal's width here, printed
    # with soft_wrap so rich skips its per-line wrapping and cropping: 160 rows must
    # print as fast as `status`.
    from rich.cells import cell_len

    width = console.width
    out = Text()
    for dungeon in content.dungeons:
        if only and dungeon.id != only:
            continue
        rooms = content.rooms_of(dungeon)
        done = sum(states[r.id].door is Door.CLEARED for r in rooms)
        title, count = f"{dungeon.id} {dungeon.title}", f"  {done}/{len(rooms)} cleared"
        out.append(title, "room")
        out.append(count, "muted")
        out.append(" " + "─" * max(0, width - cell_len(title + count) - 1) + "\n", "cyan")
        rows = []
        for room in rooms:
            st = states[room.id]
            marks = [("  ☠ boss", "fail")] if room.id == dungeon.boss else []
            if room.id == current:
                marks.append(("  ◀ you are here", "room"))
            extra = f"needs {', '.join(st.missing)}" if st.door is Door.LOCKED else \
                (f"→ {', '.join(room.grants)}" if room.grants else "")
            name = cell_len(room.title) + sum(cell_len(m) for m, _ in marks)
            rows.append((room, st.door, marks, extra, name))
        name_width = max(r[4] for r in rows)
        room_for_extra = width - (6 + name_width + 1)
        for room, door, marks, extra, name in rows:
            symbol, style = _DOORS[door]
            out.append(symbol, style)
            out.append(" " * (3 - cell_len(symbol)))
            out.append(f"{room.number:>2} ", "muted")
            out.append(room.title, door.value)
            for mark, mark_style in marks:
                out.append(mark, mark_style)
            if extra:
                if cell_len(extra) > room_for_extra:
                    extra = extra[:max(0, room_for_extra - 1)] + "…"
                out.append(" " * (name_width - name + 1))
                out.append(extra, "muted")
            out.append("\n")
    out.append(f"{DONE} cleared   {OPEN} open   {LOCK} locked (needs a tool)", "muted")
    console.print(out, soft_wrap=True)


def show_inventory(found: Sequence[str], hidden: dict[str, Room | None],
                   techniques: dict[str, Technique], xp: int, level: int) -> None:
    console.print(Rule(Text(f"inventory · {len(found)} tools · level {level} · {xp} XP",
                            "tool"), align="left", style="magenta"))
    rows = []
    for tool in found:
        t = techniques.get(tool)
        rows.append([Text(tool, "tool"), inline_markdown(t.summary) if t else Text("")])
    for tool, where in hidden.items():
        place = f"found in {where.dungeon_id} · {where.title}" if where else "not in a room yet"
        rows.append([Text("?" * max(3, len(tool) // 2), "locked"), Text(place, "muted")])
    width = max((r[0].cell_len for r in rows), default=4)
    console.print(_columns(rows, [width, 0]), overflow="ellipsis", no_wrap=True)
    console.print(Text("`arena tool NAME` opens a tool's page.", style="muted"))


def show_technique(tech: Technique, found: bool, granted_by: Sequence[Room],
                   used_in: Sequence[Room], solves: Sequence[SubProblem]) -> None:
    where = ", ".join(f"{r.dungeon_id} {r.title}" for r in granted_by) or "no room yet"
    if not found:
        console.print(Panel(Group(Text("???  A tool you have not found yet.", style="locked"),
                                  Text(f"Found in: {where}", style="muted")),
                            title=f"[locked]{'?' * max(3, len(tech.id) // 2)}[/]",
                            border_style="grey50"))
        return
    # Plain styled text, not Markdown/pygments: a page must open as fast as `status`.
    parts: list = [Text(tech.summary, style="bold")]
    for para in (p for p in tech.idea.split("\n\n") if p.strip()):
        parts.extend([Text(""), inline_markdown(para)])
    for i, ex in enumerate(tech.examples, 1):
        parts.append(Rule(f"example {i}", style="muted"))
        parts.append(Text(ex.code.rstrip(), style="cyan"))
        if ex.output.strip():
            parts.append(Text("prints:", style="muted italic"))
            parts.append(Text(ex.output.rstrip(), style="muted"))
    if tech.pitfalls:
        parts.append(Rule("pitfalls", style="muted"))
        parts.extend(Text(f"• {p}") for p in tech.pitfalls)
    parts.append(Rule(style="muted"))
    parts.append(Text("found in: ", style="muted") + Text(where))
    if used_in:
        parts.append(Text("used in: ", style="muted")
                     + Text(", ".join(f"{r.title}" for r in used_in[:12])))
    if solves:
        parts.append(Text("solves: ", style="muted")
                     + Text(", ".join(f"{s.name} ({s.id})" for s in solves)))
    if tech.see_also:
        parts.append(Text("see also: ", style="muted") + Text(", ".join(tech.see_also),
                                                             style="tool"))
    console.print(Panel(Group(*parts), title=f"[tool]{tech.name}[/]", title_align="left",
                        border_style="magenta"))


def show_subproblem(sub: SubProblem, techniques: Sequence[tuple[str, bool]],
                    rooms: Sequence[Room]) -> None:
    parts: list = [Text(sub.summary, style="bold")]
    tools = Text("solved by: ", style="muted")
    for i, (tool, found) in enumerate(techniques):
        tools.append(("" if i == 0 else ", ") + tool, style="tool" if found else "locked")
    if not all(found for _, found in techniques):
        tools.append("   (grey: not in your inventory yet)", style="muted")
    parts.append(tools)
    if sub.example.strip():
        parts.append(Syntax(sub.example.rstrip(), "python"))
    if rooms:
        parts.append(Text("rooms: ", style="muted")
                     + Text(", ".join(f"{r.dungeon_id} {r.title}" for r in rooms)))
    console.print(Panel(Group(*parts), title=f"sub-problem · {sub.name}", title_align="left",
                        border_style="blue"))


def show_codex(techniques: Sequence[tuple[Technique, bool]],
               subproblems: Sequence[SubProblem]) -> None:
    from rich import box
    from rich.table import Table

    t = Table(box=box.SIMPLE_HEAD, show_edge=False, title="techniques", title_justify="left")
    t.add_column("tool", style="tool", no_wrap=True)
    t.add_column("summary")
    for tech, found in techniques:
        t.add_row(tech.id if found else Text(tech.id, style="locked"),
                  tech.summary if found else Text("not found yet", style="muted"))
    s = Table(box=box.SIMPLE_HEAD, show_edge=False, title="sub-problems", title_justify="left")
    s.add_column("problem", no_wrap=True)
    s.add_column("solved by", style="muted")
    for sub in subproblems:
        s.add_row(sub.id, ", ".join(sub.techniques))
    console.print(t)
    console.print(s)
    console.print(Text("`arena tool NAME` or `arena problem NAME` opens a page.", style="muted"))


def show_status(line: str) -> None:
    console.print(line)


# ---------------------------------------------------------------- pictures and curves


def _plain_terminal() -> bool:
    return os.environ.get("TERM") == "dumb" or console.color_system is None


def show_picture(pic: Picture) -> None:
    """Half-block pixels with colour (two pixel rows per line); shades for dumb terminals."""
    rows = pic.pixels
    h = len(rows)
    w = len(rows[0]) // pic.channels if rows else 0
    if pic.caption:
        console.print(Text(pic.caption, style="muted"))

    def px(y: int, x: int) -> tuple[int, int, int]:
        if y >= h:
            return (0, 0, 0)
        c = pic.channels
        vals = rows[y][x * c:(x + 1) * c]
        if c == 1:
            v = int(vals[0] * 255)
            return (v, v, v)
        return tuple(int(v * 255) for v in vals)  # type: ignore[return-value]

    if _plain_terminal():
        shades = " .:-=+*#%@"
        for y in range(0, h, 2):
            line = ""
            for x in range(w):
                r, g, b = px(y, x)
                line += shades[min(9, int((r + g + b) / 3 / 256 * 10))]
            console.print(line)
        return
    for y in range(0, h, 2):
        line = Text()
        for x in range(w):
            top, bottom = px(y, x), px(y + 1, x)
            line.append("▀", style=f"rgb({top[0]},{top[1]},{top[2]}) on "
                                   f"rgb({bottom[0]},{bottom[1]},{bottom[2]})")
        console.print(line)


def show_curve(title: str, values: Sequence[float], height: int = 8, width: int = 60) -> None:
    """A small line chart of `values` (e.g. the loss per step) in block characters."""
    if not values:
        return
    n = len(values)
    cols = [values[min(n - 1, int(i * n / width))] for i in range(min(width, n))]
    lo, hi = min(cols), max(cols)
    span = (hi - lo) or 1.0
    levels = [int((v - lo) / span * (height * 8 - 1)) for v in cols]
    blocks = " ▁▂▃▄▅▆▇█"
    lines = []
    for row in range(height - 1, -1, -1):
        s = ""
        for lv in levels:
            fill = lv - row * 8
            s += "█" if fill >= 8 else blocks[max(0, fill + 1)] if fill >= 0 else " "
        label = f"{hi:.3g}" if row == height - 1 else f"{lo:.3g}" if row == 0 else ""
        lines.append(Text(label.rjust(8) + " │", style="muted") + Text(s, style="cyan"))
    console.print(Panel(Group(*lines, Text(" " * 9 + "└" + "─" * len(cols), style="muted"),
                              Text(f"{n} steps, from {values[0]:.4g} to {values[-1]:.4g}",
                                   style="muted")),
                        title=title, title_align="left", border_style="cyan", expand=False))


# ---------------------------------------------------------------- dev check


@contextlib.contextmanager
def dev_progress(total: int) -> Iterator[callable]:  # type: ignore[valid-type]
    bar = _progress_bar("checking rooms")
    with bar:
        task = bar.add_task("rooms", total=total)
        yield lambda: bar.advance(task)


def show_dev_check(rows: Sequence[tuple[str, str, str, list[str]]], seconds: float) -> None:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column("", width=1)
    table.add_column("room", style="bold")
    table.add_column("stub")
    table.add_column("solution")
    bad = 0
    for room_id, stub, sol, problems in rows:
        ok = not problems
        bad += not ok
        table.add_row(Text(PASS if ok else FAIL, "pass" if ok else "fail"), room_id, stub, sol)
        for p in problems:
            table.add_row("", Text(f"  {p}", style="fail"), "", "")
    console.print(table)
    style = "pass" if not bad else "fail"
    console.print(Text(f"{len(rows) - bad}/{len(rows)} rooms ok", style=style)
                  + Text(f"   ({seconds:.1f} s)", style="muted"))
