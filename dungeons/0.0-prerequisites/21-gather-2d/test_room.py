"""Cases for gather_2d: hand-checked picks, k larger than n, row-vs-column axis, dtype, random."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, assert_tensor_equal, call


def _slow_gather(matrix, indexes):
    m, k = indexes.shape
    out = torch.empty((m, k), dtype=matrix.dtype)
    for i in range(m):
        for j in range(k):
            out[i, j] = matrix[i, indexes[i, j]]
    return out


def test_hand_checked_two_rows(room):
    """[[0..4], [5..9]] with indexes [[4, 0], [1, 1]] gives [[4, 0], [6, 6]]."""
    matrix = torch.arange(10).reshape(2, 5)
    indexes = torch.tensor([[4, 0], [1, 1]])
    got = call(room.gather_2d, matrix, indexes)
    assert_tensor_equal(got, torch.tensor([[4, 0], [6, 6]]),
                        call="gather_2d(arange(10).reshape(2, 5), [[4, 0], [1, 1]])", dims="m k")


def test_one_pick_per_row(room):
    """A single column per row (k = 1): the output keeps that size-1 axis."""
    matrix = torch.arange(15).reshape(3, 5)
    indexes = torch.tensor([[3], [0], [4]])
    got = call(room.gather_2d, matrix, indexes)
    assert_tensor_equal(got, torch.tensor([[3], [5], [14]]),
                        call="gather_2d(arange(15).reshape(3, 5), [[3], [0], [4]])", dims="m k")


def test_more_picks_than_columns(room):
    """k = 6 picks from rows of n = 3 (repeats allowed): the output is (m, k), not (m, n)."""
    matrix = torch.tensor([[10, 20, 30], [40, 50, 60]])
    indexes = torch.tensor([[0, 0, 1, 2, 2, 2], [2, 1, 0, 0, 1, 2]])
    got = call(room.gather_2d, matrix, indexes)
    expected = torch.tensor([[10, 10, 20, 30, 30, 30], [60, 50, 40, 40, 50, 60]])
    assert_tensor_equal(got, expected, call="gather_2d((2, 3) matrix, (2, 6) indexes)",
                        dims="m k")


def test_looks_up_columns_not_rows(room):
    """Square indexes on a 3x3 matrix: reading rows instead of columns gives other values."""
    matrix = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    indexes = torch.tensor([[2, 1, 0], [0, 0, 2], [1, 2, 1]])
    got = call(room.gather_2d, matrix, indexes)
    expected = torch.tensor([[3, 2, 1], [4, 4, 6], [8, 9, 8]])
    assert_tensor_equal(got, expected, call="gather_2d(3x3 matrix, 3x3 indexes)", dims="m k")


def test_float_matrix_keeps_float_values(room):
    """A float matrix gives float picks (no rounding or casting to the index dtype)."""
    matrix = torch.tensor([[0.5, -1.25, 3.75, 2.0]])
    indexes = torch.tensor([[2, 1, 3]])
    got = call(room.gather_2d, matrix, indexes)
    assert_tensor_close(got, torch.tensor([[3.75, -1.25, 2.0]]),
                        call="gather_2d([[0.5, -1.25, 3.75, 2.0]], [[2, 1, 3]])", dims="m k",
                        exact_dtype=True)


def test_random_matches_a_slow_loop(room):
    """Random (seeded) shapes and indexes against a double Python loop."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for m, n, k in [(4, 7, 3), (6, 2, 5), (1, 9, 9)]:
        matrix = torch.randn(m, n, generator=gen)
        indexes = torch.randint(0, n, (m, k), generator=gen)
        got = call(room.gather_2d, matrix, indexes)
        assert_tensor_close(got, _slow_gather(matrix, indexes),
                            call=f"gather_2d(({m}, {n}) matrix, ({m}, {k}) indexes)", dims="m k")
