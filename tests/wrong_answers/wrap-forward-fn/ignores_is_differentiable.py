"""Wrong: never looks at is_differentiable."""

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
def wrap_forward_fn(numpy_func: Callable, is_differentiable: bool = True) -> Callable:
    """Return tensor_func(*args, **kwargs) -> Tensor that calls numpy_func on the arrays.

    In tensor_func: each Tensor argument becomes its .array (other arguments unchanged);
    out = Tensor(numpy_func(*arrays, **kwargs)); out.requires_grad is
    grad_tracking_enabled and is_differentiable and any Tensor argument requires grad;
    only then out.recipe = Recipe(numpy_func, arrays, kwargs, {position: Tensor}).

    Example: log = wrap_forward_fn(np.log); log(Tensor([1.0], requires_grad=True)).
    """

    def tensor_func(*args: Any, **kwargs: Any) -> Tensor:
        arrays = tuple(a.array if isinstance(a, Tensor) else a for a in args)
        requires_grad = grad_tracking_enabled and any(
            isinstance(a, Tensor) and a.requires_grad for a in args)
        out = Tensor(numpy_func(*arrays, **kwargs), requires_grad=requires_grad)
        if requires_grad:
            parents = {i: a for i, a in enumerate(args) if isinstance(a, Tensor)}
            out.recipe = Recipe(numpy_func, arrays, kwargs, parents)
        return out

    return tensor_func
