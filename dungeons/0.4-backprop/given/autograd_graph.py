"""autograd_graph: the framework of rooms 1-9, everything `backprop` needs but itself.

GIVEN code: read it and import from it, but don't edit it (grading always uses the shipped
copy, whatever this file says). What is in it:

- `Tensor`: a numpy array (`.array`) plus `requires_grad`, `grad` and `recipe`; `*`, `+`
  and `.log()` go through the wrapped functions below. Hashed by identity (usable as a
  dict key). `t.backward()` needs `backprop`, which is yours to write: call `backprop(t)`.
- `Recipe`: how a tensor was made (`func`, `args`, `kwargs`, `parents`).
- `BACK_FUNCS`: the registry (forward numpy function, argument position) -> backward
  function, with `log`, `multiply` and `add` registered (`log_back`, `multiply_back0`, ...).
- `wrap_forward_fn`, and the wrapped `log`, `multiply`, `add`.
- `unbroadcast`, `topological_sort`, `sorted_computational_graph`.
- `grad_tracking_enabled`: the gradient-tracking switch (read it as
  `autograd_graph.grad_tracking_enabled`; a `from ... import` copies its value once).

backprop_core.py (rooms 18-23) builds on this module: same Tensor, same BACK_FUNCS, same
switch, plus backprop and many more operations.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

Arr = np.ndarray
grad_tracking_enabled = True  # backprop_core's `with NoGrad():` switches it off


@dataclass(frozen=True)
class Recipe:
    """How a tensor was made: its array is `func(*args, **kwargs)`."""

    func: Callable                 # the numpy function that made it, e.g. np.log
    args: tuple                    # its positional arguments, as arrays or numbers
    kwargs: dict[str, Any]         # its keyword arguments
    parents: dict[int, "Tensor"]   # argument position -> the Tensor passed there


class BackwardFuncLookup:
    """Registry: (forward numpy function, argument position) -> backward function."""

    def __init__(self) -> None:
        self.back_funcs: dict[tuple[Callable, int], Callable] = {}

    def add_back_func(self, forward_fn: Callable, arg_position: int, back_fn: Callable) -> None:
        self.back_funcs[(forward_fn, arg_position)] = back_fn

    def get_back_func(self, forward_fn: Callable, arg_position: int) -> Callable:
        return self.back_funcs[(forward_fn, arg_position)]


BACK_FUNCS = BackwardFuncLookup()


class Tensor:
    """A numpy array that remembers how it was made. Hashed by identity (usable as a dict key)."""

    def __init__(self, array: "Arr | list | float", requires_grad: bool = False):
        self.array = array if isinstance(array, np.ndarray) else np.array(array)
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

    def __hash__(self) -> int:
        return id(self)

    def __mul__(self, other): return multiply(self, other)
    def __rmul__(self, other): return multiply(other, self)
    def __add__(self, other): return add(self, other)
    def __radd__(self, other): return add(other, self)
    def log(self): return log(self)

    def backward(self, end_grad: "Arr | Tensor | None" = None) -> None:
        raise NotImplementedError("Tensor.backward() runs backprop, which is the function "
                                  "you write: call backprop(t, end_grad) instead")


def _array_of(x):
    return x.array if isinstance(x, Tensor) else x


def wrap_forward_fn(numpy_func: Callable, is_differentiable: bool = True) -> Callable:
    """Turn a numpy function into one on Tensors that records a Recipe when needed."""

    def tensor_func(*args: Any, **kwargs: Any) -> Tensor:
        arrays = tuple(_array_of(a) for a in args)
        out = Tensor(numpy_func(*arrays, **kwargs))
        tracked = any(isinstance(a, Tensor) and a.requires_grad for a in args)
        if grad_tracking_enabled and is_differentiable and tracked:
            out.requires_grad = True
            parents = {i: a for i, a in enumerate(args) if isinstance(a, Tensor)}
            out.recipe = Recipe(numpy_func, arrays, kwargs, parents)
        return out

    return tensor_func


def unbroadcast(broadcasted: Arr, original: "Arr | float") -> Arr:
    """Sum `broadcasted` back down to the shape of `original` (always a new array)."""
    shape = np.shape(original)
    extra = broadcasted.ndim - len(shape)
    out = broadcasted.sum(axis=tuple(range(extra))) if extra > 0 else broadcasted.copy()
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and out.shape[i] != 1)
    return out.sum(axis=stretched, keepdims=True) if stretched else out


def topological_sort(node: Any, get_children: Callable) -> list:
    """Nodes reachable from `node`, each after all its children (`node` comes last)."""
    order: list = []
    done: set[int] = set()
    in_progress: set[int] = set()
    stack = [(node, iter(get_children(node)))]
    in_progress.add(id(node))
    while stack:
        current, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            in_progress.discard(id(current))
            done.add(id(current))
            order.append(current)
        elif id(child) in in_progress:
            raise ValueError("the graph has a cycle")
        elif id(child) not in done:
            in_progress.add(id(child))
            stack.append((child, iter(get_children(child))))
    return order


def sorted_computational_graph(tensor: Tensor) -> list[Tensor]:
    """`tensor` first, then every tensor it was made from, each one before its parents."""

    def parents(t: Tensor) -> list[Tensor]:
        return [] if t.recipe is None else list(t.recipe.parents.values())

    return topological_sort(tensor, parents)[::-1]


# ---- log, multiply, add and their backward functions ------------------------------------

def log_back(grad_out: Arr, out: Arr, x: Arr) -> Arr:
    return grad_out / x


def multiply_back0(grad_out: Arr, out: Arr, x: Arr, y: "Arr | float") -> Arr:
    return unbroadcast(grad_out * y, x)


def multiply_back1(grad_out: Arr, out: Arr, x: "Arr | float", y: Arr) -> Arr:
    return unbroadcast(grad_out * x, y)


def add_back0(grad_out: Arr, out: Arr, x: Arr, y: "Arr | float") -> Arr:
    return unbroadcast(grad_out, x)


def add_back1(grad_out: Arr, out: Arr, x: "Arr | float", y: Arr) -> Arr:
    return unbroadcast(grad_out, y)


log = wrap_forward_fn(np.log)
multiply = wrap_forward_fn(np.multiply)
add = wrap_forward_fn(np.add)

BACK_FUNCS.add_back_func(np.log, 0, log_back)
BACK_FUNCS.add_back_func(np.multiply, 0, multiply_back0)
BACK_FUNCS.add_back_func(np.multiply, 1, multiply_back1)
BACK_FUNCS.add_back_func(np.add, 0, add_back0)
BACK_FUNCS.add_back_func(np.add, 1, add_back1)
