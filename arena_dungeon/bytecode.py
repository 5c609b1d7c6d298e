"""Keep this package's compiled bytecode on disk, so every command starts fast.

An editable install leaves no `.pyc` files beside the source, and where
PYTHONDONTWRITEBYTECODE is set (many Docker images and CI machines, this one included)
Python never writes them on import. Every `arena` command would then compile about
3,000 lines of source before doing anything: ~15 ms, a fifth of a `hint`. pip compiles
a regular install once at install time; `warm()` does the same for this package, and
only for files that are missing or stale, so calling it costs a few stat calls.
"""

from __future__ import annotations

from pathlib import Path


def warm() -> bool:
    """Compile this package's modules that lack fresh bytecode. False if it could not."""
    import compileall

    try:
        return bool(compileall.compile_dir(Path(__file__).parent, quiet=2))
    except OSError:  # a read-only install simply stays as it is
        return False
