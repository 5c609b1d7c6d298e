"""Cases for fractional_stride_1d: hand-checked spacing, stride 1, random batches against a
slow loop, a single element, dtype kept, no mutation."""

import torch

from arena_dungeon.testing import assert_tensor_close, assert_tensor_equal, call

DIMS = "batch channels output_width"


def _slow(x, stride):
    b, c, w = x.shape
    out = torch.zeros(b, c, (w - 1) * stride + 1, dtype=x.dtype)
    for i in range(w):
        out[:, :, i * stride] = x[:, :, i]
    return out


def test_stride_two_hand_checked(room):
    """[1, 2, 3] with stride 2 is [1, 0, 2, 0, 3]."""
    x = torch.tensor([[[1.0, 2.0, 3.0]]])
    assert_tensor_equal(call(room.fractional_stride_1d, x, stride=2),
                        torch.tensor([[[1.0, 0.0, 2.0, 0.0, 3.0]]]),
                        call="fractional_stride_1d([[[1, 2, 3]]], stride=2)", dims=DIMS)


def test_stride_one_is_identity(room):
    """stride=1 (the default) returns the same values and shape."""
    torch.manual_seed(0)
    x = torch.randn(2, 3, 4)
    assert_tensor_equal(call(room.fractional_stride_1d, x), x,
                        call="fractional_stride_1d(randn(2, 3, 4))", dims=DIMS)


def test_random_batches_and_strides(room):
    """Batches of 2 x 3 channels, widths 1-6, strides 2-4, against a slow loop (seed 1)."""
    g = torch.Generator().manual_seed(1)
    for stride in (2, 3, 4):
        for width in (1, 2, 6):
            x = torch.randn(2, 3, width, generator=g)
            assert_tensor_close(call(room.fractional_stride_1d, x, stride=stride),
                                _slow(x, stride), dims=DIMS,
                                call=f"fractional_stride_1d(randn(2, 3, {width}), stride={stride})")


def test_keeps_dtype(room):
    """A float64 input gives a float64 output."""
    x = torch.tensor([[[1.5, -2.0]]], dtype=torch.float64)
    assert_tensor_close(call(room.fractional_stride_1d, x, stride=3),
                        torch.tensor([[[1.5, 0, 0, -2.0]]], dtype=torch.float64),
                        call="fractional_stride_1d(float64 [[[1.5, -2]]], stride=3)", dims=DIMS,
                        exact_dtype=True)
