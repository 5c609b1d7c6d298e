"""Cases for maxpool2d: hand-checked, default stride, -inf padding, pairs, vs torch's max_pool2d."""

import torch
import torch.nn.functional as F

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, call_watched, fail


DIMS = "batch in_channels output_height output_width"


def _check(room, x: torch.Tensor, kernel_size, stride, padding, label: str, **kw) -> None:
    if stride is None:
        got = call(room.maxpool2d, x, kernel_size, padding=padding)
        what = f"maxpool2d({label}, kernel_size={kernel_size}, padding={padding})"
    else:
        got = call(room.maxpool2d, x, kernel_size, stride=stride, padding=padding)
        what = f"maxpool2d({label}, kernel_size={kernel_size}, stride={stride}, padding={padding})"
    expected = F.max_pool2d(x, kernel_size, stride=stride, padding=padding)
    assert_tensor_close(got, expected, call=what, dims=DIMS, **kw)


def test_two_by_two_blocks_hand_checked(room):
    """arange(16).view(4, 4), kernel 2: the max of each 2x2 block is [[5, 7], [13, 15]]."""
    x = torch.arange(16.0).view(1, 1, 4, 4)
    got = call(room.maxpool2d, x, 2)
    assert_tensor_close(got, torch.tensor([[[[5.0, 7.0], [13.0, 15.0]]]]),
                        call="maxpool2d(arange(16.).view(1, 1, 4, 4), 2)", dims=DIMS)


def test_stride_defaults_to_kernel_size(room):
    """No stride given: windows side by side, stride = kernel size (seed 0)."""
    torch.manual_seed(fresh_seed(0))
    _check(room, torch.randn(2, 3, 9, 7), 3, None, 0, "randn(2, 3, 9, 7)")
    _check(room, torch.randn(1, 2, 6, 8), (2, 4), None, 0, "randn(1, 2, 6, 8)")


def test_padding_on_all_negative_input(room):
    """Every value below -1, padding 1: a padded cell must never win (-inf, not 0) (seed 1)."""
    torch.manual_seed(fresh_seed(1))
    x = -1.0 - torch.rand(2, 2, 5, 6)
    _check(room, x, 3, 2, 1, "-1 - rand(2, 2, 5, 6)")


def test_non_square_kernel_stride_and_padding(room):
    """kernel (2, 3), stride (1, 2), padding (1, 1) on a non-square image (seed 2)."""
    torch.manual_seed(fresh_seed(2))
    _check(room, torch.randn(2, 2, 5, 8), (2, 3), (1, 2), (1, 1), "randn(2, 2, 5, 8)")


def test_random_vs_torch_max_pool2d(room):
    """Random shapes and settings, stride None for half of them (seed 3)."""
    gen = torch.Generator().manual_seed(fresh_seed(3))
    for b, ic, h, w, k, s, p in [(2, 3, 8, 8, 2, 1, 1), (1, 1, 7, 5, 3, None, 1),
                                 (3, 2, 10, 9, 4, 3, 2), (1, 4, 6, 6, 1, None, 0),
                                 (2, 1, 9, 11, (3, 2), (2, 3), (1, 0)), (1, 2, 5, 5, 5, None, 2)]:
        x = torch.randn(b, ic, h, w, generator=gen)
        _check(room, x, k, s, p, f"randn({b}, {ic}, {h}, {w})")


def test_float64_channels_last_input(room):
    """A float64 permuted view as input: float64 out, strides from x (seed 4)."""
    torch.manual_seed(fresh_seed(4))
    x = torch.randn(2, 7, 6, 3, dtype=torch.float64).permute(0, 3, 1, 2)
    _check(room, x, 2, 2, 1, "float64 randn(2, 7, 6, 3).permute(0, 3, 1, 2)", exact_dtype=True)


def test_windows_built_with_as_strided(room):
    """Runs on as_strided, without torch's max_pool2d, unfold or pad."""
    _, used = call_watched(room.maxpool2d, torch.ones(1, 1, 4, 4), 2, 2, 1)
    banned = sorted(used & {"max_pool2d", "max_pool2d_with_indices", "adaptive_max_pool2d",
                            "unfold", "pad", "constant_pad_nd"})
    if banned:
        fail(f"maxpool2d called torch's {', '.join(banned)}: build the padding and the "
             "windows yourself", kind="rule")
    if "as_strided" not in used:
        fail("maxpool2d never called as_strided: this room is about the strided window view",
             kind="rule")
