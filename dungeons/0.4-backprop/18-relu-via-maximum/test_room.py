"""Cases for relu: values, the 0.5 gradient at 0, a torch oracle, the graph, no mutation."""

import numpy as np
import torch

import backprop_core as core  # the given module the player's file imports
from arena_dungeon.testing import describe, fail, load_asset_module

ref = load_asset_module(__file__, "framework_reference")


def _relu(room, x, label):
    before = x.array.copy()
    out = room.relu(x)
    if not isinstance(out, core.Tensor):
        fail(f"relu({label}) returned {describe(out)}, expected a Tensor", kind="type",
             details="Return the Tensor that the framework's maximum gives you, not its .array.")
    if not np.array_equal(x.array, before):
        fail(f"relu({label}) changed its input in place", kind="mutation")
    return out


def test_values_hand_checked(room):
    """relu(Tensor([-1, 0, 2])) is Tensor([0, 0, 2])."""
    out = _relu(room, core.Tensor([-1.0, 0.0, 2.0]), "Tensor([-1, 0, 2])")
    ref.check_array(out.array, [0.0, 0.0, 2.0], call="relu(Tensor([-1, 0, 2])).array")


def test_gradient_ties_at_zero(room):
    """relu(x).sum().backward() with x = [-1, 0, 2] gives x.grad = [0, 0.5, 1]."""
    x = core.Tensor([-1.0, 0.0, 2.0], requires_grad=True)
    _relu(room, x, "x").sum().backward()
    ref.check_grad(x, [0.0, 0.5, 1.0], name="x", where="relu(x).sum()")


def test_random_2d_vs_torch(room):
    """A random (3, 4) input and grad_out: values and gradient against torch.relu."""
    rng = np.random.default_rng(13)
    xv, g = rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    x = core.Tensor(xv, requires_grad=True)
    out = _relu(room, x, "x (3, 4)")
    ref.check_array(out.array, np.maximum(xv, 0), call="relu(x (3, 4)).array", atol=1e-6)
    out.backward(core.Tensor(g))
    (expected,) = ref.torch_grads(torch.relu, [xv], g)
    ref.check_grad(x, expected, name="x", where="relu(x)")


def test_records_the_graph(room):
    """The output requires grad and has a Recipe whose parent is x; under NoGrad it has none."""
    x = core.Tensor([1.0, -3.0], requires_grad=True)
    out = _relu(room, x, "x")
    if not out.requires_grad or out.recipe is None:
        fail("relu(x) for an x with requires_grad=True returned a Tensor with "
             f"requires_grad={out.requires_grad}, recipe={out.recipe}: the graph stops here",
             kind="value", details="Compute with the wrapped maximum, not numpy on x.array.")
    if not any(p is x for p in out.recipe.parents.values()):
        fail("relu(x).recipe.parents does not contain x", kind="value")
    with core.NoGrad():
        quiet = _relu(room, x, "x inside NoGrad")
    if quiet.requires_grad or quiet.recipe is not None:
        fail("inside `with NoGrad():`, relu(x) still recorded a Recipe", kind="value")


def test_inside_a_chain(room):
    """relu between other operations: (relu(x * w) * v).sum(), gradient vs torch."""
    xv = np.array([[1.0, -2.0], [0.5, 3.0]])
    w, v = np.array([2.0, -1.0]), np.array([[1.0, 2.0], [3.0, 4.0]])
    x = core.Tensor(xv, requires_grad=True)
    (_relu(room, x * core.Tensor(w), "x * w") * core.Tensor(v)).sum().backward()
    (expected,) = ref.torch_grads(lambda t: torch.relu(t * torch.tensor(w)) * torch.tensor(v),
                                  [xv], np.ones((2, 2)))
    ref.check_grad(x, expected, name="x", where="(relu(x * w) * v).sum()")
