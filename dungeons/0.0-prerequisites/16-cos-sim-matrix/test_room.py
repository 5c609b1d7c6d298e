"""Cases for cos_sim_matrix: hand-checked pairs, a wide matrix, symmetry, a random batch."""

import math

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, fail


def _cos_sim_loop(matrix):
    """Independent oracle: a double loop over pairs of rows, plain Python arithmetic."""
    rows = matrix.tolist()
    out = []
    for a in rows:
        out.append([])
        for b in rows:
            dot = sum(x * y for x, y in zip(a, b))
            out[-1].append(dot / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))))
    return torch.tensor(out, dtype=matrix.dtype)


def test_three_rows_hand_checked(room):
    """[1, 0], [2, 2], [-3, 0]: 45 degrees, opposite directions, lengths ignored."""
    matrix = torch.tensor([[1., 0.], [2., 2.], [-3., 0.]])
    got = call(room.cos_sim_matrix, matrix)
    r = 1 / math.sqrt(2)
    expected = torch.tensor([[1., r, -1.], [r, 1., -r], [-1., -r, 1.]])
    assert_tensor_close(got, expected, call="cos_sim_matrix(matrix)", dims="m m")


def test_wide_matrix_gives_rows_by_rows(room):
    """3 rows of dimension 5 give a (3, 3) result: pairs of rows, not of columns."""
    torch.manual_seed(fresh_seed(0))
    matrix = torch.randn(3, 5)
    got = call(room.cos_sim_matrix, matrix)
    assert_tensor_close(got, _cos_sim_loop(matrix), call="cos_sim_matrix(randn(3, 5))",
                        dims="m m", atol=1e-5)


def test_symmetric_with_ones_on_diagonal(room):
    """Rows of very different lengths: the diagonal is 1 and out[i, j] == out[j, i]."""
    torch.manual_seed(fresh_seed(1))
    matrix = torch.randn(5, 5) * torch.tensor([[0.1], [1.], [10.], [3.], [0.5]])
    got = call(room.cos_sim_matrix, matrix)
    if not isinstance(got, torch.Tensor) or got.shape != (5, 5):
        assert_tensor_close(got, _cos_sim_loop(matrix), call="cos_sim_matrix(matrix)", dims="m m")
    diag = got.diagonal().double()
    if not torch.allclose(diag, torch.ones(5, dtype=torch.float64), atol=1e-5):
        fail("cos_sim_matrix(matrix): the diagonal (each row with itself) is "
             f"{[round(v, 4) for v in diag.tolist()]}, expected all 1: are both sides normalised?")
    if not torch.allclose(got, got.T, atol=1e-5):
        fail("cos_sim_matrix(matrix) is not symmetric: out[i, j] should equal out[j, i]")


def test_random_batch(room):
    """Eight random vectors of dimension 4 against a slow double loop."""
    torch.manual_seed(fresh_seed(2))
    matrix = torch.randn(8, 4) * 3
    got = call(room.cos_sim_matrix, matrix)
    assert_tensor_close(got, _cos_sim_loop(matrix), call="cos_sim_matrix(randn(8, 4))",
                        dims="m m", atol=1e-5)


def test_leaves_matrix_unchanged(room):
    """The caller's matrix is left as it was."""
    matrix = torch.tensor([[1., 2.], [3., 4.], [-5., 6.]])
    call(room.cos_sim_matrix, matrix)  # call() fails if matrix changed
