"""Cases for the ConvTranspose2d module: one parameter named weight with the right shape,
its uniform initialisation, forward against torch.conv_transpose2d with the same weight."""

import math

import torch
import torch.nn.functional as F
from torch import nn

from arena_dungeon.testing import assert_equal, assert_shape, assert_tensor_close, call, fail


def _make(room, *args, **kw):
    torch.manual_seed(0)
    m = room.ConvTranspose2d(*args, **kw)
    if not isinstance(m, nn.Module):
        fail(f"ConvTranspose2d(...) made a {type(m).__name__}, expected an nn.Module", kind="type")
    return m


def test_one_parameter_named_weight(room):
    """ConvTranspose2d(5, 3, (2, 4)): exactly one parameter, `weight`, shape (5, 3, 2, 4)."""
    m = _make(room, 5, 3, (2, 4))
    params = [(n, tuple(p.shape)) for n, p in m.named_parameters()]
    assert_equal(params, [("weight", (5, 3, 2, 4))],
                 call="[(name, shape) for the parameters of ConvTranspose2d(5, 3, (2, 4))]")


def test_weight_is_uniform_in_the_bound(room):
    """ConvTranspose2d(20, 10, 3): entries within +-1/sqrt(10*3*3), spreading to >= 90% of it, mean ~0."""
    m = _make(room, 20, 10, 3)
    w = m.weight.detach()
    bound = 1 / math.sqrt(10 * 3 * 3)
    lo, hi = w.min().item(), w.max().item()
    if hi > bound * 1.0001 or lo < -bound * 1.0001:
        fail(f"weights range from {lo:.4f} to {hi:.4f}, outside +-{bound:.4f} = "
             "+-1/sqrt(out_channels * kh * kw)", kind="value")
    if hi < 0.9 * bound or lo > -0.9 * bound:
        fail(f"weights range from {lo:.4f} to {hi:.4f}; uniform in +-{bound:.4f} should nearly "
             "reach both ends (with 1800 draws)", kind="value",
             details="Draw uniformly in [-bound, bound], bound = 1/sqrt(out_channels * kh * kw).")
    if abs(w.mean().item()) > 0.1 * bound:
        fail(f"the weights' mean is {w.mean().item():.4f}, expected about 0", kind="value")


def test_forward_matches_torch(room):
    """ConvTranspose2d(32, 16, 4, stride=2, padding=1) maps (2, 32, 7, 7) to (2, 16, 14, 14), as torch does."""
    m = _make(room, 32, 16, 4, stride=2, padding=1)
    x = torch.randn(2, 32, 7, 7, generator=torch.Generator().manual_seed(1))
    got = call(m, x)
    assert_shape(got, (2, 16, 14, 14), call="ConvTranspose2d(32, 16, 4, 2, 1)(x)",
                 dims="batch channels height width")
    assert_tensor_close(got, F.conv_transpose2d(x, m.weight.detach(), stride=2, padding=1),
                        call="ConvTranspose2d(32, 16, 4, stride=2, padding=1)(x)",
                        dims="batch channels height width", atol=1e-5)


def test_pairs_for_stride_and_padding(room):
    """kernel (3, 2), stride (2, 1), padding (1, 0): each axis uses its own numbers."""
    m = _make(room, 3, 4, (3, 2), stride=(2, 1), padding=(1, 0))
    x = torch.randn(1, 3, 5, 4, generator=torch.Generator().manual_seed(2))
    assert_tensor_close(call(m, x),
                        F.conv_transpose2d(x, m.weight.detach(), stride=(2, 1), padding=(1, 0)),
                        call="ConvTranspose2d(3, 4, (3, 2), stride=(2, 1), padding=(1, 0))(x)",
                        dims="batch channels height width", atol=1e-5)
