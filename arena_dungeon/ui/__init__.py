"""Every pixel of output, by what it draws: the only package that imports rich.

- `console`: the consoles, theme, symbols; `error`, `warn`, `info`.
- `checks`: grading progress, the verdict table, the first failure, a clear.
- `pages`: a room's brief, hints, the solution, technique and sub-problem pages.
- `maps`: the map, inventory, codex and status line.
- `pictures`: the grader's pictures and curves in the terminal.

Each function takes a record from `arena_dungeon.session` (or the grader) and prints it.
`ui.show_map` and the rest load their module on first use, so a command pays only for
what it draws.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from arena_dungeon.ui.checks import (
        dev_progress,
        grading_status,
        rooms_progress,
        show_checked,
        show_dev_check,
        show_drill,
        show_drill_checked,
        show_result,
        show_saved,
    )
    from arena_dungeon.ui.console import console, error, info, warn
    from arena_dungeon.ui.maps import (
        show_codex,
        show_grader,
        show_inventory,
        show_map,
        show_stats,
        show_status,
    )
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

_MODULE_OF = {
    "console": "console", "error": "console", "info": "console", "warn": "console",
    "dev_progress": "checks", "grading_status": "checks", "rooms_progress": "checks", "show_checked": "checks",
    "show_dev_check": "checks", "show_result": "checks", "show_drill": "checks",
    "show_drill_checked": "checks", "show_saved": "checks",
    "show_codex": "maps", "show_grader": "maps", "show_inventory": "maps", "show_map": "maps", "show_status": "maps",
    "show_stats": "maps",
    "show_entered": "pages", "show_exported": "pages", "show_hint": "pages",
    "show_reset": "pages", "show_solution": "pages", "show_subproblem": "pages",
    "show_technique": "pages", "show_curve": "pictures", "show_picture": "pictures",
}
__all__ = ["console", "dev_progress", "error", "grading_status", "info", "rooms_progress",
           "show_checked",
           "show_codex", "show_curve", "show_drill", "show_drill_checked", "show_grader", "show_dev_check", "show_entered", "show_exported",
           "show_hint", "show_inventory", "show_map", "show_picture", "show_reset",
           "show_result", "show_saved", "show_solution", "show_stats", "show_status", "show_subproblem",
           "show_technique", "warn"]


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
