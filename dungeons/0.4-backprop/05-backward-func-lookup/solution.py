"""Reference solution: BackwardFuncLookup."""

from collections.abc import Callable


class BackwardFuncLookup:
    def __init__(self) -> None:
        """Start with no registered backward functions (each instance has its own)."""
        self.back_funcs: dict[tuple[Callable, int], Callable] = {}

    def add_back_func(self, forward_fn: Callable, arg_position: int,
                      back_fn: Callable) -> None:
        """Register back_fn as the backward function of forward_fn wrt argument arg_position."""
        self.back_funcs[(forward_fn, arg_position)] = back_fn

    def get_back_func(self, forward_fn: Callable, arg_position: int) -> Callable:
        """Return the registered back_fn (the same object); KeyError if never registered."""
        return self.back_funcs[(forward_fn, arg_position)]
