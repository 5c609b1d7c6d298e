"""Cases for stack_rows_cols: shape, every picture in its place, other pictures, dtype."""

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
    """Picture k pasted at grid row k // 3, grid column k % 3, with numpy slicing."""
    a = arr.numpy()
    _, c, h, w = a.shape
    out = np.zeros((c, 2 * h, 3 * w), dtype=a.dtype)
    for k in range(6):
        r, col = divmod(k, 3)
        out[:, r * h:(r + 1) * h, col * w:(col + 1) * w] = a[k]
    return torch.from_numpy(out)


def test_shape_is_two_rows_three_columns(room):
    """Two pictures high, three wide: (c, 2*h, 3*w) = (3, 96, 144)."""
    arr = _numbers()
    got = call(room.stack_rows_cols, arr)
    _check_shape(got, _target(arr), "stack_rows_cols(arr)", "c 2*h 3*w")


def test_digits_in_reading_order(room):
    """Pictures filled with their own index (2x2 each): the grid reads 0 1 2 / 3 4 5."""
    arr = torch.arange(6, dtype=torch.uint8)[:, None, None, None].expand(6, 3, 2, 2).clone()
    got = call(room.stack_rows_cols, arr)
    assert_tensor_equal(got, _target(arr), call="stack_rows_cols(pictures k filled with k)",
                        dims="c 2*h 3*w")


def test_works_on_other_pictures(room):
    """Random 4x6 pictures (seed 0): rows and columns inside each tile stay in place."""
    arr = _random_pictures()
    got = call(room.stack_rows_cols, arr)
    assert_tensor_equal(got, _target(arr), call="stack_rows_cols(random (6, 3, 4, 6))",
                        dims="c 2*h 3*w")


def test_keeps_uint8_pixels(room):
    """Moving pixels around does not change their dtype: uint8 stays uint8."""
    got = call(room.stack_rows_cols, _random_pictures(seed=1))
    _check_uint8(got, "stack_rows_cols(random uint8)")


def test_matches_the_target_picture(room):
    """Every pixel of the grid equals the target."""
    arr = _numbers()
    got = call(room.stack_rows_cols, arr)
    assert_tensor_equal(got, _target(arr), call="stack_rows_cols(arr)", dims="c 2*h 3*w")
    show_picture(got.permute(1, 2, 0).float() / 255, "0 1 2 over 3 4 5")
