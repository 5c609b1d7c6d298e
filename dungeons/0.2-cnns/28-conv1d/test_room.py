"""Cases for conv1d: hand-checked, strides and paddings vs torch's conv1d, views, float64."""

import torch
import torch.nn.functional as F

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, call_watched, fail


DIMS = "batch out_channels output_width"


def _check(room, x: torch.Tensor, w: torch.Tensor, stride: int, padding: int, label: str,
           **kw) -> None:
    got = call(room.conv1d, x, w, stride=stride, padding=padding)
    expected = F.conv1d(x, w, stride=stride, padding=padding)
    assert_tensor_close(got, expected, call=f"conv1d({label}, stride={stride}, "
                                            f"padding={padding})", dims=DIMS, **kw)


def test_stride_two_padding_one_hand_checked(room):
    """[1..5], kernel [1, 1, 1], stride 2, padding 1: windows of [0,1,2,3,4,5,0] -> [3, 9, 9]."""
    x = torch.tensor([[[1.0, 2.0, 3.0, 4.0, 5.0]]])
    got = call(room.conv1d, x, torch.ones(1, 1, 3), stride=2, padding=1)
    assert_tensor_close(got, torch.tensor([[[3.0, 9.0, 9.0]]]),
                        call="conv1d([[[1, 2, 3, 4, 5]]], [[[1, 1, 1]]], stride=2, padding=1)",
                        dims=DIMS)


def test_defaults_are_stride_one_no_padding(room):
    """Called with x and weights only: a plain valid convolution (seed 0)."""
    torch.manual_seed(fresh_seed(0))
    x, w = torch.randn(2, 3, 9), torch.randn(4, 3, 3)
    got = call(room.conv1d, x, w)
    assert_tensor_close(got, F.conv1d(x, w), call="conv1d(randn(2, 3, 9), randn(4, 3, 3))",
                        dims=DIMS)


def test_random_strides_and_paddings(room):
    """Random shapes with stride 1-3 and padding 0-2, channels and batch of 1 (seed 1)."""
    gen = torch.Generator().manual_seed(fresh_seed(1))
    for b, ic, oc, w, kw, s, p in [(2, 3, 2, 10, 3, 2, 1), (1, 1, 1, 7, 2, 1, 2),
                                   (3, 2, 4, 12, 4, 3, 0), (1, 4, 3, 6, 1, 2, 2),
                                   (2, 1, 1, 5, 5, 1, 1)]:
        x = torch.randn(b, ic, w, generator=gen)
        k = torch.randn(oc, ic, kw, generator=gen)
        _check(room, x, k, s, p, f"randn({b}, {ic}, {w}), randn({oc}, {ic}, {kw})")


def test_stride_larger_than_the_kernel(room):
    """stride 3 with a kernel of 2: some inputs are skipped entirely (seed 2)."""
    torch.manual_seed(fresh_seed(2))
    _check(room, torch.randn(2, 2, 11), torch.randn(3, 2, 2), 3, 1,
           "randn(2, 2, 11), randn(3, 2, 2)")


def test_stride_that_does_not_divide_evenly(room):
    """w + 2p - kw not a multiple of stride: the leftover inputs make no window (seed 3)."""
    torch.manual_seed(fresh_seed(3))
    _check(room, torch.randn(1, 2, 8), torch.randn(2, 2, 3), 2, 0,
           "randn(1, 2, 8), randn(2, 2, 3)")
    _check(room, torch.randn(1, 1, 10), torch.randn(1, 1, 4), 4, 1,
           "randn(1, 1, 10), randn(1, 1, 4)")


def test_float64_channels_last_input(room):
    """A float64 transposed view as input: float64 out, strides from x (seed 4)."""
    torch.manual_seed(fresh_seed(4))
    x = torch.randn(2, 9, 3, dtype=torch.float64).transpose(1, 2)
    w = torch.randn(2, 3, 3, dtype=torch.float64)
    _check(room, x, w, 2, 1, "float64 randn(2, 9, 3).transpose(1, 2), randn(2, 3, 3)",
           exact_dtype=True)


def test_windows_built_with_as_strided(room):
    """Runs on as_strided, without torch's conv1d, unfold or pad."""
    _, used = call_watched(room.conv1d, torch.ones(1, 2, 6), torch.ones(1, 2, 3), stride=2,
                           padding=1)
    banned = sorted(used & {"conv1d", "conv2d", "convolution", "unfold", "pad",
                            "constant_pad_nd"})
    if banned:
        fail(f"conv1d called torch's {', '.join(banned)}: build the padding and the "
             "windows yourself", kind="rule")
    if "as_strided" not in used:
        fail("conv1d never called as_strided: this room is about the strided window view",
             kind="rule")
