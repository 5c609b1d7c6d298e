"""Cases for solve_2x2: regular systems against Cramer's rule, singular ones give None."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, describe, fail


def _cramer(A, b):
    """The textbook formula for a 2x2 system, written out by hand."""
    det = A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0]
    x0 = (b[0] * A[1, 1] - A[0, 1] * b[1]) / det
    x1 = (A[0, 0] * b[1] - b[0] * A[1, 0]) / det
    return torch.stack([x0, x1])


def _expect_none(got, what):
    if got is not None:
        fail(f"{what} returned {describe(got)}, expected None: the matrix is singular, so "
             "there is no unique solution", kind="value")


def test_diagonal_system_hand_checked(room):
    """[[2, 0], [0, 4]] x = [2, 2] gives x = [1, 0.5]."""
    A = torch.tensor([[2.0, 0.0], [0.0, 4.0]])
    b = torch.tensor([2.0, 2.0])
    got = call(room.solve_2x2, A, b)
    assert_tensor_close(got, torch.tensor([1.0, 0.5]), call="solve_2x2([[2,0],[0,4]], [2,2])")


def test_general_system_hand_checked(room):
    """[[1, 2], [3, 4]] x = [5, 6] gives x = [-4, 4.5] (a transposed A gives another answer)."""
    A = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    b = torch.tensor([5.0, 6.0])
    got = call(room.solve_2x2, A, b)
    assert_tensor_close(got, torch.tensor([-4.0, 4.5]), call="solve_2x2([[1,2],[3,4]], [5,6])")


def test_random_systems_against_cramer(room):
    """Twenty random well-conditioned systems, compared with Cramer's rule."""
    torch.manual_seed(fresh_seed(0))
    for k in range(20):
        A = torch.randn(2, 2) + 3 * torch.eye(2)
        b = torch.randn(2)
        got = call(room.solve_2x2, A, b)
        assert_tensor_close(got, _cramer(A.double(), b.double()).float(),
                            call=f"solve_2x2(random system #{k})", atol=1e-4)


def test_parallel_columns_give_none(room):
    """Column 2 is 3 x column 1: singular, so the answer is None (not an error)."""
    A = torch.tensor([[1.0, 3.0], [0.5, 1.5]])
    got = call(room.solve_2x2, A, torch.tensor([1.0, 1.0]))
    _expect_none(got, "solve_2x2([[1,3],[0.5,1.5]], [1,1])")


def test_zero_matrix_gives_none(room):
    """The all-zero matrix is as singular as it gets: None."""
    got = call(room.solve_2x2, torch.zeros(2, 2), torch.tensor([0.0, 1.0]))
    _expect_none(got, "solve_2x2(zeros(2, 2), [0,1])")


def test_singular_then_regular(room):
    """After a singular system, the next regular one is still solved."""
    _expect_none(call(room.solve_2x2, torch.tensor([[2.0, -4.0], [-1.0, 2.0]]),
                      torch.tensor([1.0, 0.0])), "solve_2x2([[2,-4],[-1,2]], [1,0])")
    got = call(room.solve_2x2, torch.tensor([[0.0, 1.0], [1.0, 0.0]]), torch.tensor([3.0, 7.0]))
    assert_tensor_close(got, torch.tensor([7.0, 3.0]), call="solve_2x2([[0,1],[1,0]], [3,7])")
