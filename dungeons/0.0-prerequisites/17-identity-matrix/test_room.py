"""Cases for identity_matrix: n = 3, n = 1, n = 0, numbers not bools, a bigger n, I @ x == x."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_equal, call, describe, fail


def _identity_loop(n):
    """Independent oracle: a double loop."""
    return torch.tensor([[1 if i == j else 0 for j in range(n)] for i in range(n)],
                        dtype=torch.int64).reshape(n, n)


def test_three_by_three(room):
    """identity_matrix(3) has ones on the diagonal only."""
    assert_tensor_equal(call(room.identity_matrix, 3), _identity_loop(3),
                        call="identity_matrix(3)", dims="n n")


def test_one_by_one(room):
    """identity_matrix(1) is [[1]]: still two axes."""
    assert_tensor_equal(call(room.identity_matrix, 1), _identity_loop(1),
                        call="identity_matrix(1)", dims="n n")


def test_zero_gives_empty_square(room):
    """identity_matrix(0) is an empty tensor of shape (0, 0)."""
    got = call(room.identity_matrix, 0)
    if not isinstance(got, torch.Tensor):
        fail(f"identity_matrix(0) returned {describe(got)}, expected a tensor of shape (0, 0)",
             kind="type")
    if got.shape != (0, 0):
        fail(f"identity_matrix(0) returned shape {tuple(got.shape)}, expected (0, 0)",
             kind="shape")


def test_numbers_not_booleans(room):
    """The entries are integers 0 and 1, not True/False (and not floats)."""
    got = call(room.identity_matrix, 4)
    if not isinstance(got, torch.Tensor):
        fail(f"identity_matrix(4) returned {describe(got)}, expected a tensor", kind="type")
    if got.dtype == torch.bool:
        fail(f"identity_matrix(4) returned {describe(got)}: True/False, expected the numbers "
             "0 and 1 as integers (convert the comparison with .long())", kind="dtype")
    if got.dtype.is_floating_point:
        fail(f"identity_matrix(4) returned {describe(got)}, expected an integer tensor",
             kind="dtype")


def test_seven_by_seven(room):
    """A bigger case: identity_matrix(7) against a double loop."""
    assert_tensor_equal(call(room.identity_matrix, 7), _identity_loop(7),
                        call="identity_matrix(7)", dims="n n")


def test_multiplying_changes_nothing(room):
    """identity_matrix(5) @ x == x for a random integer matrix x."""
    torch.manual_seed(fresh_seed(0))
    x = torch.randint(-9, 10, (5, 3))
    eye = call(room.identity_matrix, 5)
    if not isinstance(eye, torch.Tensor) or eye.shape != (5, 5) or eye.dtype.is_floating_point \
            or eye.dtype == torch.bool:
        fail(f"identity_matrix(5) returned {describe(eye)}, expected an integer (5, 5) tensor",
             kind="shape" if isinstance(eye, torch.Tensor) and eye.shape != (5, 5) else "dtype")
    assert_tensor_equal(eye.long() @ x, x, call="identity_matrix(5) @ x", dims="5 3")
