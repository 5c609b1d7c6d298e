"""Cases for column_stacking: shape, order of the digits, other pictures, dtype, the picture."""

from pathlib import Path

import numpy as np
import torch

from arena_dungeon.testing import assert_tensor_equal, call, fail, show_picture

ASSET = Path(__file__).resolve().parent.parent / "assets" / "numbers.npy"


def _numbers() -> torch.Tensor:
    """The room's picture: digits 0-5, uint8 (6, 3, 48, 48) = (b, c, h, w)."""
    if not ASSET.is_file():
        fail(f"the picture file {ASSET} is missing: run scripts/make_numbers.py",
             kind="harness")
    return torch.from_numpy(np.load(ASSET))


def _random_pictures(h: int = 4, w: int = 6, seed: int = 0) -> torch.Tensor:
    """Six small random uint8 'pictures' (6, 3, h, w), with h != w to expose swapped axes."""
    gen = torch.Generator().manual_seed(seed)
    return torch.randint(0, 256, (6, 3, h, w), dtype=torch.uint8, generator=gen)


def _check_shape(got, expected: torch.Tensor, call_text: str, dims: str) -> None:
    """Fail (type or shape) unless `got` is a tensor shaped like `expected`."""
    if not isinstance(got, torch.Tensor) or got.shape != expected.shape:
        assert_tensor_equal(got, expected, call=call_text, dims=dims)


def _check_uint8(got, call_text: str) -> None:
    if not isinstance(got, torch.Tensor):
        fail(f"{call_text} returned {type(got).__name__}, expected a tensor", kind="type")
    if got.dtype != torch.uint8:
        fail(f"{call_text} returned dtype {got.dtype}, expected torch.uint8: moving pixels "
             "around should not change their type", kind="dtype")


def _target(arr: torch.Tensor) -> torch.Tensor:
    """The six pictures one above the other, built with numpy slicing."""
    a = arr.numpy()
    b, c, h, w = a.shape
    out = np.zeros((c, b * h, w), dtype=a.dtype)
    for k in range(b):
        out[:, k * h:(k + 1) * h, :] = a[k]
    return torch.from_numpy(out)


def test_shape_is_channels_tall_column_width(room):
    """Six 48-row pictures stacked: (c, b*h, w) = (3, 288, 48)."""
    arr = _numbers()
    got = call(room.column_stacking, arr)
    _check_shape(got, _target(arr), "column_stacking(arr)", "c b*h w")


def test_digits_in_order_top_to_bottom(room):
    """Pictures filled with their own index: rows 0-2 are all 0, rows 3-5 all 1, ..."""
    arr = torch.arange(6, dtype=torch.uint8)[:, None, None, None].expand(6, 3, 3, 2).clone()
    got = call(room.column_stacking, arr)
    assert_tensor_equal(got, _target(arr), call="column_stacking(pictures k filled with k)",
                        dims="c b*h w")


def test_works_on_other_pictures(room):
    """Six random 4x6 pictures (seed 0): the same moves must work for any h and w."""
    arr = _random_pictures()
    got = call(room.column_stacking, arr)
    assert_tensor_equal(got, _target(arr), call="column_stacking(random (6, 3, 4, 6))",
                        dims="c b*h w")


def test_keeps_uint8_pixels(room):
    """Moving pixels around does not change their dtype: uint8 stays uint8."""
    got = call(room.column_stacking, _random_pictures(seed=1))
    _check_uint8(got, "column_stacking(random uint8)")


def test_matches_the_target_picture(room):
    """Every pixel of the stacked column equals the target."""
    arr = _numbers()
    got = call(room.column_stacking, arr)
    assert_tensor_equal(got, _target(arr), call="column_stacking(arr)", dims="c b*h w")
    show_picture(got.permute(1, 2, 0).float() / 255, "six digits in a column")
