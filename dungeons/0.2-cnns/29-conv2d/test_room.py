"""Cases for conv2d: hand-checked, int and pair arguments vs torch's conv2d, views, float64."""

import torch
import torch.nn.functional as F

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, call_watched, fail


DIMS = "batch out_channels output_height output_width"


def _check(room, x: torch.Tensor, w: torch.Tensor, stride, padding, label: str, **kw) -> None:
    got = call(room.conv2d, x, w, stride=stride, padding=padding)
    expected = F.conv2d(x, w, stride=stride, padding=padding)
    assert_tensor_close(got, expected, call=f"conv2d({label}, stride={stride}, "
                                            f"padding={padding})", dims=DIMS, **kw)


def test_pair_arguments_hand_checked(room):
    """arange(12).view(3, 4), 2x2 ones, stride (1, 2), padding (0, 1): [[4, 14, 10], [12, 30, 18]]."""
    x = torch.arange(12.0).view(1, 1, 3, 4)
    got = call(room.conv2d, x, torch.ones(1, 1, 2, 2), stride=(1, 2), padding=(0, 1))
    assert_tensor_close(got, torch.tensor([[[[4.0, 14.0, 10.0], [12.0, 30.0, 18.0]]]]),
                        call="conv2d(arange(12.).view(1, 1, 3, 4), ones(1, 1, 2, 2), "
                             "stride=(1, 2), padding=(0, 1))", dims=DIMS)


def test_defaults_are_stride_one_no_padding(room):
    """Called with x and weights only: a plain valid convolution (seed 0)."""
    torch.manual_seed(fresh_seed(0))
    x, w = torch.randn(2, 3, 6, 5), torch.randn(2, 3, 3, 2)
    got = call(room.conv2d, x, w)
    assert_tensor_close(got, F.conv2d(x, w), call="conv2d(randn(2, 3, 6, 5), randn(2, 3, 3, 2))",
                        dims=DIMS)


def test_int_stride_and_padding(room):
    """stride and padding as single ints, several shapes (seed 1)."""
    gen = torch.Generator().manual_seed(fresh_seed(1))
    for b, ic, oc, h, w, kh, kw, s, p in [(2, 3, 2, 7, 6, 3, 2, 2, 1), (1, 1, 1, 5, 5, 3, 3, 1, 2),
                                          (1, 2, 3, 9, 8, 4, 3, 3, 0)]:
        x = torch.randn(b, ic, h, w, generator=gen)
        k = torch.randn(oc, ic, kh, kw, generator=gen)
        _check(room, x, k, s, p, f"randn({b}, {ic}, {h}, {w}), randn({oc}, {ic}, {kh}, {kw})")


def test_pair_stride_and_padding(room):
    """(height, width) pairs that differ, on non-square images and kernels (seed 2)."""
    gen = torch.Generator().manual_seed(fresh_seed(2))
    for b, ic, oc, h, w, kh, kw, s, p in [(2, 2, 3, 8, 11, 3, 2, (1, 3), (2, 0)),
                                          (1, 3, 2, 10, 7, 2, 4, (3, 2), (0, 1)),
                                          (2, 1, 1, 6, 9, 1, 3, (2, 1), (1, 2))]:
        x = torch.randn(b, ic, h, w, generator=gen)
        k = torch.randn(oc, ic, kh, kw, generator=gen)
        _check(room, x, k, s, p, f"randn({b}, {ic}, {h}, {w}), randn({oc}, {ic}, {kh}, {kw})")


def test_stride_larger_than_the_kernel(room):
    """stride 3 with a 2x2 kernel: some pixels are skipped entirely (seed 3)."""
    torch.manual_seed(fresh_seed(3))
    _check(room, torch.randn(1, 2, 10, 8), torch.randn(2, 2, 2, 2), 3, 1,
           "randn(1, 2, 10, 8), randn(2, 2, 2, 2)")


def test_float64_channels_last_input(room):
    """A float64 permuted view as input: float64 out, strides from x (seed 4)."""
    torch.manual_seed(fresh_seed(4))
    x = torch.randn(2, 12, 9, 3, dtype=torch.float64).permute(0, 3, 1, 2)
    w = torch.randn(4, 3, 3, 2, dtype=torch.float64)
    _check(room, x, w, (2, 1), (1, 2), "float64 randn(2, 12, 9, 3).permute(0, 3, 1, 2), "
                                       "randn(4, 3, 3, 2)", exact_dtype=True)


def test_windows_built_with_as_strided(room):
    """Runs on as_strided, without torch's conv2d, unfold or pad."""
    _, used = call_watched(room.conv2d, torch.ones(1, 2, 5, 5), torch.ones(1, 2, 2, 2),
                           stride=2, padding=1)
    banned = sorted(used & {"conv1d", "conv2d", "convolution", "unfold", "pad",
                            "constant_pad_nd"})
    if banned:
        fail(f"conv2d called torch's {', '.join(banned)}: build the padding and the "
             "windows yourself", kind="rule")
    if "as_strided" not in used:
        fail("conv2d never called as_strided: this room is about the strided window view",
             kind="rule")
