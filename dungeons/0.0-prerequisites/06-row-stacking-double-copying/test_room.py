"""Cases for row_stacking_double_copying: shape, layout, other pictures, dtype, the picture."""

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
    """[0][0] over [1][1], written quadrant by quadrant with numpy slicing."""
    a = arr.numpy()
    _, c, h, w = a.shape
    out = np.zeros((c, 2 * h, 2 * w), dtype=a.dtype)
    out[:, :h, :w] = a[0]
    out[:, :h, w:] = a[0]
    out[:, h:, :w] = a[1]
    out[:, h:, w:] = a[1]
    return torch.from_numpy(out)


def test_shape_is_channels_double_height_double_width(room):
    """Two pictures high, two copies wide: (c, 2*h, 2*w) = (3, 96, 96)."""
    arr = _numbers()
    got = call(room.row_stacking_double_copying, arr)
    _check_shape(got, _target(arr), "row_stacking_double_copying(arr)", "c 2*h 2*w")


def test_layout_zero_over_one_copied_right(room):
    """Picture 0 all 0s, picture 1 all 1s, 2x3 each: the top half is 0, the bottom half 1."""
    arr = torch.arange(6, dtype=torch.uint8)[:, None, None, None].expand(6, 3, 2, 3).clone()
    got = call(room.row_stacking_double_copying, arr)
    assert_tensor_equal(got, _target(arr), dims="c 2*h 2*w",
                        call="row_stacking_double_copying(pictures k filled with k)")


def test_works_on_other_pictures(room):
    """Random 4x6 pictures (seed 0): copies of whole columns, not doubled pixels."""
    arr = _random_pictures()
    got = call(room.row_stacking_double_copying, arr)
    assert_tensor_equal(got, _target(arr), dims="c 2*h 2*w",
                        call="row_stacking_double_copying(random (6, 3, 4, 6))")


def test_keeps_uint8_pixels(room):
    """Copying pixels does not change their dtype: uint8 stays uint8."""
    got = call(room.row_stacking_double_copying, _random_pictures(seed=1))
    _check_uint8(got, "row_stacking_double_copying(random uint8)")


def test_matches_the_target_picture(room):
    """Every pixel of the 2x2 layout equals the target."""
    arr = _numbers()
    got = call(room.row_stacking_double_copying, arr)
    assert_tensor_equal(got, _target(arr), call="row_stacking_double_copying(arr)",
                        dims="c 2*h 2*w")
    show_picture(got.permute(1, 2, 0).float() / 255, "0 over 1, twice")
