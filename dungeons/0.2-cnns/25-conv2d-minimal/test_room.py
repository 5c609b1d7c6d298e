"""Cases for conv2d_minimal: hand-checked differences, non-square shapes, views vs torch's conv2d."""

import torch
import torch.nn.functional as F

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, call_watched, fail


DIMS = "batch out_channels output_height output_width"


def _check(room, x: torch.Tensor, w: torch.Tensor, label: str, **kw) -> None:
    got = call(room.conv2d_minimal, x, w)
    assert_tensor_close(got, F.conv2d(x, w), call=f"conv2d_minimal({label})", dims=DIMS, **kw)


def test_horizontal_and_vertical_differences(room):
    """On arange(12).view(3, 4): [[1, -1]] gives all -1 (3x3), [[1], [-1]] gives all -4 (2x4)."""
    x = torch.arange(12.0).view(1, 1, 3, 4)
    got = call(room.conv2d_minimal, x, torch.tensor([[[[1.0, -1.0]]]]))
    assert_tensor_close(got, torch.full((1, 1, 3, 3), -1.0),
                        call="conv2d_minimal(arange(12.).view(1, 1, 3, 4), [[[[1, -1]]]])",
                        dims=DIMS)
    got = call(room.conv2d_minimal, x, torch.tensor([[[[1.0], [-1.0]]]]))
    assert_tensor_close(got, torch.full((1, 1, 2, 4), -4.0),
                        call="conv2d_minimal(arange(12.).view(1, 1, 3, 4), [[[[1], [-1]]]])",
                        dims=DIMS)


def test_non_square_inputs_and_kernels(room):
    """Random non-square images and kernels, several channel counts (seed 0)."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for b, ic, oc, h, w, kh, kw in [(2, 3, 4, 5, 7, 2, 3), (1, 2, 3, 8, 6, 4, 1),
                                    (3, 1, 2, 6, 9, 3, 5), (2, 2, 2, 7, 4, 1, 4)]:
        x = torch.randn(b, ic, h, w, generator=gen)
        k = torch.randn(oc, ic, kh, kw, generator=gen)
        _check(room, x, k, f"randn({b}, {ic}, {h}, {w}), randn({oc}, {ic}, {kh}, {kw})")


def test_single_channel_batch_of_one(room):
    """b = ic = oc = 1 and a kernel as big as the image: one output number (seed 1)."""
    torch.manual_seed(fresh_seed(1))
    _check(room, torch.randn(1, 1, 4, 3), torch.randn(1, 1, 4, 3),
           "randn(1, 1, 4, 3), randn(1, 1, 4, 3)")


def test_channels_last_input(room):
    """x is a permuted view (channel stride 1): all strides must come from x (seed 2)."""
    torch.manual_seed(fresh_seed(2))
    x = torch.randn(2, 6, 5, 3).permute(0, 3, 1, 2)
    _check(room, x, torch.randn(2, 3, 3, 2), "randn(2, 6, 5, 3).permute(0, 3, 1, 2), "
                                             "randn(2, 3, 3, 2)")


def test_float64_larger_images(room):
    """float64, 20 x 30 images and 5 x 3 kernels: float64 out (seed 3)."""
    torch.manual_seed(fresh_seed(3))
    x = torch.randn(2, 3, 20, 30, dtype=torch.float64)
    w = torch.randn(4, 3, 5, 3, dtype=torch.float64)
    _check(room, x, w, "float64 (2, 3, 20, 30), float64 (4, 3, 5, 3)", exact_dtype=True)


def test_windows_built_with_as_strided(room):
    """Runs on as_strided, without torch's conv2d or unfold."""
    _, used = call_watched(room.conv2d_minimal, torch.ones(1, 2, 4, 4), torch.ones(1, 2, 2, 2))
    banned = sorted(used & {"conv1d", "conv2d", "convolution", "unfold"})
    if banned:
        fail(f"conv2d_minimal called torch's {', '.join(banned)}: build the windows "
             "yourself with as_strided", kind="rule")
    if "as_strided" not in used:
        fail("conv2d_minimal never called as_strided: this room is about the window view",
             kind="rule")
