"""Cases for conv_transpose1d: hand-checked stride and padding, the decoder's (k=4, s=2, p=1)
doubling, random cases against torch.conv_transpose1d, and no built-in transposed conv."""

import torch
import torch.nn.functional as F

from arena_dungeon.testing import assert_tensor_close, call_watched, fail

DIMS = "batch out_channels output_width"


def _run(room, x, w, stride, padding):
    got, ran = call_watched(room.conv_transpose1d, x, w, stride=stride, padding=padding)
    if {"conv_transpose1d", "conv_transpose2d"} & ran:
        fail("conv_transpose1d ran torch's transposed convolution; build it from F.conv1d",
             kind="rule")
    return got


def test_stride_two_hand_checked(room):
    """[1, 10] with kernel [1, 2, 3], stride 2: [1, 2, 3] at 0 plus [10, 20, 30] at 2."""
    x, w = torch.tensor([[[1.0, 10.0]]]), torch.tensor([[[1.0, 2.0, 3.0]]])
    assert_tensor_close(_run(room, x, w, 2, 0), torch.tensor([[[1.0, 2.0, 13.0, 20.0, 30.0]]]),
                        call="conv_transpose1d([[[1, 10]]], [[[1, 2, 3]]], stride=2)", dims=DIMS)


def test_padding_trims_both_ends(room):
    """The same with padding=1: one element trimmed from each end, [2, 13, 20]."""
    x, w = torch.tensor([[[1.0, 10.0]]]), torch.tensor([[[1.0, 2.0, 3.0]]])
    assert_tensor_close(_run(room, x, w, 2, 1), torch.tensor([[[2.0, 13.0, 20.0]]]),
                        call="conv_transpose1d([[[1, 10]]], [[[1, 2, 3]]], stride=2, padding=1)",
                        dims=DIMS)


def test_kernel4_stride2_padding1_doubles(room):
    """Kernel 4, stride 2, padding 1 (the decoders' setting) maps width 7 to 14, as torch does."""
    torch.manual_seed(0)
    x, w = torch.randn(2, 3, 7), torch.randn(3, 2, 4)
    assert_tensor_close(_run(room, x, w, 2, 1), F.conv_transpose1d(x, w, stride=2, padding=1),
                        call="conv_transpose1d(randn(2, 3, 7), randn(3, 2, 4), stride=2, padding=1)",
                        dims=DIMS, atol=1e-5)


def test_random_strides_and_paddings(room):
    """12 random cases: stride 1-3, padding 0..kernel-1, against torch.conv_transpose1d (seed 1)."""
    g = torch.Generator().manual_seed(1)
    for _ in range(12):
        b, ci, co = (int(v) for v in torch.randint(1, 4, (3,), generator=g))
        width, k = int(torch.randint(2, 8, (), generator=g)), int(torch.randint(2, 5, (), generator=g))
        stride = int(torch.randint(1, 4, (), generator=g))
        padding = int(torch.randint(0, k, (), generator=g))
        if (width - 1) * stride - 2 * padding + k < 1:
            continue
        x, w = torch.randn(b, ci, width, generator=g), torch.randn(ci, co, k, generator=g)
        assert_tensor_close(_run(room, x, w, stride, padding),
                            F.conv_transpose1d(x, w, stride=stride, padding=padding),
                            call=f"conv_transpose1d(randn{tuple(x.shape)}, randn{tuple(w.shape)}, "
                                 f"stride={stride}, padding={padding})", dims=DIMS, atol=1e-4)
