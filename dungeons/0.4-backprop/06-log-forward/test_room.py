"""Cases for log_forward: values, the recorded recipe (identity of args and parents), no
recipe without grad, the global switch, chaining, and an untouched input."""

import numpy as np
import torch

from arena_dungeon.testing import assert_tensor_close, call, describe, fail


def _tensor_out(room, got, what):
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


def test_values_are_log(room):
    """log_forward(Tensor([1, e])) holds [0, 1]; a (2, 3) input keeps its shape."""
    x = room.Tensor([1.0, np.e])
    _values(_tensor_out(room, call(room.log_forward, x), "log_forward(x)"),
            [0.0, 1.0], "log_forward(Tensor([1, e]))")
    rng = np.random.default_rng(0)
    arr = rng.uniform(0.5, 4.0, size=(2, 3)).astype(np.float32)
    _values(_tensor_out(room, call(room.log_forward, room.Tensor(arr)), "log_forward(x)"),
            np.log(arr.astype(np.float64)), "log_forward(x of shape (2, 3))")


def test_recipe_records_the_call(room):
    """With grad: requires_grad, not a leaf, func np.log, args (x.array,), kwargs {}, parents {0: x}."""
    x = room.Tensor([1.0, np.e], requires_grad=True)
    y = _tensor_out(room, call(room.log_forward, x), "log_forward(x)")
    if y.requires_grad is not True:
        fail(f"log_forward(x) with x.requires_grad=True gave requires_grad={y.requires_grad!r}, "
             "expected True", kind="value")
    r = y.recipe
    if r is None:
        fail("log_forward(x) with x.requires_grad=True left recipe None: record a Recipe",
             kind="value")
    if not isinstance(r, room.Recipe):
        fail(f"recipe is {describe(r)}, expected a Recipe", kind="type")
    if r.func is not np.log:
        fail(f"recipe.func is {getattr(r.func, '__name__', describe(r.func))}, expected np.log "
             "itself", kind="value")
    if not isinstance(r.args, tuple) or len(r.args) != 1:
        fail(f"recipe.args is {describe(r.args)}, expected a tuple of one item, (x.array,)",
             kind="value")
    if r.args[0] is not x.array:
        fail(f"recipe.args[0] is {describe(r.args[0])}, expected x.array itself (the same "
             "array object, not the Tensor and not a copy)", kind="value")
    if r.kwargs != {}:
        fail(f"recipe.kwargs is {r.kwargs!r}, expected {{}}", kind="value")
    if not isinstance(r.parents, dict) or list(r.parents) != [0] or r.parents[0] is not x:
        fail(f"recipe.parents has keys {list(r.parents) if isinstance(r.parents, dict) else describe(r.parents)}"
             f" holding {[describe(v) for v in r.parents.values()] if isinstance(r.parents, dict) else ''}; "
             "expected {0: x}, the Tensor x itself", kind="value")
    if y.is_leaf:
        fail("log_forward(x) with x.requires_grad=True is a leaf; expected a non-leaf "
             "(requires_grad and a recipe with parents)", kind="value")


def test_no_recipe_without_grad(room):
    """x.requires_grad=False: the result doesn't require grad and has no recipe."""
    x = room.Tensor([1.0, 2.0])
    y = _tensor_out(room, call(room.log_forward, x), "log_forward(x)")
    if y.requires_grad is not False or y.recipe is not None:
        fail(f"log_forward(x) with x.requires_grad=False gave requires_grad={y.requires_grad!r}"
             f" and recipe {'None' if y.recipe is None else 'set'}; expected False and None",
             kind="value")


def test_tracking_switched_off(room):
    """grad_tracking_enabled = False: no grad and no recipe, even from x.requires_grad=True."""
    x = room.Tensor([1.0, 2.0], requires_grad=True)
    room.grad_tracking_enabled = False
    try:
        y = _tensor_out(room, call(room.log_forward, x), "log_forward(x)")
    finally:
        room.grad_tracking_enabled = True
    if y.requires_grad is not False or y.recipe is not None:
        fail(f"with grad_tracking_enabled = False, log_forward(x) gave requires_grad="
             f"{y.requires_grad!r} and recipe {'None' if y.recipe is None else 'set'}; "
             "expected False and None", kind="value")
    _values(y, np.log([1.0, 2.0]), "log_forward(Tensor([1, 2])) with tracking off")


def test_chained_logs_link_up(room):
    """z = log(log(x)): z's parent is y, y's parent is x."""
    x = room.Tensor([3.0, 5.0], requires_grad=True)
    y = _tensor_out(room, call(room.log_forward, x), "log_forward(x)")
    z = _tensor_out(room, call(room.log_forward, y), "log_forward(y)")
    if z.recipe is None or z.recipe.parents.get(0) is not y:
        fail("z = log_forward(y): z.recipe.parents[0] is not y", kind="value")
    if z.recipe.args[0] is not y.array:
        fail("z = log_forward(y): z.recipe.args[0] is not y.array", kind="value")
    if y.recipe is None or y.recipe.parents.get(0) is not x:
        fail("y = log_forward(x): y.recipe.parents[0] is not x", kind="value")
    _values(z, np.log(np.log([3.0, 5.0])), "log_forward(log_forward(Tensor([3, 5])))")


def test_input_left_alone(room):
    """x keeps its array, its recipe None and its grad None."""
    arr = np.array([1.0, 4.0], dtype=np.float32)
    x = room.Tensor(arr, requires_grad=True)
    call(room.log_forward, x)
    if x.array is not arr or not np.array_equal(arr, [1.0, 4.0]):
        fail("log_forward(x) replaced or changed x.array; build a new array for the result",
             kind="mutation")
    if x.recipe is not None or x.grad is not None:
        fail("log_forward(x) set x.recipe or x.grad; only the new Tensor gets a recipe",
             kind="mutation")
