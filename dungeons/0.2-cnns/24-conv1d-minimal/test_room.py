"""Cases for conv1d_minimal: hand-checked, edges and random batches vs torch's conv1d."""

import torch
import torch.nn.functional as F

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, call_watched, fail


def _check(room, x: torch.Tensor, w: torch.Tensor, label: str, **kw) -> None:
    got = call(room.conv1d_minimal, x, w)
    assert_tensor_close(got, F.conv1d(x, w), call=f"conv1d_minimal({label})",
                        dims="batch out_channels output_width", **kw)


def test_two_kernels_hand_checked(room):
    """[1, 2, 3, 4] with kernels [1, 1] and [1, -1]: sums [3, 5, 7] and differences [-1, -1, -1]."""
    x = torch.tensor([[[1.0, 2.0, 3.0, 4.0]]])
    w = torch.tensor([[[1.0, 1.0]], [[1.0, -1.0]]])
    got = call(room.conv1d_minimal, x, w)
    assert_tensor_close(got, torch.tensor([[[3.0, 5.0, 7.0], [-1.0, -1.0, -1.0]]]),
                        call="conv1d_minimal([[[1, 2, 3, 4]]], [[[1, 1]], [[1, -1]]])",
                        dims="batch out_channels output_width")


def test_random_batches_vs_torch_conv1d(room):
    """Random shapes (b, ic, oc, w, kw), including single channels and batch 1 (seed 0)."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for b, ic, oc, w, kw in [(2, 3, 4, 10, 3), (1, 1, 1, 7, 2), (3, 2, 1, 8, 5),
                             (1, 4, 3, 6, 1), (2, 1, 5, 9, 4)]:
        x = torch.randn(b, ic, w, generator=gen)
        k = torch.randn(oc, ic, kw, generator=gen)
        _check(room, x, k, f"randn({b}, {ic}, {w}), randn({oc}, {ic}, {kw})")


def test_different_in_and_out_channels(room):
    """ic = 2, oc = 3: each output channel mixes both input channels (seed 1)."""
    torch.manual_seed(fresh_seed(1))
    _check(room, torch.randn(2, 2, 6), torch.randn(3, 2, 3), "randn(2, 2, 6), randn(3, 2, 3)")


def test_kernel_as_wide_as_the_input(room):
    """kw == w: one window per (batch, out channel), output width 1 (seed 2)."""
    torch.manual_seed(fresh_seed(2))
    _check(room, torch.randn(2, 3, 5), torch.randn(2, 3, 5), "randn(2, 3, 5), randn(2, 3, 5)")


def test_channels_last_input(room):
    """x is a transposed view (strides (w*ic, 1, ic)): all strides must come from x (seed 3)."""
    torch.manual_seed(fresh_seed(3))
    x = torch.randn(2, 9, 3).transpose(1, 2)
    _check(room, x, torch.randn(4, 3, 2), "randn(2, 9, 3).transpose(1, 2), randn(4, 3, 2)")


def test_float64_inputs(room):
    """float64 in, float64 out (seed 4)."""
    torch.manual_seed(fresh_seed(4))
    x = torch.randn(2, 3, 12, dtype=torch.float64)
    w = torch.randn(2, 3, 4, dtype=torch.float64)
    _check(room, x, w, "float64 (2, 3, 12), float64 (2, 3, 4)", exact_dtype=True)


def test_windows_built_with_as_strided(room):
    """Runs on as_strided, without torch's conv1d or unfold."""
    _, used = call_watched(room.conv1d_minimal, torch.ones(1, 2, 5), torch.ones(3, 2, 2))
    banned = sorted(used & {"conv1d", "conv2d", "convolution", "unfold", "conv_tbc"})
    if banned:
        fail(f"conv1d_minimal called torch's {', '.join(banned)}: build the windows "
             "yourself with as_strided", kind="rule")
    if "as_strided" not in used:
        fail("conv1d_minimal never called as_strided: this room is about the window view",
             kind="rule")
