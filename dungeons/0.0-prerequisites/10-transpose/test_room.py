"""Cases for transpose_image: shape on non-square pictures, picture 1, pixel places, dtype."""

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
    """Picture 1 with pixel (y, x) moved to (x, y), one pixel at a time."""
    a = arr.numpy()
    _, c, h, w = a.shape
    out = np.zeros((c, w, h), dtype=a.dtype)
    for y in range(h):
        for x in range(w):
            out[:, x, y] = a[1, :, y, x]
    return torch.from_numpy(out)


def test_shape_swaps_height_and_width(room):
    """Pictures 4 high and 6 wide give (c, w, h) = (3, 6, 4)."""
    arr = _random_pictures()
    got = call(room.transpose_image, arr)
    _check_shape(got, _target(arr), "transpose_image(random (6, 3, 4, 6))", "c w h")


def test_pixel_places_hand_checked(room):
    """Picture 1 = [[1, 2, 3], [4, 5, 6]] in every channel becomes [[1, 4], [2, 5], [3, 6]]."""
    arr = torch.zeros(6, 3, 2, 3, dtype=torch.uint8)
    arr[1] = torch.tensor([[1, 2, 3], [4, 5, 6]], dtype=torch.uint8)
    got = call(room.transpose_image, arr)
    assert_tensor_equal(got, _target(arr), call="transpose_image(picture 1 = [[1,2,3],[4,5,6]])",
                        dims="c w h")


def test_uses_picture_one(room):
    """Random pictures (seed 0): the answer comes from picture 1, channels kept in order."""
    arr = _random_pictures()
    got = call(room.transpose_image, arr)
    assert_tensor_equal(got, _target(arr), call="transpose_image(random (6, 3, 4, 6))",
                        dims="c w h")
    _check_uint8(got, "transpose_image(random uint8)")


def test_matches_the_target_picture(room):
    """Every pixel of the digit on its side equals the target."""
    arr = _numbers()
    got = call(room.transpose_image, arr)
    assert_tensor_equal(got, _target(arr), call="transpose_image(arr)", dims="c w h")
    show_picture(got.permute(1, 2, 0).float() / 255, "digit 1, transposed")
