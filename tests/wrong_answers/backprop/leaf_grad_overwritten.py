"""Wrong: replaces a leaf's .grad instead of adding to it."""

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import numpy as np

# ---- given: the framework from the previous rooms --------------------------------------
Arr = np.ndarray

grad_tracking_enabled = True


@dataclass(frozen=True)
class Recipe:
    """How a tensor was made: its array is `func(*args, **kwargs)`."""

    func: Callable                 # the numpy function that made it, e.g. np.log
    args: tuple                    # its positional arguments, as arrays or numbers
    kwargs: dict[str, Any]         # its keyword arguments
    parents: dict[int, "Tensor"]   # argument position -> the Tensor passed there


class Tensor:
    """A numpy array that remembers how it was made. Hashed by identity (usable as a dict key)."""

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

    def __mul__(self, other: "Tensor | float") -> "Tensor":
        return multiply(self, other)

    def __rmul__(self, other: float) -> "Tensor":
        return multiply(other, self)

    def __add__(self, other: "Tensor | float") -> "Tensor":
        return add(self, other)

    def __radd__(self, other: float) -> "Tensor":
        return add(other, self)

    def log(self) -> "Tensor":
        return log(self)

    def backward(self, end_grad: "Arr | Tensor | None" = None) -> None:
        if isinstance(end_grad, Arr):
            end_grad = Tensor(end_grad)
        backprop(self, end_grad)


def unbroadcast(broadcasted: Arr, original: Arr) -> Arr:
    """Sum `broadcasted` until it has the shape of `original` (always a new array)."""
    k = broadcasted.ndim - original.ndim
    summed = broadcasted.sum(axis=tuple(range(k)))
    stretched = tuple(i for i, (o, b) in enumerate(zip(original.shape, summed.shape))
                      if o == 1 and b != 1)
    return summed.sum(axis=stretched, keepdims=True)


def log_back(grad_out: Arr, out: Arr, x: Arr) -> Arr:
    return grad_out / x


def multiply_back0(grad_out: Arr, out: Arr, x: Arr, y: Arr | float) -> Arr:
    return unbroadcast(y * grad_out, x)


def multiply_back1(grad_out: Arr, out: Arr, x: Arr | float, y: Arr) -> Arr:
    return unbroadcast(x * grad_out, y)


def add_back0(grad_out: Arr, out: Arr, x: Arr, y: Arr | float) -> Arr:
    return unbroadcast(grad_out, x)


def add_back1(grad_out: Arr, out: Arr, x: Arr | float, y: Arr) -> Arr:
    return unbroadcast(grad_out, y)


class BackwardFuncLookup:
    def __init__(self) -> None:
        self.back_funcs: dict[tuple[Callable, int], Callable] = {}

    def add_back_func(self, forward_fn: Callable, arg_position: int, back_fn: Callable) -> None:
        self.back_funcs[(forward_fn, arg_position)] = back_fn

    def get_back_func(self, forward_fn: Callable, arg_position: int) -> Callable:
        return self.back_funcs[(forward_fn, arg_position)]


def wrap_forward_fn(numpy_func: Callable, is_differentiable: bool = True) -> Callable:
    def tensor_func(*args: Any, **kwargs: Any) -> Tensor:
        arrays = tuple(a.array if isinstance(a, Tensor) else a for a in args)
        requires_grad = grad_tracking_enabled and is_differentiable and any(
            isinstance(a, Tensor) and a.requires_grad for a in args)
        out = Tensor(numpy_func(*arrays, **kwargs), requires_grad=requires_grad)
        if requires_grad:
            parents = {i: a for i, a in enumerate(args) if isinstance(a, Tensor)}
            out.recipe = Recipe(numpy_func, arrays, kwargs, parents)
        return out

    return tensor_func


log = wrap_forward_fn(np.log)
multiply = wrap_forward_fn(np.multiply)
add = wrap_forward_fn(np.add)

BACK_FUNCS = BackwardFuncLookup()
BACK_FUNCS.add_back_func(np.log, 0, log_back)
BACK_FUNCS.add_back_func(np.multiply, 0, multiply_back0)
BACK_FUNCS.add_back_func(np.multiply, 1, multiply_back1)
BACK_FUNCS.add_back_func(np.add, 0, add_back0)
BACK_FUNCS.add_back_func(np.add, 1, add_back1)


def topological_sort(node: Hashable, get_children: Callable) -> list:
    """Every node reachable from `node`, each after all of its children; `node` last."""
    result: list = []
    done: set = set()
    on_path: set = set()

    def visit(n: Hashable) -> None:
        if n in done:
            return
        if n in on_path:
            raise ValueError("the graph has a cycle")
        on_path.add(n)
        for child in get_children(n):
            visit(child)
        on_path.remove(n)
        done.add(n)
        result.append(n)

    visit(node)
    return result


def sorted_computational_graph(tensor: Tensor) -> list[Tensor]:
    """`tensor` first, then every tensor it was made from, each one before its parents."""
    def parents(t: Tensor) -> list[Tensor]:
        return [] if t.recipe is None else list(t.recipe.parents.values())

    return topological_sort(tensor, parents)[::-1]


# ---- yours ------------------------------------------------------------------------------
def backprop(end_node: Tensor, end_grad: Tensor | None = None) -> None:
    """Accumulate d(end_node)/d(leaf) into leaf.grad for every leaf that requires grad.

    end_grad: the gradient to start from, shaped like end_node; None means all ones.
    Go through sorted_computational_graph(end_node), keeping a dict Tensor -> gradient
    array. A leaf that requires grad adds its gradient into .grad (a Tensor); any other
    node sends grad to each parent through BACK_FUNCS.get_back_func(recipe.func, position).
    Only leaves get a .grad. Returns None.
    """
    start = np.ones_like(end_node.array) if end_grad is None else end_grad.array
    grads: dict[Tensor, Arr] = {end_node: start}
    for node in sorted_computational_graph(end_node):
        grad = grads.pop(node)
        if node.is_leaf:
            if node.requires_grad:
                node.grad = Tensor(grad)
            continue
        recipe = node.recipe
        for position, parent in recipe.parents.items():
            back_fn = BACK_FUNCS.get_back_func(recipe.func, position)
            parent_grad = back_fn(grad, node.array, *recipe.args, **recipe.kwargs)
            grads[parent] = parent_grad if parent not in grads else grads[parent] + parent_grad
