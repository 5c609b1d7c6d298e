"""Cases for collect_columns: hand-checked, order and repeats, square matrix, empty, random."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, assert_tensor_equal, call


def _slow_columns(matrix, column_indexes):
    m = matrix.shape[0]
    out = torch.empty((m, len(column_indexes)), dtype=matrix.dtype)
    for j, c in enumerate(column_indexes.tolist()):
        for i in range(m):
            out[i, j] = matrix[i, c]
    return out


def test_hand_checked_columns(room):
    """arange(12).reshape(3, 4) with columns [3, 0, 3]."""
    matrix = torch.arange(12).reshape(3, 4)
    got = call(room.collect_columns, matrix, torch.tensor([3, 0, 3]))
    expected = torch.tensor([[3, 0, 3], [7, 4, 7], [11, 8, 11]])
    assert_tensor_equal(got, expected,
                        call="collect_columns(arange(12).reshape(3, 4), [3, 0, 3])", dims="m k")


def test_columns_come_in_the_given_order(room):
    """Indexes [1, 0] swap the two columns of a 3x2 matrix: no sorting."""
    matrix = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    got = call(room.collect_columns, matrix, torch.tensor([1, 0]))
    expected = torch.tensor([[2.0, 1.0], [4.0, 3.0], [6.0, 5.0]])
    assert_tensor_close(got, expected, call="collect_columns(3x2 matrix, [1, 0])", dims="m k")


def test_square_matrix_columns_not_rows(room):
    """On a 3x3 matrix, picking rows (even transposed) gives the right shape but other values."""
    matrix = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    got = call(room.collect_columns, matrix, torch.tensor([0, 2, 2]))
    expected = torch.tensor([[1, 3, 3], [4, 6, 6], [7, 9, 9]])
    assert_tensor_equal(got, expected, call="collect_columns(3x3 matrix, [0, 2, 2])", dims="m k")


def test_no_columns_requested(room):
    """k = 0: an empty (m, 0) result, the rows axis kept."""
    matrix = torch.randn(4, 5)
    got = call(room.collect_columns, matrix, torch.zeros(0, dtype=torch.long))
    assert_tensor_close(got, torch.zeros(4, 0), call="collect_columns(4x5 matrix, [])",
                        dims="m k")


def test_random_matches_a_slow_loop(room):
    """Random (seeded) matrices and indexes (k smaller and larger than n) against a loop."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for m, n, k in [(4, 6, 3), (7, 3, 10), (2, 1, 4)]:
        matrix = torch.randn(m, n, generator=gen)
        idx = torch.randint(0, n, (k,), generator=gen)
        got = call(room.collect_columns, matrix, idx)
        assert_tensor_close(got, _slow_columns(matrix, idx),
                            call=f"collect_columns(({m}, {n}) matrix, {k} indexes)", dims="m k")
