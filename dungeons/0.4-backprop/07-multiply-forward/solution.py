"""Reference solution: multiply_forward."""

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
def multiply_forward(a: Tensor | int | float, b: Tensor | int | float) -> Tensor:
    """Return a new Tensor holding a * b (numpy broadcasting); at least one is a Tensor.

    requires_grad: grad_tracking_enabled and at least one Tensor argument requires grad.
    Only then a Recipe: func=np.multiply, args=(what numpy multiplied: arrays or numbers),
    kwargs={}, parents={position: Tensor} for every position that holds a Tensor.
    """
    assert isinstance(a, Tensor) or isinstance(b, Tensor)
    args = tuple(v.array if isinstance(v, Tensor) else v for v in (a, b))
    requires_grad = grad_tracking_enabled and any(
        isinstance(v, Tensor) and v.requires_grad for v in (a, b))
    out = Tensor(np.multiply(*args), requires_grad=requires_grad)
    if requires_grad:
        parents = {i: v for i, v in enumerate((a, b)) if isinstance(v, Tensor)}
        out.recipe = Recipe(func=np.multiply, args=args, kwargs={}, parents=parents)
    return out
