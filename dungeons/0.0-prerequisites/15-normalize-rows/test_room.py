"""Cases for normalize_rows: hand-checked rows, a square matrix, unit length, one row, mutation."""

import math

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, fail


def _normalized_loop(matrix):
    """Independent oracle: each row divided by sqrt(sum of squares), one row at a time."""
    rows = []
    for row in matrix.tolist():
        length = math.sqrt(sum(v * v for v in row))
        rows.append([v / length for v in row])
    return torch.tensor(rows, dtype=matrix.dtype)


def test_three_rows_hand_checked(room):
    """[[3, 4], [0, -5], [2, 0]]: lengths 5, 5, 2; signs are kept."""
    matrix = torch.tensor([[3., 4.], [0., -5.], [2., 0.]])
    got = call(room.normalize_rows, matrix)
    expected = torch.tensor([[0.6, 0.8], [0.0, -1.0], [1.0, 0.0]])
    assert_tensor_close(got, expected, call="normalize_rows(matrix)", dims="m n")


def test_square_matrix_random(room):
    """A random 4x4 matrix: on a square input a wrong axis still broadcasts, silently."""
    torch.manual_seed(fresh_seed(0))
    matrix = torch.randn(4, 4) * torch.tensor([[1.], [3.], [0.2], [10.]])
    got = call(room.normalize_rows, matrix)
    assert_tensor_close(got, _normalized_loop(matrix), call="normalize_rows(matrix)", dims="m n")


def test_rows_have_length_one(room):
    """A random 6x3 matrix: every output row has length 1 and points the same way as before."""
    torch.manual_seed(fresh_seed(1))
    matrix = torch.randn(6, 3) * 5
    got = call(room.normalize_rows, matrix)
    if not isinstance(got, torch.Tensor) or got.shape != matrix.shape:
        assert_tensor_close(got, _normalized_loop(matrix), call="normalize_rows(matrix)",
                            dims="m n")
    g, m = got.double(), matrix.double()
    lengths = g.pow(2).sum(dim=1).sqrt()
    if not torch.allclose(lengths, torch.ones(6, dtype=torch.float64), atol=1e-5):
        fail("normalize_rows(matrix): output rows have lengths "
             f"{[round(v, 4) for v in lengths.tolist()]}, expected all 1")
    # Same direction: the dot product of each output row with its input row is the input's length.
    along = (g * m).sum(dim=1)
    if not torch.allclose(along, m.pow(2).sum(dim=1).sqrt(), atol=1e-4):
        fail("normalize_rows(matrix): some output rows no longer point the same way as the "
             "input rows; divide each row by a positive number, its own length")


def test_single_row(room):
    """One row (1, 5): the result keeps the (1, 5) shape."""
    matrix = torch.tensor([[1., 1., 1., 1., 0.]])
    got = call(room.normalize_rows, matrix)
    assert_tensor_close(got, torch.tensor([[0.5, 0.5, 0.5, 0.5, 0.0]]),
                        call="normalize_rows([[1, 1, 1, 1, 0]])", dims="m n")


def test_leaves_matrix_unchanged(room):
    """The caller's matrix is left as it was (no `/=`)."""
    matrix = torch.tensor([[1., 2.], [3., 4.], [5., 6.]])
    call(room.normalize_rows, matrix)  # call() fails if matrix changed
