"""Cases for multiply_forward: values with broadcasting, the recipe of tensor * tensor,
tensor * number and number * tensor (true positions), mixed requires_grad, no grad and
tracking off."""

import numpy as np
import torch

from arena_dungeon.testing import assert_tensor_close, call, describe, fail


def _out(room, got, what):
    if not isinstance(got, room.Tensor):
        fail(f"{what} returned {describe(got)}, expected a Tensor (the class given in the "
             "stub)", kind="type")
    return got


def _values(got, expected, what):
    if not isinstance(got.array, np.ndarray):
        fail(f"{what}.array is {describe(got.array)}, expected a numpy array", kind="type")
    assert_tensor_close(torch.tensor(got.array.astype(np.float64)),
                        torch.tensor(np.asarray(expected, dtype=np.float64)),
                        call=f"{what}.array", atol=1e-5, rtol=1e-5)


def _recipe(y, what):
    if y.requires_grad is not True:
        fail(f"{what} gave requires_grad={y.requires_grad!r}, expected True", kind="value")
    if y.recipe is None:
        fail(f"{what} requires grad but its recipe is None: record a Recipe", kind="value")
    if y.recipe.func is not np.multiply:
        fail(f"{what}: recipe.func is {getattr(y.recipe.func, '__name__', '?')}, expected "
             "np.multiply itself", kind="value")
    if y.recipe.kwargs != {}:
        fail(f"{what}: recipe.kwargs is {y.recipe.kwargs!r}, expected {{}}", kind="value")
    return y.recipe


def _parents_text(parents, names):
    if not isinstance(parents, dict):
        return describe(parents)
    return "{" + ", ".join(f"{k}: {names.get(id(v), describe(v))}" for k, v in parents.items()) + "}"


def test_tensor_times_tensor_values(room):
    """(2, 1) times (3,) broadcasts to (2, 3)."""
    a = room.Tensor([[1.0], [10.0]])
    b = room.Tensor([1.0, 2.0, 3.0])
    y = _out(room, call(room.multiply_forward, a, b), "multiply_forward(a, b)")
    _values(y, [[1, 2, 3], [10, 20, 30]], "multiply_forward(a (2, 1), b (3,))")


def test_recipe_of_tensor_times_tensor(room):
    """Both require grad: args (a.array, b.array) as the same objects, parents {0: a, 1: b}."""
    a = room.Tensor([0.0, 1.0, 2.0, 3.0], requires_grad=True)
    b = room.Tensor([[0.0], [1.0], [10.0]], requires_grad=True)
    y = _out(room, call(room.multiply_forward, a, b), "multiply_forward(a, b)")
    r = _recipe(y, "multiply_forward(a, b)")
    if len(r.args) != 2 or r.args[0] is not a.array or r.args[1] is not b.array:
        fail(f"recipe.args is ({', '.join(describe(v) for v in r.args)}), expected (a.array, "
             "b.array), the same array objects", kind="value")
    if r.parents != {0: a, 1: b} or r.parents[0] is not a or r.parents[1] is not b:
        fail(f"recipe.parents is {_parents_text(r.parents, {id(a): 'a', id(b): 'b'})}, "
             "expected {0: a, 1: b}", kind="value")
    _values(y, np.outer([0, 1, 10], [0, 1, 2, 3]), "multiply_forward(a, b)")


def test_tensor_times_number(room):
    """x * 2: args (x.array, 2), parents {0: x}."""
    x = room.Tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = _out(room, call(room.multiply_forward, x, 2), "multiply_forward(x, 2)")
    _values(y, [2, 4, 6], "multiply_forward(x, 2)")
    r = _recipe(y, "multiply_forward(x, 2)")
    if len(r.args) != 2 or r.args[0] is not x.array or not isinstance(r.args[1], (int, float)) \
            or r.args[1] != 2:
        fail(f"recipe.args is ({', '.join(describe(v) for v in r.args)}), expected (x.array, 2)",
             kind="value")
    if r.parents != {0: x}:
        fail(f"recipe.parents is {_parents_text(r.parents, {id(x): 'x'})}, expected {{0: x}}",
             kind="value")


def test_number_times_tensor(room):
    """3 * x: the Tensor sits at position 1, so parents == {1: x}."""
    x = room.Tensor([1.0, 2.0], requires_grad=True)
    y = _out(room, call(room.multiply_forward, 3, x), "multiply_forward(3, x)")
    _values(y, [3, 6], "multiply_forward(3, x)")
    r = _recipe(y, "multiply_forward(3, x)")
    if len(r.args) != 2 or r.args[0] != 3 or r.args[1] is not x.array:
        fail(f"recipe.args is ({', '.join(describe(v) for v in r.args)}), expected (3, x.array)",
             kind="value")
    if r.parents != {1: x}:
        fail(f"recipe.parents is {_parents_text(r.parents, {id(x): 'x'})}, expected {{1: x}}: "
             "keys are the argument positions", kind="value")


def test_one_tensor_requires_grad(room):
    """a without grad, b with grad: the result requires grad and has b as parent 1."""
    a = room.Tensor([2.0, 3.0])
    b = room.Tensor([4.0, 5.0], requires_grad=True)
    y = _out(room, call(room.multiply_forward, a, b), "multiply_forward(a, b)")
    r = _recipe(y, "multiply_forward(a, b) with only b requiring grad")
    if r.parents.get(1) is not b:
        fail(f"recipe.parents is {_parents_text(r.parents, {id(a): 'a', id(b): 'b'})}, "
             "expected b at position 1", kind="value")
    _values(y, [8, 15], "multiply_forward(a, b)")


def test_no_grad_no_recipe(room):
    """Neither requires grad, or tracking switched off: requires_grad False, recipe None."""
    a, b = room.Tensor([1.0, 2.0]), room.Tensor([3.0, 4.0])
    y = _out(room, call(room.multiply_forward, a, b), "multiply_forward(a, b)")
    if y.requires_grad or y.recipe is not None:
        fail("multiply_forward(a, b) with no input requiring grad gave "
             f"requires_grad={y.requires_grad!r} and recipe "
             f"{'None' if y.recipe is None else 'set'}; expected False and None", kind="value")
    a.requires_grad = True
    room.grad_tracking_enabled = False
    try:
        y = _out(room, call(room.multiply_forward, a, 5), "multiply_forward(a, 5)")
    finally:
        room.grad_tracking_enabled = True
    if y.requires_grad or y.recipe is not None:
        fail("with grad_tracking_enabled = False, multiply_forward(a, 5) gave "
             f"requires_grad={y.requires_grad!r} and recipe "
             f"{'None' if y.recipe is None else 'set'}; expected False and None", kind="value")
    _values(y, [5, 10], "multiply_forward(a, 5) with tracking off")
