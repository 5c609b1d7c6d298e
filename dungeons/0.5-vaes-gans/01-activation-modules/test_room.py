"""Cases for Tanh, LeakyReLU and Sigmoid: hand-checked values, random batches against the
torch built-ins, the default slope, extreme inputs, and no built-in activation used."""

import torch
import torch.nn.functional as F
from torch import nn

from arena_dungeon.testing import assert_tensor_close, call_watched, describe, fail

BUILTINS = {"tanh", "tanh_", "sigmoid", "sigmoid_", "leaky_relu", "leaky_relu_", "logistic"}


def _make(room, name, *args):
    cls = getattr(room, name, None)
    if cls is None:
        fail(f"your file has no class `{name}`", kind="type")
    m = cls(*args)
    if not isinstance(m, nn.Module):
        fail(f"{name}(...) made a {type(m).__name__}, expected an nn.Module", kind="type")
    return m


def _run(module, x, label):
    got, ran = call_watched(module, x)
    used = sorted(BUILTINS & ran)
    if used:
        fail(f"{label} ran the built-in `{used[0]}`; build it from exp / where / arithmetic",
             kind="rule")
    return got


def test_hand_checked_values(room):
    """Sigmoid(0) = 0.5, Tanh(0) = 0, Tanh(ln 2) = 0.6, LeakyReLU(0.1) on [-2, 3] = [-0.2, 3]."""
    x = torch.tensor([0.0, 0.6931472])
    assert_tensor_close(_run(_make(room, "Sigmoid"), x, "Sigmoid()"),
                        torch.tensor([0.5, 2 / 3]), call="Sigmoid()([0, ln 2])")
    assert_tensor_close(_run(_make(room, "Tanh"), x, "Tanh()"),
                        torch.tensor([0.0, 0.6]), call="Tanh()([0, ln 2])")
    assert_tensor_close(_run(_make(room, "LeakyReLU", 0.1), torch.tensor([-2.0, 3.0]),
                             "LeakyReLU(0.1)"),
                        torch.tensor([-0.2, 3.0]), call="LeakyReLU(0.1)([-2, 3])")


def test_tanh_matches_torch(room):
    """Tanh on a random (4, 5, 6) tensor equals torch.tanh."""
    torch.manual_seed(0)
    x = torch.randn(4, 5, 6) * 3
    assert_tensor_close(_run(_make(room, "Tanh"), x, "Tanh()"), torch.tanh(x),
                        call="Tanh()(x), x: (4, 5, 6)", atol=1e-6)


def test_sigmoid_matches_torch(room):
    """Sigmoid on a random (4, 5, 6) tensor equals torch.sigmoid."""
    torch.manual_seed(1)
    x = torch.randn(4, 5, 6) * 3
    assert_tensor_close(_run(_make(room, "Sigmoid"), x, "Sigmoid()"), torch.sigmoid(x),
                        call="Sigmoid()(x), x: (4, 5, 6)", atol=1e-6)


def test_leaky_relu_matches_torch_with_random_slope(room):
    """LeakyReLU(slope) for a random slope on a random (4, 5, 6) tensor equals F.leaky_relu."""
    torch.manual_seed(2)
    slope = float(torch.rand(()).item())
    x = torch.randn(4, 5, 6)
    m = _make(room, "LeakyReLU", slope)
    assert_tensor_close(_run(m, x, f"LeakyReLU({slope:.3f})"), F.leaky_relu(x, slope),
                        call=f"LeakyReLU({slope:.3f})(x), x: (4, 5, 6)")
    if getattr(m, "negative_slope", None) != slope:
        fail(f"LeakyReLU({slope:.3f}).negative_slope is "
             f"{describe(getattr(m, 'negative_slope', None))}, expected the slope passed in",
             kind="value")


def test_leaky_relu_default_slope_is_0_01(room):
    """LeakyReLU() with no argument uses the slope 0.01."""
    x = torch.tensor([-100.0, -1.0, 0.0, 5.0])
    assert_tensor_close(_run(_make(room, "LeakyReLU"), x, "LeakyReLU()"),
                        torch.tensor([-1.0, -0.01, 0.0, 5.0]), call="LeakyReLU()([-100, -1, 0, 5])")


def test_extreme_inputs_stay_finite(room):
    """Inputs of +-100 and +-1000 give finite outputs (no inf / inf = NaN)."""
    x = torch.tensor([-1000.0, -100.0, 100.0, 1000.0])
    assert_tensor_close(_run(_make(room, "Tanh"), x, "Tanh()"), torch.tanh(x),
                        call="Tanh()([-1000, -100, 100, 1000])")
    assert_tensor_close(_run(_make(room, "Sigmoid"), x, "Sigmoid()"), torch.sigmoid(x),
                        call="Sigmoid()([-1000, -100, 100, 1000])")
