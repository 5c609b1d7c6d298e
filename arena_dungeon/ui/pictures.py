"""Terminal pictures: the grader's images as half-block pixels, and line charts of curves."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from arena_dungeon.ui.console import IN_NOTEBOOK, console, plain_terminal

if TYPE_CHECKING:
    from arena_dungeon.grading.report import Picture

RGB = tuple[int, int, int]


def show_picture(pic: Picture) -> None:
    """Half-block pixels with colour (two pixel rows per line); shades for dumb terminals."""
    rows = pic.pixels
    h = len(rows)
    w = len(rows[0]) // pic.channels if rows else 0
    if pic.caption:
        console.print(Text(pic.caption, style="muted"))
    if IN_NOTEBOOK:  # a notebook shows the picture itself
        from IPython.display import Image, display

        from arena_dungeon.pictures import png_bytes

        display(Image(data=png_bytes(pic, scale=max(1, min(8, 256 // max(w, h, 1))))))
        return

    def px(y: int, x: int) -> RGB:
        if y >= h:
            return (0, 0, 0)
        c = pic.channels
        vals = rows[y][x * c:(x + 1) * c]
        if c == 1:
            v = int(vals[0] * 255)
            return (v, v, v)
        return (int(vals[0] * 255), int(vals[1] * 255), int(vals[2] * 255))

    if plain_terminal() and pic.signed:  # blue above zero, red below: say it with signs
        above, below = " .+*#", " '-=%"
        for y in range(0, h, 2):
            line = ""
            for x in range(w):
                r, _, b = px(y, x)
                strength = min(4, int(abs(b - r) / 256 * 5 + 0.5))
                line += (above if b > r else below)[strength]
            console.print(line)
        console.print(Text("(no colour: + * # above zero, - = % below; more ink, further "
                           "from zero)", style="muted"))
        return
    if plain_terminal():
        shades = " .:-=+*#%@"
        for y in range(0, h, 2):
            line = ""
            for x in range(w):
                r, g, b = px(y, x)
                line += shades[min(9, int((r + g + b) / 3 / 256 * 10))]
            console.print(line)
        return
    for y in range(0, h, 2):
        text = Text()
        for x in range(w):
            top, bottom = px(y, x), px(y + 1, x)
            text.append("▀", style=f"rgb({top[0]},{top[1]},{top[2]}) on "
                                   f"rgb({bottom[0]},{bottom[1]},{bottom[2]})")
        console.print(text)


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
