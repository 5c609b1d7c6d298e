"""Cases for split_channels: shape, blocks not interleaved, other pictures, dtype, picture."""

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
    """Channel k of picture 0 copied into columns k*w .. (k+1)*w - 1."""
    a = arr.numpy()
    _, c, h, w = a.shape
    out = np.zeros((h, c * w), dtype=a.dtype)
    for k in range(c):
        out[:, k * w:(k + 1) * w] = a[0, k]
    return torch.from_numpy(out)


def test_shape_is_height_by_three_widths(room):
    """One greyscale picture, three planes wide: (h, c*w) = (48, 144)."""
    arr = _numbers()
    got = call(room.split_channels, arr)
    _check_shape(got, _target(arr), "split_channels(arr)", "h c*w")


def test_three_blocks_not_interleaved(room):
    """Channels filled with 1, 2, 3 (2x3 pictures): each row reads 1 1 1 2 2 2 3 3 3."""
    arr = torch.zeros(6, 3, 2, 3, dtype=torch.uint8)
    arr[0] = torch.tensor([1, 2, 3], dtype=torch.uint8)[:, None, None]
    got = call(room.split_channels, arr)
    assert_tensor_equal(got, _target(arr), call="split_channels(channels filled with 1, 2, 3)",
                        dims="h c*w")


def test_works_on_other_pictures(room):
    """Random 4x6 pictures (seed 0): the planes of picture 0, rows and columns in place."""
    arr = _random_pictures()
    got = call(room.split_channels, arr)
    assert_tensor_equal(got, _target(arr), call="split_channels(random (6, 3, 4, 6))",
                        dims="h c*w")


def test_keeps_uint8_pixels(room):
    """Moving pixels around does not change their dtype: uint8 stays uint8."""
    got = call(room.split_channels, _random_pictures(seed=1))
    _check_uint8(got, "split_channels(random uint8)")


def test_matches_the_target_picture(room):
    """Every pixel of the three planes equals the target."""
    arr = _numbers()
    got = call(room.split_channels, arr)
    assert_tensor_equal(got, _target(arr), call="split_channels(arr)", dims="h c*w")
    show_picture(got.float() / 255, "digit 0: red, green and blue planes")
