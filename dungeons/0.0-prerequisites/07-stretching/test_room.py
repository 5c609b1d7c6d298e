"""Cases for stretching: shape, rows doubled in place (not tiled), other pictures, dtype."""

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
    """Picture 0 with row y written to rows 2y and 2y+1, one row at a time."""
    a = arr.numpy()
    _, c, h, w = a.shape
    out = np.zeros((c, 2 * h, w), dtype=a.dtype)
    for y in range(h):
        out[:, 2 * y] = a[0, :, y]
        out[:, 2 * y + 1] = a[0, :, y]
    return torch.from_numpy(out)


def test_shape_is_channels_double_height_width(room):
    """Double height, same width: (c, 2*h, w) = (3, 96, 48)."""
    arr = _numbers()
    got = call(room.stretching, arr)
    _check_shape(got, _target(arr), "stretching(arr)", "c 2*h w")


def test_each_row_twice_in_place(room):
    """Rows 10, 20, 30 become 10, 10, 20, 20, 30, 30 (a tiled 10, 20, 30, 10, ... is wrong)."""
    arr = torch.zeros(6, 3, 3, 2, dtype=torch.uint8)
    arr[0] = torch.tensor([10, 20, 30], dtype=torch.uint8)[None, :, None]
    got = call(room.stretching, arr)
    assert_tensor_equal(got, _target(arr), call="stretching(rows 10, 20, 30)", dims="c 2*h w")


def test_columns_are_not_stretched(room):
    """Columns 1, 2, 3, 4 stay 1, 2, 3, 4 in every row: only the height doubles."""
    arr = torch.zeros(6, 3, 2, 4, dtype=torch.uint8)
    arr[0] = torch.tensor([1, 2, 3, 4], dtype=torch.uint8)
    got = call(room.stretching, arr)
    assert_tensor_equal(got, _target(arr), call="stretching(columns 1, 2, 3, 4)", dims="c 2*h w")


def test_works_on_other_pictures(room):
    """Random 4x6 pictures (seed 0): picture 0, every row doubled."""
    arr = _random_pictures()
    got = call(room.stretching, arr)
    assert_tensor_equal(got, _target(arr), call="stretching(random (6, 3, 4, 6))", dims="c 2*h w")
    _check_uint8(got, "stretching(random uint8)")


def test_matches_the_target_picture(room):
    """Every pixel of the tall digit equals the target."""
    arr = _numbers()
    got = call(room.stretching, arr)
    assert_tensor_equal(got, _target(arr), call="stretching(arr)", dims="c 2*h w")
    show_picture(got.permute(1, 2, 0).float() / 255, "digit 0, stretched")
