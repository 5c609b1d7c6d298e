"""arena-dungeon: the ARENA curriculum as a terminal dungeon."""

__version__ = "0.1.0"


def load_ipython_extension(ipython: object) -> None:
    """`%load_ext arena_dungeon` in Jupyter or Colab (see arena_dungeon/notebook.py)."""
    from arena_dungeon.notebook import load_ipython_extension as load

    load(ipython)
