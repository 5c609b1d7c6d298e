"""The consoles, the game's colours and symbols, and the small pieces every page uses."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text
from rich.theme import Theme

if TYPE_CHECKING:
    from rich.markdown import Markdown as RichMarkdown
    from rich.progress import Progress
    from rich.syntax import Syntax as RichSyntax

# Theme: the game's colours in one place.
THEME = Theme({
    "pass": "bold green", "fail": "bold red", "warn": "yellow", "muted": "grey58",
    "room": "bold cyan", "tool": "bold magenta", "xp": "bold yellow", "path": "underline cyan",
    "locked": "grey50", "open": "bold white", "cleared": "green", "difficulty": "red",
    "importance": "blue", "code": "bold white on grey15",
})
PASS, FAIL, LOCK, OPEN, DONE = "✓", "✗", "🔒", "▶", "✓"



def _in_notebook() -> bool:
    """Running in a Jupyter or Colab kernel (IPython already imported: never imported here)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    kind = type(shell)
    return shell is not None and (kind.__name__ == "ZMQInteractiveShell"
                                  or "google.colab" in kind.__module__)


class NotebookConsole(Console):
    """The console in a notebook: each print becomes one display of HTML (with the game's
    colours) and plain text, so a saved notebook holds no terminal escape codes."""

    def __init__(self, **kwargs: Any) -> None:
        columns = os.environ.get("JUPYTER_COLUMNS", "")
        super().__init__(file=io.StringIO(), record=True, force_terminal=True,
                         force_jupyter=False, color_system="truecolor",
                         width=int(columns) if columns.isdigit() else 100, **kwargs)

    def print(self, *objects: Any, **kwargs: Any) -> None:
        from IPython.display import display

        super().print(*objects, **kwargs)
        text = self.export_text(clear=False)
        html = self.export_html(inline_styles=True, clear=True, code_format=_NOTEBOOK_PRE)
        self.file = io.StringIO()  # drop the escape codes written meanwhile
        if text.strip():  # (a blank line that spaces out a terminal's output shows nothing)
            display({"text/plain": text.rstrip("\n"), "text/html": html}, raw=True)


_NOTEBOOK_PRE = ('<pre style="white-space:pre;overflow-x:auto;line-height:1.25;font-family:'
                 'Menlo,\'DejaVu Sans Mono\',consolas,\'Courier New\',monospace">{code}</pre>')

# Prose reads best in a column: in a terminal wider than this, pages keep to this width
# (COLUMNS, when set, is taken as asked).
MAX_WIDTH = 100


def _fit(terminal: Console) -> Console:
    if "COLUMNS" not in os.environ and terminal.width > MAX_WIDTH:
        terminal.width = MAX_WIDTH
    return terminal


IN_NOTEBOOK = _in_notebook()
if IN_NOTEBOOK:
    console: Console = NotebookConsole(theme=THEME, highlight=False)
    err_console: Console = console
else:
    console = _fit(Console(theme=THEME, highlight=False))
    err_console = _fit(Console(theme=THEME, stderr=True, highlight=False))


def reset() -> None:
    """Build the consoles again for this process's terminal and environment (colours,
    NO_COLOR, TERM): the launcher's forked child becomes the command of another terminal."""
    if not IN_NOTEBOOK:
        Console.__init__(console, theme=THEME, highlight=False)
        Console.__init__(err_console, theme=THEME, stderr=True, highlight=False)
        _fit(console)
        _fit(err_console)


def preload() -> None:
    """Import what pages import lazily (markdown, syntax): for the launcher, which forks
    every command from one process (arena_dungeon/launcher.py)."""
    import rich.markdown  # noqa: F401
    import rich.syntax  # noqa: F401


def Markdown(text: str) -> RichMarkdown:  # noqa: N802 - stands in for rich's class
    """Rich Markdown, imported lazily: markdown-it costs ~0.1 s that most commands never need."""
    from rich.markdown import Markdown as _Markdown

    return _Markdown(text)


def Syntax(code: str, lexer: str, **kwargs: Any) -> RichSyntax:  # noqa: N802
    """Rich Syntax (pygments), imported lazily; long lines wrap (at 80 columns a line of
    code is never cut)."""
    from rich.syntax import Syntax as _Syntax

    kwargs.setdefault("word_wrap", True)
    return _Syntax(code, lexer, **kwargs)


def syntax_from_path(path: Path, **kwargs: Any) -> RichSyntax:
    from rich.syntax import Syntax as _Syntax

    kwargs.setdefault("word_wrap", True)
    return _Syntax.from_path(str(path), **kwargs)


def progress_bar(label: str, transient: bool = True) -> Progress:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    # "3/?" while the number of cases is not known yet (rather than "3/0" or "0/None").
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console, transient=transient)


def plain_terminal() -> bool:
    """No colours to draw with: a dumb terminal, a pipe, or NO_COLOR (no-color.org), under
    which colour-only pictures would be solid blocks. FORCE_COLOR is rich's to honour."""
    return os.environ.get("TERM") == "dumb" or console.color_system is None or console.no_color


def dots(n: int, style: str, total: int = 5) -> Text:
    return Text("●" * n, style=style) + Text("○" * (total - n), style="muted")


def link(path: Path) -> Text:
    """A clickable file path where the terminal supports links, spelled from the current
    folder when it is inside it (`arena-workspace/0.1-ray-tracing/02_make_rays_1d.py`),
    else from the home folder (`~/...`): short enough not to wrap mid-name at 80 columns."""
    full = path.resolve()
    try:
        shown = str(full.relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        home = Path.home()
        shown = "~/" + str(full.relative_to(home)) if full.is_relative_to(home) else str(full)
    return Text(shown, style=f"path link file://{full}")


def inline_markdown(text: str) -> Text:
    """`code` and **bold** spans as styled Text: enough for hints, without markdown-it."""
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


def error(message: str, hint: str = "") -> None:
    err_console.print(Text("error: ", style="fail") + Text(message))
    if hint:
        err_console.print(Text(hint, style="muted"))


def warn(message: str) -> None:
    err_console.print(Text("warning: ", style="warn") + Text(message))


def info(message: str) -> None:
    """A line with console markup (`[muted]...[/]`)."""
    console.print(message)
