"""Where the player stands: the map, the inventory, the codex and the status line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.rule import Rule
from rich.text import Text

from arena_dungeon.game import Door
from arena_dungeon.ui.console import DONE, LOCK, OPEN, console, info, inline_markdown

if TYPE_CHECKING:
    from arena_dungeon.content import Room
    from arena_dungeon.grading.daemon import Status as GraderStatus
    from arena_dungeon.session import Codex, Inventory, Launcher, MapView, Stats, Status

_DOORS = {Door.CLEARED: (DONE, "cleared"), Door.LOCKED: (LOCK, ""), Door.OPEN: (OPEN, "open")}


def _columns(rows: Sequence[Sequence[Text]], widths: Sequence[int],
             width: int | None = None) -> Text:
    """Rows of cells as one Text, each cell padded to its width (cheaper than a Table); with
    `width`, the last cell wraps between words under itself instead of being cut."""
    out = Text()
    for row in rows:
        indent = 0
        for i, cell in enumerate(row):
            if i == len(row) - 1 and width is not None and indent + cell.cell_len > width:
                lines = cell.wrap(console, max(20, width - indent))
                for j, line in enumerate(lines):
                    out.append_text(line if j == 0 else Text(" " * indent) + line)
                    if j < len(lines) - 1:
                        out.append("\n")
                continue
            out.append_text(cell)
            if i < len(row) - 1:
                pad = max(1, widths[i] - cell.cell_len + 1)
                out.append(" " * pad)
                indent += cell.cell_len + pad
        out.append("\n")
    out.rstrip()
    return out


def show_map(view: MapView) -> None:
    # The whole map is one Text, laid out and cut to the terminal's width here, printed
    # with soft_wrap so rich skips its per-line wrapping and cropping: 160 rows must
    # print as fast as `status`.
    from rich.cells import cell_len

    width = console.width
    out = Text()
    for part in view.dungeons:
        dungeon, states = part.dungeon, part.rooms
        done = sum(st.door is Door.CLEARED for st in states)
        title, count = f"{dungeon.id} {dungeon.title}", f"  {done}/{len(states)} cleared"
        out.append(title, "room")
        out.append(count, "muted")
        out.append(" " + "─" * max(0, width - cell_len(title + count) - 1) + "\n", "cyan")
        rows: list[tuple[Room, Door, list[tuple[str, str]], str, int]] = []
        for st in states:
            room = st.room
            marks = [("  ☠ boss", "fail")] if room.id == dungeon.boss else []
            if room.id == view.current:
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
            if extra and cell_len(extra) <= room_for_extra:
                out.append(" " * (name_width - name + 1))
                out.append(extra, "muted")
            elif extra:  # on its own lines under the room, wrapped between words, never cut
                import textwrap

                for line in textwrap.wrap(extra, max(20, width - 8)):
                    out.append("\n      " + line, "muted")
            out.append("\n")
    out.append(f"{DONE} cleared   {OPEN} open   {LOCK} locked (needs a tool)", "muted")
    console.print(out, soft_wrap=True)


def _mastery_bar(score: float, label: str) -> Text:
    """Five cells of mastery, then its word: `▰▰▰▱▱ good  `."""
    full = round(score * 5)
    style = {"solid": "pass", "good": "cleared", "shaky": "warn"}.get(label, "fail")
    return Text("▰" * full, style) + Text("▱" * (5 - full), "muted") + \
        Text(f" {label:<8}", style)


def show_stats(stats: Stats) -> None:
    from rich import box
    from rich.table import Table

    if not any(d.checks or d.cleared for d in stats.dungeons):
        console.print(Text("No room played yet: `arena play` starts the first one.",
                           style="muted"))
        return
    t = Table(box=box.SIMPLE_HEAD, show_edge=False, title="dungeons", title_justify="left")
    for name in ("dungeon", "rooms", "checks", "hints", "peeks"):
        t.add_column(name, justify="left" if name == "dungeon" else "right")
    for d in stats.dungeons:
        if d.checks or d.cleared:
            t.add_row(f"{d.id} {d.title}", f"{d.cleared}/{d.rooms}", str(d.checks),
                      str(d.hints), str(d.peeks))
    console.print(t)
    if stats.tools:
        console.print(Text("mastery", style="bold"))
        width = max(len(m.tool) for m in stats.tools)
        for m in sorted(stats.tools, key=lambda m: m.score):
            line = Text(f"  {m.tool:<{width}}  ", "tool") + _mastery_bar(m.score, m.label)
            line.append(f"{m.rooms} room{'s' if m.rooms != 1 else ''}", "muted")
            if m.due:
                line.append("  review due", "warn")
            console.print(line)
    if stats.hardest:
        console.print(Text("hardest so far", style="bold"))
        for rid, title, checks, hints in stats.hardest:
            console.print(Text(f"  {title} ({rid}): {checks} checks, {hints} hints", "muted"))
    console.print(Text(f"streak: {stats.streak} day{'s' if stats.streak != 1 else ''} in a "
                       f"row · {stats.days} days practised", style="xp"))


def show_inventory(inv: Inventory) -> None:
    console.print(Rule(Text(f"inventory · {len(inv.found)} tools · level {inv.level} · "
                            f"{inv.xp} XP", "tool"), align="left", style="magenta"))
    rows = []
    for tool, page in inv.found.items():
        known = inv.mastery.get(tool)
        bar = _mastery_bar(known.score, known.label) if known else Text("")
        if known is not None and known.due:
            bar.append("review due ", "warn")
        rows.append([Text(tool, "tool"), bar + (inline_markdown(page.summary) if page
                                                 else Text(""))])
    for tool, where in inv.hidden.items():
        if tool in inv.lent:
            rows.append([Text(tool, "muted"),
                         Text(f"lent: opens doors; yours once you clear {where.dungeon_id} · "
                              f"{where.title}", "muted")])
            continue
        rows.append([Text("?" * max(3, len(tool) // 2), "locked"),
                     Text(f"found in {where.dungeon_id} · {where.title}", "muted")])
    width = max((r[0].cell_len for r in rows), default=4)
    console.print(_columns(rows, [width, 0], console.width), soft_wrap=True)
    console.print(Text("`arena tool NAME` opens a tool's page.", style="muted"))


def show_codex(codex: Codex) -> None:
    from rich import box
    from rich.table import Table

    t = Table(box=box.SIMPLE_HEAD, show_edge=False, title="techniques", title_justify="left")
    t.add_column("tool", style="tool", no_wrap=True)
    t.add_column("summary")
    # A tool not found yet keeps its name to itself (as in the inventory): only where it is.
    found = [tech for tech in codex.techniques if tech.id in codex.found]
    for tech in found:
        t.add_row(tech.id, tech.summary)
    order = {tool: i for i, tool in enumerate(codex.found_in)}  # play order of the dungeons
    hidden = sorted((tech for tech in codex.techniques if tech.id not in codex.found),
                    key=lambda tech: order.get(tech.id, len(order)))
    for tech in hidden:
        where = codex.found_in.get(tech.id)
        t.add_row(Text("???", style="locked"),
                  Text(f"not found yet (a room of {where} gives it)" if where else
                       "not found yet", style="muted"))
    s = Table(box=box.SIMPLE_HEAD, show_edge=False, title="sub-problems", title_justify="left")
    s.add_column("problem", no_wrap=True)
    s.add_column("solved by", style="muted")
    for sub in codex.subproblems:
        s.add_row(sub.id, ", ".join(tool if tool in codex.found else "???"
                                    for tool in sub.techniques))
    console.print(t)
    console.print(s)
    console.print(Text("`arena tool NAME` or `arena problem NAME` opens a page.", style="muted"))


def show_status(status: Status) -> None:
    where = f"no room yet (arena play {status.first_dungeon_id})"
    if status.room is not None and status.dungeon is not None:
        d, room = status.dungeon, status.room
        mark = " ✓" if status.room_cleared else ""
        where = f"{d.id} {d.title} · room {room.number}/{len(d.rooms)} {room.title}{mark}"
    console.print(f"{where} · {status.cleared}/{status.rooms} rooms · {status.tools} tools · "
                  f"{status.xp} XP (level {status.level})")


def show_grader(status: GraderStatus, launcher: Launcher | None = None) -> None:
    """`arena daemon status`: a line about the workspace's warm grader, one about the
    command launcher."""
    import time

    if not status.running:
        info("no warm grader is running; the next `arena check` starts one")
    else:
        since = time.strftime("%H:%M", time.localtime(status.started)) if status.started \
            else "?"
        last = (time.strftime("%H:%M", time.localtime(status.last_job)) if status.last_job
                else "none yet")
        info(f"warm grader running (pid {status.pid}) since {since}: {status.jobs} checks, "
             f"last {last}; it exits after 15 idle minutes (`arena daemon stop` ends it now)")
    if launcher is None:
        info("no command launcher is running; the next command starts one")
    else:
        since = time.strftime("%H:%M", time.localtime(launcher.started))
        info(f"command launcher running (pid {launcher.pid}) since {since}: "
             f"{launcher.commands} commands started from it; it exits after 15 idle minutes")
