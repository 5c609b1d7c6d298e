"""Cases for pad1d: hand-checked, zero padding on either side, dtype, random vs F.pad."""

import torch
import torch.nn.functional as F

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, call_watched, fail


DIMS = "batch in_channels output_width"


def _check(room, x: torch.Tensor, left: int, right: int, value: float, label: str,
           **kw) -> None:
    got = call(room.pad1d, x, left, right, value)
    expected = F.pad(x, (left, right), value=value)
    assert_tensor_close(got, expected, call=f"pad1d({label}, {left}, {right}, {value})",
                        dims=DIMS, atol=0.0, rtol=0.0, **kw)


def test_two_left_one_right_hand_checked(room):
    """[1, 2] with left=2, right=1, value 0 gives [0, 0, 1, 2, 0]."""
    got = call(room.pad1d, torch.tensor([[[1.0, 2.0]]]), 2, 1, 0.0)
    assert_tensor_close(got, torch.tensor([[[0.0, 0.0, 1.0, 2.0, 0.0]]]),
                        call="pad1d([[[1., 2.]]], 2, 1, 0.)", dims=DIMS)


def test_nothing_on_the_right(room):
    """right = 0: only the left side is padded (the `left:-right` slice breaks here)."""
    x = torch.arange(6.0).view(1, 2, 3)
    _check(room, x, 2, 0, -1.0, "arange(6.).view(1, 2, 3)")


def test_nothing_on_the_left(room):
    """left = 0: only the right side is padded."""
    x = torch.arange(6.0).view(2, 1, 3)
    _check(room, x, 0, 3, 7.0, "arange(6.).view(2, 1, 3)")


def test_no_padding_at_all(room):
    """left = right = 0: the same values come back."""
    x = torch.tensor([[[4.0, -1.0, 2.5]]])
    _check(room, x, 0, 0, 9.0, "[[[4, -1, 2.5]]]")


def test_random_batches_vs_torch_pad(room):
    """Random (b, ic, w) and paddings, several channels (seed 0)."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for b, ic, w, left, right, value in [(2, 3, 5, 1, 4, 0.5), (1, 1, 1, 3, 2, -2.0),
                                         (3, 4, 6, 2, 2, 0.0), (2, 2, 4, 5, 1, 1.5)]:
        x = torch.randn(b, ic, w, generator=gen)
        _check(room, x, left, right, value, f"randn({b}, {ic}, {w})")


def test_float64_with_minus_infinity(room):
    """A float64 input padded with -inf: the output stays float64 (seed 1)."""
    torch.manual_seed(fresh_seed(1))
    x = torch.randn(2, 2, 3, dtype=torch.float64)
    _check(room, x, 1, 2, float("-inf"), "float64 randn(2, 2, 3)", exact_dtype=True)


def test_builds_the_padding_itself(room):
    """Runs without torch's pad."""
    _, used = call_watched(room.pad1d, torch.ones(1, 1, 2), 1, 1, 0.0)
    banned = sorted(used & {"pad", "constant_pad_nd", "reflection_pad1d", "replication_pad1d"})
    if banned:
        fail(f"pad1d called torch's {', '.join(banned)}: build the padded tensor yourself",
             kind="rule")
