"""Cases for pad2d: hand-checked, each side alone, lopsided paddings, dtype, vs F.pad."""

import torch
import torch.nn.functional as F

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, call_watched, fail


DIMS = "batch in_channels output_height output_width"


def _check(room, x: torch.Tensor, left: int, right: int, top: int, bottom: int,
           value: float, label: str, **kw) -> None:
    got = call(room.pad2d, x, left, right, top, bottom, value)
    expected = F.pad(x, (left, right, top, bottom), value=value)
    assert_tensor_close(got, expected,
                        call=f"pad2d({label}, left={left}, right={right}, top={top}, "
                             f"bottom={bottom}, pad_value={value})",
                        dims=DIMS, atol=0.0, rtol=0.0, **kw)


def test_left_and_bottom_hand_checked(room):
    """[[1, 2]] with left=1, bottom=2 gives [[0, 1, 2], [0, 0, 0], [0, 0, 0]]."""
    got = call(room.pad2d, torch.tensor([[[[1.0, 2.0]]]]), 1, 0, 0, 2, 0.0)
    expected = torch.tensor([[[[0.0, 1.0, 2.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]]])
    assert_tensor_close(got, expected, call="pad2d([[[[1., 2.]]]], 1, 0, 0, 2, 0.)", dims=DIMS)


def test_one_side_at_a_time(room):
    """Only one of left, right, top, bottom is non-zero (zeros on the other three)."""
    x = torch.arange(6.0).view(1, 1, 2, 3)
    for sides in [(2, 0, 0, 0), (0, 2, 0, 0), (0, 0, 2, 0), (0, 0, 0, 2)]:
        _check(room, x, *sides, -1.0, "arange(6.).view(1, 1, 2, 3)")


def test_every_side_different(room):
    """left=1, right=3, top=2, bottom=0 on a non-square image: catches swapped axes."""
    x = torch.arange(12.0).view(1, 1, 3, 4)
    _check(room, x, 1, 3, 2, 0, 5.0, "arange(12.).view(1, 1, 3, 4)")


def test_no_padding_at_all(room):
    """All four zero: the same values come back."""
    x = torch.tensor([[[[1.0, -2.0], [3.0, 0.5]]]])
    _check(room, x, 0, 0, 0, 0, 9.0, "[[[[1, -2], [3, 0.5]]]]")


def test_random_batches_vs_torch_pad(room):
    """Random (b, ic, h, w) with several channels and paddings (seed 0)."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for b, ic, h, w, sides in [(2, 3, 4, 5, (1, 2, 3, 1)), (1, 1, 1, 1, (2, 0, 1, 3)),
                               (3, 2, 5, 2, (0, 1, 0, 2))]:
        x = torch.randn(b, ic, h, w, generator=gen)
        _check(room, x, *sides, 0.25, f"randn({b}, {ic}, {h}, {w})")


def test_float64_with_minus_infinity(room):
    """A float64 input padded with -inf: the output stays float64 (seed 1)."""
    torch.manual_seed(fresh_seed(1))
    x = torch.randn(1, 2, 3, 2, dtype=torch.float64)
    _check(room, x, 1, 1, 2, 1, float("-inf"), "float64 randn(1, 2, 3, 2)", exact_dtype=True)


def test_builds_the_padding_itself(room):
    """Runs without torch's pad."""
    _, used = call_watched(room.pad2d, torch.ones(1, 1, 2, 2), 1, 1, 1, 1, 0.0)
    banned = sorted(used & {"pad", "constant_pad_nd", "reflection_pad2d", "replication_pad2d"})
    if banned:
        fail(f"pad2d called torch's {', '.join(banned)}: build the padded tensor yourself",
             kind="rule")
