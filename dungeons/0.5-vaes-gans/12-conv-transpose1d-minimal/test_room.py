"""Cases for conv_transpose1d_minimal: the hand-checked example, channel mixing, random
cases against torch.conv_transpose1d, a width-1 kernel, and no built-in transposed conv."""

import torch
import torch.nn.functional as F

from arena_dungeon.testing import assert_tensor_close, call_watched, fail

DIMS = "batch out_channels output_width"


def _run(room, x, w, label):
    got, ran = call_watched(room.conv_transpose1d_minimal, x, w)
    if {"conv_transpose1d", "conv_transpose2d"} & ran:
        fail(f"{label} ran torch's transposed convolution; build it from F.conv1d", kind="rule")
    return got


def test_hand_checked_example(room):
    """x = [1, 10], kernel [1, 2, 3]: [1, 2, 3] + [0, 10, 20, 30] = [1, 12, 23, 30]."""
    x, w = torch.tensor([[[1.0, 10.0]]]), torch.tensor([[[1.0, 2.0, 3.0]]])
    assert_tensor_close(_run(room, x, w, "conv_transpose1d_minimal"),
                        torch.tensor([[[1.0, 12.0, 23.0, 30.0]]]),
                        call="conv_transpose1d_minimal([[[1, 10]]], [[[1, 2, 3]]])", dims=DIMS)


def test_in_and_out_channels(room):
    """Two input channels feeding three output channels: weights are (in, out, k), not (out, in, k)."""
    torch.manual_seed(0)
    x, w = torch.randn(1, 2, 4), torch.randn(2, 3, 2)
    assert_tensor_close(_run(room, x, w, "conv_transpose1d_minimal"), F.conv_transpose1d(x, w),
                        call="conv_transpose1d_minimal(randn(1, 2, 4), randn(2, 3, 2))",
                        dims=DIMS, atol=1e-5)


def test_random_cases_match_torch(room):
    """20 random shapes (batch 1-3, channels 1-4, width 1-9, kernel 1-4) against torch (seed 1)."""
    g = torch.Generator().manual_seed(1)
    for _ in range(20):
        b, ci, co = (int(v) for v in torch.randint(1, 5, (3,), generator=g))
        w_len, k = int(torch.randint(1, 10, (), generator=g)), int(torch.randint(1, 5, (), generator=g))
        x, w = torch.randn(b, ci, w_len, generator=g), torch.randn(ci, co, k, generator=g)
        assert_tensor_close(_run(room, x, w, "conv_transpose1d_minimal"),
                            F.conv_transpose1d(x, w),
                            call=f"conv_transpose1d_minimal(randn{tuple(x.shape)}, "
                                 f"randn{tuple(w.shape)})", dims=DIMS, atol=1e-4)


def test_width_one_kernel(room):
    """A kernel of width 1 mixes channels only: the output keeps the input's width."""
    torch.manual_seed(2)
    x, w = torch.randn(2, 3, 5), torch.randn(3, 2, 1)
    assert_tensor_close(_run(room, x, w, "conv_transpose1d_minimal"), F.conv_transpose1d(x, w),
                        call="conv_transpose1d_minimal(randn(2, 3, 5), randn(3, 2, 1))",
                        dims=DIMS, atol=1e-5)
