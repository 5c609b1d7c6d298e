"""Cases for shrinking: shape, max of every 2x2 block, grid order, other pictures, dtype."""

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
    """Build the 2x3 grid with numpy slicing, then take the max of the four corners of
    every 2x2 block (an elementwise max of four strided slices)."""
    a = arr.numpy()
    _, c, h, w = a.shape
    grid = np.zeros((c, 2 * h, 3 * w), dtype=a.dtype)
    for k in range(6):
        r, col = divmod(k, 3)
        grid[:, r * h:(r + 1) * h, col * w:(col + 1) * w] = a[k]
    pooled = np.maximum(np.maximum(grid[:, 0::2, 0::2], grid[:, 0::2, 1::2]),
                        np.maximum(grid[:, 1::2, 0::2], grid[:, 1::2, 1::2]))
    return torch.from_numpy(np.ascontiguousarray(pooled))


def test_shape_is_half_the_grid(room):
    """The (3, 96, 144) grid halved in each direction: (c, h, 3*w/2) = (3, 48, 72)."""
    arr = _numbers()
    got = call(room.shrinking, arr)
    _check_shape(got, _target(arr), "shrinking(arr)", "c 2*h/2 3*w/2")


def test_takes_the_max_of_each_block(room):
    """2x2 pictures whose max sits in a different corner each time: every tile shrinks to 9."""
    arr = torch.zeros(6, 3, 2, 2, dtype=torch.uint8)
    for k in range(6):
        arr[k, :, (k // 2) % 2, k % 2] = 9
        arr[k, :, 1 - (k // 2) % 2, 1 - k % 2] = 4
    got = call(room.shrinking, arr)
    assert_tensor_equal(got, _target(arr), call="shrinking(2x2 pictures, max in one corner)",
                        dims="c 2*h/2 3*w/2")


def test_digits_in_grid_order(room):
    """Pictures filled with their own index (4x4 each): the shrunk grid reads 0 1 2 / 3 4 5."""
    arr = torch.arange(6, dtype=torch.uint8)[:, None, None, None].expand(6, 3, 4, 4).clone()
    got = call(room.shrinking, arr)
    assert_tensor_equal(got, _target(arr), call="shrinking(pictures k filled with k)",
                        dims="c 2*h/2 3*w/2")


def test_works_on_other_pictures(room):
    """Random 4x6 pictures (seed 0): a max over all four pixels of every block."""
    arr = _random_pictures()
    got = call(room.shrinking, arr)
    assert_tensor_equal(got, _target(arr), call="shrinking(random (6, 3, 4, 6))",
                        dims="c 2*h/2 3*w/2")
    _check_uint8(got, "shrinking(random uint8)")


def test_matches_the_target_picture(room):
    """Every pixel of the shrunk grid equals the target."""
    arr = _numbers()
    got = call(room.shrinking, arr)
    assert_tensor_equal(got, _target(arr), call="shrinking(arr)", dims="c 2*h/2 3*w/2")
    show_picture(got.permute(1, 2, 0).float() / 255, "the grid, max-pooled 2x2")
