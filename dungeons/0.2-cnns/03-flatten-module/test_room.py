"""Cases for Flatten: default, explicit and negative dims, a no-op range, an empty batch."""

import torch
from torch import nn

from arena_dungeon.testing import fresh_seed, assert_tensor_equal, call, fail


def _check(room, shape, *args):
    torch.manual_seed(fresh_seed(0))
    x = torch.randn(*shape)
    what = f"Flatten({', '.join(map(str, args))})(x) for x of shape {tuple(shape)}"
    mine = room.Flatten(*args)
    if not isinstance(mine, nn.Module):
        fail(f"Flatten(...) made a {type(mine).__name__}, expected an nn.Module", kind="type")
    assert_tensor_equal(call(mine, x), nn.Flatten(*args)(x), call=what)


def test_default_keeps_the_batch_axis(room):
    """Flatten() on (2, 3, 4, 5) gives (2, 60), in row-major order."""
    _check(room, (2, 3, 4, 5))


def test_explicit_start_and_end(room):
    """Flatten(0, 1) on (2, 3, 4, 5) gives (6, 4, 5); Flatten(1, 2) gives (2, 12, 5)."""
    _check(room, (2, 3, 4, 5), 0, 1)
    _check(room, (2, 3, 4, 5), 1, 2)


def test_negative_end_dim(room):
    """Flatten(1, -2) on (2, 3, 4, 5) gives (2, 12, 5); Flatten(-3, -1) gives (2, 60)."""
    _check(room, (2, 3, 4, 5), 1, -2)
    _check(room, (2, 3, 4, 5), -3, -1)


def test_single_axis_range_changes_nothing(room):
    """Flatten(2, 2) merges one axis with itself: the shape stays (2, 3, 4, 5)."""
    _check(room, (2, 3, 4, 5), 2, 2)


def test_size_one_axes(room):
    """Flatten(0, -1) on (1, 3, 1) gives (3,)."""
    _check(room, (1, 3, 1), 0, -1)


def test_empty_batch(room):
    """Flatten() on an empty batch (0, 3, 4) gives (0, 12), not an error."""
    _check(room, (0, 3, 4))


def test_channels_last_view_input(room):
    """x is a permuted view (a channels-last feature map, not contiguous): Flatten() must
    still give (2, 60) in row-major order of x's own axes, as nn.Flatten does."""
    torch.manual_seed(fresh_seed(1))
    x = torch.randn(2, 4, 5, 3).permute(0, 3, 1, 2)    # (2, 3, 4, 5), strides not row-major
    mine = room.Flatten()
    assert_tensor_equal(call(mine, x), nn.Flatten()(x),
                        call="Flatten()(x) for x = randn(2, 4, 5, 3).permute(0, 3, 1, 2)")
