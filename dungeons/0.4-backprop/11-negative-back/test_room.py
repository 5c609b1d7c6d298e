"""Cases for negative_back: hand-checked values, a torch.autograd oracle, a chain of negations."""

import numpy as np
import torch

from arena_dungeon.testing import call, load_asset_module


ref = load_asset_module(__file__, "framework_reference")


def test_hand_checked_gradient_of_ones(room):
    """x = [1, -2, 3] with grad_out all ones: every gradient is -1."""
    x = np.array([1.0, -2.0, 3.0])
    got = call(room.negative_back, np.ones(3), -x, x)
    ref.check_array(got, [-1.0, -1.0, -1.0], call="negative_back(ones(3), -x, x)")


def test_scales_grad_out(room):
    """grad_out = [2, 0.5, -1] comes back negated: the answer depends on grad_out, not x."""
    x = np.array([3.0, -4.0, 5.0])
    grad_out = np.array([2.0, 0.5, -1.0])
    got = call(room.negative_back, grad_out, -x, x)
    ref.check_array(got, [-2.0, -0.5, 1.0], call="negative_back([2, 0.5, -1], -x, x)")


def test_random_2d_matches_torch_autograd(room):
    """A random (4, 5) input and grad_out, against torch.autograd on torch.neg."""
    rng = np.random.default_rng(0)
    x, grad_out = rng.normal(size=(4, 5)), rng.normal(size=(4, 5))
    (expected,) = ref.torch_grads(torch.neg, [x], grad_out)
    got = call(room.negative_back, grad_out, -x, x)
    ref.check_array(got, expected, call="negative_back(grad_out (4, 5), out, x)", dims="4 5")


def test_double_negation_in_the_framework(room):
    """Registered for np.negative, backprop through (-(-a)) * w gives a.grad == w."""
    fw = ref.fresh()
    fw.BACK_FUNCS.add_back_func(np.negative, 0, room.negative_back)
    a = fw.Tensor([1.0, 2.0, 3.0], requires_grad=True)
    w = np.array([2.0, -1.0, 0.5])
    (-(-a) * fw.Tensor(w)).sum().backward()
    ref.check_grad(a, w, name="a", where="(-(-a) * w).sum()")
