"""Cases for maximum_back0/1: ties split 0.5/0.5, broadcasting, a float argument, the framework."""

import numpy as np
import torch

from arena_dungeon.testing import call, fail, load_asset_module

ref = load_asset_module(__file__, "framework_reference")


def _back(room, name):
    fn = getattr(room, name, None)
    if fn is None:
        fail(f"no function `{name}` in your file: write both backward functions", kind="type")
    return fn


def test_hand_checked_with_a_tie(room):
    """x [0, 1, 2] vs y [-1, 1, 3]: x gets [1, 0.5, 0], y gets [0, 0.5, 1]."""
    x, y = np.array([0.0, 1.0, 2.0]), np.array([-1.0, 1.0, 3.0])
    out = np.maximum(x, y)
    got0 = call(_back(room, "maximum_back0"), np.ones(3), out, x, y)
    ref.check_array(got0, [1.0, 0.5, 0.0], call="maximum_back0(ones, out, [0, 1, 2], [-1, 1, 3])")
    got1 = call(_back(room, "maximum_back1"), np.ones(3), out, x, y)
    ref.check_array(got1, [0.0, 0.5, 1.0], call="maximum_back1(ones, out, [0, 1, 2], [-1, 1, 3])")


def test_scales_grad_out(room):
    """grad_out [2, 4, 6] with the same x, y: x gets [2, 2, 0], y gets [0, 2, 6]."""
    x, y = np.array([0.0, 1.0, 2.0]), np.array([-1.0, 1.0, 3.0])
    g = np.array([2.0, 4.0, 6.0])
    got0 = call(_back(room, "maximum_back0"), g, np.maximum(x, y), x, y)
    ref.check_array(got0, [2.0, 2.0, 0.0], call="maximum_back0([2, 4, 6], out, [0, 1, 2], [-1, 1, 3])")
    got1 = call(_back(room, "maximum_back1"), g, np.maximum(x, y), x, y)
    ref.check_array(got1, [0.0, 2.0, 6.0], call="maximum_back1([2, 4, 6], out, [0, 1, 2], [-1, 1, 3])")


def test_broadcast_with_ties_vs_torch(room):
    """x (3,) vs y (2, 3) with ties and a random grad_out, against torch.autograd."""
    x = np.array([0.0, 1.0, 2.0])
    y = np.array([[0.0, 3.0, 1.0], [2.0, 1.0, 2.0]])
    grad_out = np.random.default_rng(10).normal(size=(2, 3))
    ex, ey = ref.torch_grads(torch.maximum, [x, y], grad_out)
    out = np.maximum(x, y)
    got0 = call(_back(room, "maximum_back0"), grad_out, out, x, y)
    ref.check_array(got0, ex, call="maximum_back0(grad_out (2, 3), out, x (3,), y (2, 3))")
    got1 = call(_back(room, "maximum_back1"), grad_out, out, x, y)
    ref.check_array(got1, ey, call="maximum_back1(grad_out (2, 3), out, x (3,), y (2, 3))",
                    dims="2 3")


def test_float_zero_like_relu(room):
    """maximum(x, 0.0) with x [-1, 0, 2]: x gets [0, 0.5, 1] (relu's gradient, 0.5 at 0)."""
    x = np.array([-1.0, 0.0, 2.0])
    got = call(_back(room, "maximum_back0"), np.ones(3), np.maximum(x, 0.0), x, 0.0)
    ref.check_array(got, [0.0, 0.5, 1.0], call="maximum_back0(ones, out, [-1, 0, 2], 0.0)")
    got1 = call(_back(room, "maximum_back1"), np.ones(3), np.maximum(0.0, x), 0.0, x)
    ref.check_array(got1, [0.0, 0.5, 1.0], call="maximum_back1(ones, out, 0.0, [-1, 0, 2])")


def test_maximum_in_the_framework(room):
    """Registered for np.maximum: (maximum(a, b) * w).sum() with b (2, 1) and a tie, vs torch."""
    fw = ref.fresh()
    fw.BACK_FUNCS.add_back_func(np.maximum, 0, _back(room, "maximum_back0"))
    fw.BACK_FUNCS.add_back_func(np.maximum, 1, _back(room, "maximum_back1"))
    av, bv = np.array([1.0, -2.0, 3.0]), np.array([[1.0], [0.0]])
    w = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    a, b = fw.Tensor(av, requires_grad=True), fw.Tensor(bv, requires_grad=True)
    (fw.maximum(a, b) * fw.Tensor(w)).sum().backward()
    ga, gb = ref.torch_grads(torch.maximum, [av, bv], w)
    ref.check_grad(a, ga, name="a", where="(maximum(a, b) * w).sum()")
    ref.check_grad(b, gb, name="b", where="(maximum(a, b) * w).sum()")
