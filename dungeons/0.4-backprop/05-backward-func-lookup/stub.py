"""Room: A registry of backward functions.

Store and fetch back functions keyed by (forward function, argument position).
"""

from collections.abc import Callable


class BackwardFuncLookup:
    def __init__(self) -> None:
        """Start with no registered backward functions (each instance has its own)."""
        raise NotImplementedError

    def add_back_func(self, forward_fn: Callable, arg_position: int,
                      back_fn: Callable) -> None:
        """Register back_fn as the backward function of forward_fn wrt argument arg_position."""
        raise NotImplementedError

    def get_back_func(self, forward_fn: Callable, arg_position: int) -> Callable:
        """Return the registered back_fn (the same object); KeyError if never registered."""
        raise NotImplementedError
