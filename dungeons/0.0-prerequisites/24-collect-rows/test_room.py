"""Cases for collect_rows: hand-checked, order and repeats, square matrix, empty, random."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, assert_tensor_equal, call


def _slow_rows(matrix, row_indexes):
    if len(row_indexes) == 0:
        return matrix[:0].clone()
    return torch.stack([matrix[i].clone() for i in row_indexes.tolist()])


def test_hand_checked_rows(room):
    """arange(12).reshape(4, 3) with rows [3, 0, 3]."""
    matrix = torch.arange(12).reshape(4, 3)
    got = call(room.collect_rows, matrix, torch.tensor([3, 0, 3]))
    expected = torch.tensor([[9, 10, 11], [0, 1, 2], [9, 10, 11]])
    assert_tensor_equal(got, expected, call="collect_rows(arange(12).reshape(4, 3), [3, 0, 3])",
                        dims="k n")


def test_rows_come_in_the_given_order(room):
    """Indexes [2, 1, 0] reverse a 3-row matrix: no sorting."""
    matrix = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    got = call(room.collect_rows, matrix, torch.tensor([2, 1, 0]))
    expected = torch.tensor([[5.0, 6.0], [3.0, 4.0], [1.0, 2.0]])
    assert_tensor_close(got, expected, call="collect_rows(3x2 matrix, [2, 1, 0])", dims="k n")


def test_square_matrix_rows_not_columns(room):
    """On a 3x3 matrix, picking columns gives the right shape but other values."""
    matrix = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    got = call(room.collect_rows, matrix, torch.tensor([1, 2, 2]))
    expected = torch.tensor([[4, 5, 6], [7, 8, 9], [7, 8, 9]])
    assert_tensor_equal(got, expected, call="collect_rows(3x3 matrix, [1, 2, 2])", dims="k n")


def test_no_rows_requested(room):
    """k = 0: an empty (0, n) result, the columns axis kept."""
    matrix = torch.randn(4, 5)
    got = call(room.collect_rows, matrix, torch.zeros(0, dtype=torch.long))
    assert_tensor_close(got, torch.zeros(0, 5), call="collect_rows(4x5 matrix, [])", dims="k n")


def test_random_matches_a_slow_loop(room):
    """Random (seeded) matrices and indexes (k smaller and larger than m) against a loop."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for m, n, k in [(6, 4, 3), (3, 7, 10), (1, 2, 4)]:
        matrix = torch.randn(m, n, generator=gen)
        idx = torch.randint(0, m, (k,), generator=gen)
        got = call(room.collect_rows, matrix, idx)
        assert_tensor_close(got, _slow_rows(matrix, idx),
                            call=f"collect_rows(({m}, {n}) matrix, {k} indexes)", dims="k n")
