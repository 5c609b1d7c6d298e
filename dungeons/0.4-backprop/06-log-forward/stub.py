"""Room: Record the recipe: log_forward.

Compute np.log on a Tensor's array and, when gradients are tracked, record how the
result was made.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

# ---- given ------------------------------------------------------------------------------
Arr = np.ndarray

grad_tracking_enabled = True  # the switch that turns recording on and off (read it, don't set it)


@dataclass(frozen=True)
class Recipe:
    """How a tensor was made: its array is `func(*args, **kwargs)`."""

    func: Callable                 # the numpy function that made it, e.g. np.log
    args: tuple                    # its positional arguments, as arrays or numbers (no Tensors)
    kwargs: dict[str, Any]         # its keyword arguments
    parents: dict[int, "Tensor"]   # argument position -> the Tensor passed there


class Tensor:
    """A numpy array that can remember how it was made."""

    def __init__(self, array: Arr | list | float, requires_grad: bool = False):
        self.array = array if isinstance(array, Arr) else np.array(array)
        if self.array.dtype == np.float64:
            self.array = self.array.astype(np.float32)
        self.requires_grad = requires_grad
        self.grad: Tensor | None = None
        self.recipe: Recipe | None = None

    @property
    def is_leaf(self) -> bool:
        """A leaf was not made by a recorded operation from other tensors."""
        return not (self.requires_grad and self.recipe is not None and self.recipe.parents)

    def __repr__(self) -> str:
        return f"Tensor({self.array.tolist()}, requires_grad={self.requires_grad})"


# ---- yours ------------------------------------------------------------------------------
def log_forward(x: Tensor) -> Tensor:
    """Return a new Tensor holding np.log(x.array).

    Its requires_grad is True only if grad_tracking_enabled and x.requires_grad.
    Only then give it a Recipe: func=np.log, args=(x.array,), kwargs={}, parents={0: x}.
    Otherwise its recipe stays None.
    """
    raise NotImplementedError
