"""Pages: a room's brief, hints, the reference solution, technique and sub-problem pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text

from arena_dungeon.ui.console import Markdown, Syntax, console, dots, inline_markdown, link

if TYPE_CHECKING:
    from arena_dungeon.content import Dungeon, Room
    from arena_dungeon.session import (
        Entered,
        Exported,
        HintShown,
        ResetDone,
        Solution,
        SubproblemPage,
        TechniquePage,
    )


def room_header(dungeon: Dungeon, room: Room) -> Panel:
    meta = Text.assemble(
        ("difficulty ", "muted"), dots(room.difficulty, "difficulty"),
        ("   importance ", "muted"), dots(room.importance, "importance"),
        (f"   ~{room.minutes} min", "muted"),
    )
    lines = [meta]
    if room.grants:
        lines.append(Text("tools here: ", style="muted") +
                     Text(", ".join(room.grants), style="tool"))
    title = f"{dungeon.id} {dungeon.title} · room {room.number}/{len(dungeon.rooms)} · {room.title}"
    if len(title) > console.width - 6:  # a title the border would cut: the room's on a line
        title = f"{dungeon.id} {dungeon.title} · room {room.number}/{len(dungeon.rooms)}"
        lines.insert(0, Text(room.title, style="room"))
    return Panel(Group(*lines), title=Text(title, style="room"), title_align="left",
                 border_style="cyan")


def show_entered(entered: Entered) -> None:
    """A room just entered: the dungeon's intro on a first visit, the brief, the file."""
    if entered.first_visit_of_dungeon:
        show_dungeon_intro(entered.dungeon)
    if entered.lent_now:
        console.print(Text(f"Starting at {entered.dungeon.id}: the tools its doors need from "
                           f"earlier dungeons are lent to you ({', '.join(entered.lent_now)}). "
                           "They open doors but are not yours: clear the rooms that grant "
                           "them (`arena inventory` says where) to own them.", style="muted"))
    room = entered.room
    console.print(room_header(entered.dungeon, room))
    console.print(Markdown(room.brief))
    console.print()
    verb = "Your file (new):" if entered.written else "Your file:"
    console.print(Text(f"{verb} ", style="muted") + link(entered.path))
    if entered.cleared:
        console.print(Text("Already cleared: replay it, or `arena play` for the next room.",
                           style="cleared"))
    console.print(Text("Next: edit the file, then `arena check` (or `arena watch`). "
                       "Stuck? `arena hint`.", style="muted"))


def show_dungeon_intro(dungeon: Dungeon) -> None:
    from rich import box

    console.print(Panel(Markdown(dungeon.intro), title=f"[room]{dungeon.id} · {dungeon.title}[/]",
                        border_style="cyan", box=box.DOUBLE))


def show_hint(shown: HintShown) -> None:
    console.print(Panel(inline_markdown(shown.text),
                        title=f"hint {shown.seen}/{shown.total} · {shown.room.title}",
                        title_align="left", border_style="yellow",
                        subtitle=f"XP for this room now {shown.xp_now}", subtitle_align="right"))


def show_solution(solution: Solution) -> None:
    console.print(Panel(Syntax(solution.source, "python", line_numbers=True),
                        title=f"reference solution · {solution.room.title}",
                        border_style="green"))


def show_reset(done: ResetDone) -> None:
    console.print(Text(f"{done.path} is the stub again."
                       + (f" Your attempt is saved as {done.backup}." if done.backup else "")))


def show_exported(done: Exported) -> None:
    if done.walkthrough:
        console.print(Text(f"📓 {done.dungeon.id} {done.dungeon.title}, walked through: ",
                           style="room") + link(done.path))
        console.print(Text(f"{done.rooms_open} cleared rooms of {done.rooms}: your solution, "
                           "the reference, the debrief and the pictures", style="muted"))
        if done.backup is not None:
            console.print(Text("The walkthrough that was there is kept in ", style="muted")
                          + link(done.backup))
        return
    console.print(Text(f"📓 {done.dungeon.id} {done.dungeon.title} as a notebook: ",
                       style="room") + link(done.path))
    locked = done.rooms - done.rooms_open
    console.print(Text(f"{done.rooms_open} of {done.rooms} rooms open"
                       + (f"; the {locked} locked ones say which tools their doors need"
                          if locked else ""), style="muted"))
    if done.backup is not None:
        console.print(Text("The notebook that was there is kept in ", style="muted")
                      + link(done.backup))
    console.print(Text(f"Open it with `jupyter lab {link(done.path).plain}` (or upload it to "
                       "Colab). A "
                       "room's code cell starts with `%%arena check <room>`: running it saves "
                       "the cell as your workspace file and grades it, like `arena check`.",
                       style="muted"))


def show_technique(page: TechniquePage) -> None:
    tech = page.technique
    where = ", ".join(f"{r.dungeon_id} {r.title}" for r in page.granted_by) or "no room yet"
    if not page.found:
        console.print(Panel(Group(Text("???  A tool you have not found yet.", style="locked"),
                                  Text(f"Found in: {where}", style="muted")),
                            title=f"[locked]{'?' * max(3, len(tech.id) // 2)}[/]",
                            border_style="grey50"))
        return
    # Plain styled text, not Markdown/pygments: a page must open as fast as `status`.
    parts: list[RenderableType] = [Text(tech.summary, style="bold")]
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
    if page.used_in:
        parts.append(Text("used in: ", style="muted")
                     + Text(", ".join(f"{r.title}" for r in page.used_in[:12])))
    if page.solves:
        parts.append(Text("solves: ", style="muted")
                     + Text(", ".join(f"{s.name} ({s.id})" for s in page.solves)))
    if tech.see_also:
        parts.append(Text("see also: ", style="muted") + Text(", ".join(tech.see_also),
                                                             style="tool"))
    console.print(Panel(Group(*parts), title=f"[tool]{tech.name}[/]", title_align="left",
                        border_style="magenta"))


def show_subproblem(page: SubproblemPage) -> None:
    sub = page.subproblem
    parts: list[RenderableType] = [Text(sub.summary, style="bold")]
    tools = Text("solved by: ", style="muted")
    for i, tool in enumerate(sub.techniques):
        tools.append(("" if i == 0 else ", ") + tool,
                     style="tool" if tool in page.found else "locked")
    if not all(tool in page.found for tool in sub.techniques):
        tools.append("   (grey: not in your inventory yet)", style="muted")
    parts.append(tools)
    if sub.example.strip():
        parts.append(Syntax(sub.example.rstrip(), "python"))
    if page.rooms:
        parts.append(Text("rooms: ", style="muted")
                     + Text(", ".join(f"{r.dungeon_id} {r.title}" for r in page.rooms)))
    console.print(Panel(Group(*parts), title=f"sub-problem · {sub.name}", title_align="left",
                        border_style="blue"))
