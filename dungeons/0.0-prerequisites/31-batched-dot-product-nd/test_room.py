"""Cases for batched_dot_product_nd: 2-D, 3-D, 4-D random, size-1 axes, float64."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, fail


def _slow_batched_dot(a, b):
    """One plain dot product per batch item, over the flattened item."""
    out = torch.zeros(a.shape[0], dtype=a.dtype)
    for i in range(a.shape[0]):
        out[i] = torch.dot(a[i].reshape(-1), b[i].reshape(-1))
    return out


def test_two_dims_hand_checked(room):
    """[[1, 2], [3, 4]] with [[5, 6], [7, 8]]: 1*5 + 2*6 = 17 and 3*7 + 4*8 = 53."""
    a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    b = torch.tensor([[5.0, 6.0], [7.0, 8.0]])
    got = call(room.batched_dot_product_nd, a, b)
    assert_tensor_close(got, torch.tensor([17.0, 53.0]),
                        call="batched_dot_product_nd((2, 2), (2, 2))", dims="batch")


def test_three_dims_sum_of_squares(room):
    """arange(12) as (2, 2, 3), dotted with itself: 0^2+...+5^2 = 55 and 6^2+...+11^2 = 451."""
    a = torch.arange(12.0).reshape(2, 2, 3)
    got = call(room.batched_dot_product_nd, a, a.clone())
    assert_tensor_close(got, torch.tensor([55.0, 451.0]),
                        call="batched_dot_product_nd((2, 2, 3), (2, 2, 3))", dims="batch")


def test_four_dims_random(room):
    """Random (3, 2, 4, 5) tensors (seed 0) against one plain dot product per batch item."""
    torch.manual_seed(fresh_seed(0))
    a, b = torch.randn(3, 2, 4, 5), torch.randn(3, 2, 4, 5)
    got = call(room.batched_dot_product_nd, a, b)
    assert_tensor_close(got, _slow_batched_dot(a, b),
                        call="batched_dot_product_nd((3, 2, 4, 5), (3, 2, 4, 5))", dims="batch")


def test_size_one_axes(room):
    """A batch of one (1, 1, 3), and feature axes of size one (4, 1, 1, 1)."""
    torch.manual_seed(fresh_seed(1))
    for shape in ((1, 1, 3), (4, 1, 1, 1)):
        a, b = torch.randn(shape), torch.randn(shape)
        got = call(room.batched_dot_product_nd, a, b)
        assert_tensor_close(got, _slow_batched_dot(a, b),
                            call=f"batched_dot_product_nd({shape}, {shape})", dims="batch")


def test_float64_stays_float64(room):
    """float64 inputs give a float64 result."""
    torch.manual_seed(fresh_seed(2))
    a = torch.randn(2, 3, 2, dtype=torch.float64)
    b = torch.randn(2, 3, 2, dtype=torch.float64)
    got = call(room.batched_dot_product_nd, a, b)
    assert_tensor_close(got, _slow_batched_dot(a, b), call="batched_dot_product_nd(float64)",
                        dims="batch", atol=1e-12, rtol=1e-10)
    if got.dtype != torch.float64:
        fail(f"batched_dot_product_nd(float64) returned dtype {got.dtype}, expected float64",
             kind="dtype")
