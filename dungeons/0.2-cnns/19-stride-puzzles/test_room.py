"""Cases for stride_puzzles: each (size, stride) pair must view arange(20) as its target."""

import torch

from arena_dungeon.testing import assert_tensor_equal, call, describe, fail

TARGETS = {
    "first_row": [0, 1, 2, 3, 4],
    "first_column": [0, 5, 10, 15],
    "top_left_block": [[0, 1, 2], [5, 6, 7]],
    "rows_0_and_2": [[0, 1, 2], [10, 11, 12]],
    "zeros_over_elevens": [[0, 0, 0], [11, 11, 11]],
    "diagonal": [0, 6, 12, 18],
    "sliding_pairs": [[0, 1], [1, 2], [2, 3], [3, 4]],
    "two_blocks": [[[0, 1], [5, 6]], [[2, 3], [7, 8]]],
}


def _ints(value, what: str, name: str) -> tuple[int, ...]:
    if not isinstance(value, (tuple, list)) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value):
        fail(f"puzzle `{name}`: the {what} should be a tuple of ints, got {value!r}",
             kind="type")
    return tuple(value)


def _check(room, name: str) -> None:
    answers = call(room.stride_puzzles)
    if not isinstance(answers, dict):
        fail(f"stride_puzzles() returned {describe(answers)}, expected a dict "
             "{puzzle name: (size, stride)}", kind="type")
    if name not in answers:
        fail(f"stride_puzzles() has no entry \"{name}\"", kind="missing")
    pair = answers[name]
    if not isinstance(pair, (tuple, list)) or len(pair) != 2:
        fail(f"puzzle `{name}`: expected a (size, stride) pair, got {pair!r}", kind="type")
    size, stride = _ints(pair[0], "size", name), _ints(pair[1], "stride", name)
    if len(size) != len(stride):
        fail(f"puzzle `{name}`: size {size} has {len(size)} axes but stride {stride} has "
             f"{len(stride)}: give one stride per axis", kind="shape")
    if any(s < 0 for s in stride):
        fail(f"puzzle `{name}`: stride {stride} has a negative step; as_strided only "
             "walks forwards", kind="value")
    x = torch.arange(20).view(4, 5)
    try:
        got = x.as_strided(size, stride)
    except RuntimeError:
        fail(f"puzzle `{name}`: as_strided{(size, stride)} reads past the 20 numbers in "
             "memory: a stride or size is too big", kind="value")
    assert_tensor_equal(got, torch.tensor(TARGETS[name]),
                        call=f"x.as_strided({size}, {stride}) for `{name}`")


def test_first_row(room):
    """[0, 1, 2, 3, 4]: neighbours one cell apart."""
    _check(room, "first_row")


def test_first_column(room):
    """[0, 5, 10, 15]: one row down is five cells on."""
    _check(room, "first_column")


def test_top_left_block(room):
    """A 2x3 block: the grid's own strides, smaller sizes."""
    _check(room, "top_left_block")


def test_rows_0_and_2(room):
    """Skipping a row doubles the row stride."""
    _check(room, "rows_0_and_2")


def test_zeros_over_elevens(room):
    """A stride of 0 repeats the same cell."""
    _check(room, "zeros_over_elevens")


def test_diagonal(room):
    """[0, 6, 12, 18]: down one and right one at each step."""
    _check(room, "diagonal")


def test_sliding_pairs(room):
    """Overlapping windows: two axes sharing a stride."""
    _check(room, "sliding_pairs")


def test_two_blocks(room):
    """Two 2x2 blocks side by side: a third axis for the block."""
    _check(room, "two_blocks")
