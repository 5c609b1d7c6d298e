"""Cases for ReLU: a module, elementwise max with 0, shape and dtype kept, no mutation."""

import torch
import torch.nn.functional as F
from torch import nn

from arena_dungeon.testing import fresh_seed, assert_tensor_close, assert_tensor_equal, call, fail


def _make(room):
    relu = room.ReLU()
    if not isinstance(relu, nn.Module):
        fail(f"ReLU() made a {type(relu).__name__}, expected an nn.Module: write "
             "`class ReLU(nn.Module):`", kind="type")
    return relu


def test_is_an_nn_module(room):
    """ReLU() is an nn.Module with no parameters."""
    relu = _make(room)
    params = [name for name, _ in relu.named_parameters()]
    if params:
        fail(f"ReLU() has parameters {params}; a ReLU has nothing to learn", kind="value")
    call(relu, torch.tensor([1.0, -1.0]))


def test_three_values_hand_checked(room):
    """[-2, 0, 3] -> [0, 0, 3]."""
    got = call(_make(room), torch.tensor([-2.0, 0.0, 3.0]))
    assert_tensor_equal(got, torch.tensor([0.0, 0.0, 3.0]), call="ReLU()(tensor([-2., 0., 3.]))")


def test_random_batch_matches_torch(room):
    """A random (4, 3, 5) tensor, against F.relu."""
    torch.manual_seed(fresh_seed(0))
    x = torch.randn(4, 3, 5)
    assert_tensor_close(call(_make(room), x), F.relu(x), call="ReLU()(x) for x of shape (4, 3, 5)",
                        dims="a b c")


def test_keeps_float64(room):
    """A float64 input gives a float64 output of the same shape (here (2, 1, 3))."""
    x = torch.tensor([[[-1.5, 2.25, -0.0]], [[7.0, -3.0, 0.5]]], dtype=torch.float64)
    got = call(_make(room), x)
    assert_tensor_close(got, F.relu(x), call="ReLU()(x) for float64 x", exact_dtype=True,
                        dims="a 1 c")


def test_small_negatives_become_zero(room):
    """Tiny negatives are clamped to exactly 0, not scaled (a leaky ReLU would keep them)."""
    x = torch.tensor([-1e-3, -10.0, 1e-3, 10.0])
    assert_tensor_equal(call(_make(room), x), torch.tensor([0.0, 0.0, 1e-3, 10.0]),
                        call="ReLU()(tensor([-0.001, -10., 0.001, 10.]))")
