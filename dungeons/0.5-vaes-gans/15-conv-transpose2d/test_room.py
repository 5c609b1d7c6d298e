"""Cases for conv_transpose2d: hand-checked tiling and overlap, the (k=4, s=2, p=1) doubling,
rectangular strides/paddings/kernels, random cases against torch.conv_transpose2d."""

import torch
import torch.nn.functional as F

from arena_dungeon.testing import assert_tensor_close, call_watched, fail

DIMS = "batch out_channels height width"


def _run(room, x, w, stride, padding):
    got, ran = call_watched(room.conv_transpose2d, x, w, stride=stride, padding=padding)
    if {"conv_transpose1d", "conv_transpose2d"} & ran:
        fail("conv_transpose2d ran torch's transposed convolution; build it from F.conv2d",
             kind="rule")
    return got


def test_stride_two_tiles_the_kernel(room):
    """Ones (1, 1, 2, 2) with a 2x2 kernel of ones and stride 2: a 4x4 block of ones."""
    x, w = torch.ones(1, 1, 2, 2), torch.ones(1, 1, 2, 2)
    assert_tensor_close(_run(room, x, w, 2, 0), torch.ones(1, 1, 4, 4),
                        call="conv_transpose2d(ones(1, 1, 2, 2), ones(1, 1, 2, 2), stride=2)",
                        dims=DIMS)


def test_stride_one_overlaps(room):
    """The same with stride 1: the four copies overlap into [[1, 2, 1], [2, 4, 2], [1, 2, 1]]."""
    x, w = torch.ones(1, 1, 2, 2), torch.ones(1, 1, 2, 2)
    expected = torch.tensor([[[[1.0, 2, 1], [2, 4, 2], [1, 2, 1]]]])
    assert_tensor_close(_run(room, x, w, 1, 0), expected,
                        call="conv_transpose2d(ones(1, 1, 2, 2), ones(1, 1, 2, 2))", dims=DIMS)


def test_kernel4_stride2_padding1_doubles(room):
    """(2, 3, 7, 7) with a (3, 2, 4, 4) kernel, stride 2, padding 1: (2, 2, 14, 14), as torch."""
    torch.manual_seed(0)
    x, w = torch.randn(2, 3, 7, 7), torch.randn(3, 2, 4, 4)
    assert_tensor_close(_run(room, x, w, 2, 1), F.conv_transpose2d(x, w, stride=2, padding=1),
                        call="conv_transpose2d(randn(2, 3, 7, 7), randn(3, 2, 4, 4), stride=2, "
                             "padding=1)", dims=DIMS, atol=1e-4)


def test_rectangular_stride_and_padding(room):
    """A 3x2 kernel, stride (1, 3), padding (2, 0): each axis gets its own numbers."""
    torch.manual_seed(1)
    x, w = torch.randn(1, 2, 4, 3), torch.randn(2, 3, 3, 2)
    assert_tensor_close(_run(room, x, w, (1, 3), (2, 0)),
                        F.conv_transpose2d(x, w, stride=(1, 3), padding=(2, 0)),
                        call="conv_transpose2d(randn(1, 2, 4, 3), randn(2, 3, 3, 2), "
                             "stride=(1, 3), padding=(2, 0))", dims=DIMS, atol=1e-4)


def test_random_cases_match_torch(room):
    """6 random cases with int strides 1-3 and paddings, against torch.conv_transpose2d (seed 2)."""
    g = torch.Generator().manual_seed(2)
    for _ in range(6):
        b, ci, co = (int(v) for v in torch.randint(1, 4, (3,), generator=g))
        h, w_, k = (int(v) for v in torch.randint(2, 6, (3,), generator=g))
        stride = int(torch.randint(1, 4, (), generator=g))
        padding = int(torch.randint(0, k, (), generator=g))
        if min(h, w_) - 1 < 0 or (min(h, w_) - 1) * stride - 2 * padding + k < 1:
            continue
        x, w = torch.randn(b, ci, h, w_, generator=g), torch.randn(ci, co, k, k, generator=g)
        assert_tensor_close(_run(room, x, w, stride, padding),
                            F.conv_transpose2d(x, w, stride=stride, padding=padding),
                            call=f"conv_transpose2d(randn{tuple(x.shape)}, randn{tuple(w.shape)}, "
                                 f"stride={stride}, padding={padding})", dims=DIMS, atol=1e-4)
