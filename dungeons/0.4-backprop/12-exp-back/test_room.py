"""Cases for exp_back: hand-checked values, a torch.autograd oracle, exp of exp in the framework."""

import math

import numpy as np
import torch

from arena_dungeon.testing import call, load_asset_module

ref = load_asset_module(__file__, "framework_reference")


def test_hand_checked(room):
    """x = [0, 1], grad_out = [2, 1]: gradients [2 * e^0, 1 * e^1] = [2, e]."""
    x = np.array([0.0, 1.0])
    got = call(room.exp_back, np.array([2.0, 1.0]), np.exp(x), x)
    ref.check_array(got, [2.0, math.e], call="exp_back([2, 1], exp(x), x) with x = [0, 1]")


def test_negative_inputs(room):
    """x = [-1, -2, 0] with grad_out all ones: the gradient is e^x, small but positive."""
    x = np.array([-1.0, -2.0, 0.0])
    got = call(room.exp_back, np.ones(3), np.exp(x), x)
    ref.check_array(got, np.exp(x), call="exp_back(ones(3), exp(x), x) with x = [-1, -2, 0]")


def test_random_2d_matches_torch_autograd(room):
    """A random (3, 4) input and grad_out, against torch.autograd on torch.exp."""
    rng = np.random.default_rng(1)
    x, grad_out = rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    (expected,) = ref.torch_grads(torch.exp, [x], grad_out)
    got = call(room.exp_back, grad_out, np.exp(x), x)
    ref.check_array(got, expected, call="exp_back(grad_out (3, 4), exp(x), x)", dims="3 4")


def test_exp_of_exp_in_the_framework(room):
    """Registered for np.exp, backprop through exp(exp(a)) gives exp(exp(a)) * exp(a)."""
    fw = ref.fresh()
    fw.BACK_FUNCS.add_back_func(np.exp, 0, room.exp_back)
    values = np.array([0.0, 0.5, 1.0, -1.0])
    a = fw.Tensor(values, requires_grad=True)
    fw.exp(fw.exp(a)).sum().backward()
    (expected,) = ref.torch_grads(lambda t: torch.exp(torch.exp(t)), [values], np.ones(4))
    ref.check_grad(a, expected, name="a", where="exp(exp(a)).sum()")
