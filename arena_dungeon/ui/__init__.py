"""Every pixel of output, by what it draws: the only package that imports rich.

- `console`: the consoles, theme, symbols; `error`, `warn`, `info`.
- `checks`: grading progress, the verdict table, the first failure, a clear.
- `pages`: a room's brief, hints, the solution, technique and sub-problem pages.
- `maps`: the map, inventory, codex and status line.
- `pictures`: the grader's pictures and curves in the terminal.

Each function takes a record from `arena_dungeon.session` (or the grader) and prints it.
"""

from __future__ import annotations

from arena_dungeon.ui.checks import (
    dev_progress,
    grading_status,
    show_checked,
    show_dev_check,
    show_result,
    show_saved,
)
from arena_dungeon.ui.console import console, error, info, warn
from arena_dungeon.ui.maps import show_codex, show_inventory, show_map, show_status
from arena_dungeon.ui.pages import (
    show_entered,
    show_exported,
    show_hint,
    show_reset,
    show_solution,
    show_subproblem,
    show_technique,
)
from arena_dungeon.ui.pictures import show_curve, show_picture

__all__ = ["console", "dev_progress", "error", "grading_status", "info", "show_checked",
           "show_codex", "show_curve", "show_dev_check", "show_entered", "show_exported",
           "show_hint", "show_inventory", "show_map", "show_picture", "show_reset",
           "show_result", "show_saved", "show_solution", "show_status", "show_subproblem",
           "show_technique", "warn"]
