"""Cases for AveragePool: hand-checked, random against a slow loop, odd sizes, dtype."""

import torch
from torch import nn

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, fail


def _slow(x):
    b, c, h, w = x.shape
    out = torch.zeros(b, c, dtype=x.dtype)
    for i in range(b):
        for j in range(c):
            out[i, j] = sum(x[i, j, y, z] for y in range(h) for z in range(w)) / (h * w)
    return out


def _pool(room):
    pool = room.AveragePool()
    if not isinstance(pool, nn.Module):
        fail(f"AveragePool() made a {type(pool).__name__}, expected an nn.Module", kind="type")
    return pool


def test_arange_hand_checked(room):
    """arange(24) as (1, 2, 3, 4) gives [[5.5, 17.5]]."""
    x = torch.arange(24.0).reshape(1, 2, 3, 4)
    assert_tensor_close(call(_pool(room), x), torch.tensor([[5.5, 17.5]]),
                        call="AveragePool()(arange(24.).reshape(1, 2, 3, 4))", dims="batch channels")


def test_random_batch_matches_a_slow_loop(room):
    """A random (3, 4, 5, 2) batch, against an obvious double loop."""
    torch.manual_seed(fresh_seed(0))
    x = torch.randn(3, 4, 5, 2)
    assert_tensor_close(call(_pool(room), x), _slow(x), call="AveragePool()(x) for x (3, 4, 5, 2)",
                        dims="batch channels")


def test_one_by_one_feature_map(room):
    """A (2, 3, 1, 1) map just loses its last two axes."""
    torch.manual_seed(fresh_seed(1))
    x = torch.randn(2, 3, 1, 1)
    assert_tensor_close(call(_pool(room), x), x[:, :, 0, 0], call="AveragePool()(x) for x (2, 3, 1, 1)",
                        dims="batch channels")


def test_keeps_float64(room):
    """A float64 (1, 1, 2, 2) map of 1, 2, 3, 4 gives float64 [[2.5]]."""
    x = torch.tensor([[[[1.0, 2.0], [3.0, 4.0]]]], dtype=torch.float64)
    assert_tensor_close(call(_pool(room), x), torch.tensor([[2.5]], dtype=torch.float64),
                        call="AveragePool()(x) for float64 x", exact_dtype=True,
                        dims="batch channels")
