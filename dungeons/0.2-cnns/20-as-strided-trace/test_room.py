"""Cases for as_strided_trace: identity, zeros, random ints and views vs torch.trace."""

import torch

from arena_dungeon.testing import fresh_seed, assert_number_close, call, call_watched, fail


def _check(room, mat: torch.Tensor, label: str) -> None:
    got = call(room.as_strided_trace, mat)
    assert_number_close(got, torch.trace(mat).item(), call=f"as_strided_trace({label})")


def test_two_by_two_hand_checked(room):
    """[[1, 2], [3, 4]] has trace 1 + 4 = 5."""
    _check(room, torch.tensor([[1.0, 2.0], [3.0, 4.0]]), "[[1, 2], [3, 4]]")


def test_identity_gives_n(room):
    """The n x n identity has trace n, for n = 1..9."""
    for n in range(1, 10):
        _check(room, torch.eye(n), f"torch.eye({n})")


def test_zero_and_empty_matrices(room):
    """A zero matrix has trace 0, including the empty 0 x 0 matrix."""
    for n in range(0, 5):
        _check(room, torch.zeros(n, n), f"torch.zeros({n}, {n})")


def test_random_ints_vs_torch_trace(room):
    """Random integer matrices of sizes 1..9 (seed 0), compared with torch.trace."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for n in range(1, 10):
        mat = torch.randint(-9, 10, (n, n), generator=gen)
        _check(room, mat, f"randint matrix {n}x{n}")


def test_slice_of_a_bigger_matrix(room):
    """A 4x4 slice of a 6x10 tensor: rows are 10 apart in memory, and it starts at cell 13."""
    big = torch.arange(60.0).view(6, 10)
    _check(room, big[1:5, 3:7], "big[1:5, 3:7] with big = arange(60.).view(6, 10)")
    _check(room, big[::2, ::3][:3, :3], "big[::2, ::3][:3, :3] (strides (20, 3))")
    _check(room, big[1:5, 3:7].T, "big[1:5, 3:7].T (strides (1, 10))")


def test_float64_matrix(room):
    """A random float64 matrix (seed 1)."""
    torch.manual_seed(fresh_seed(1))
    mat = torch.randn(7, 7, dtype=torch.float64)
    _check(room, mat, "randn(7, 7, dtype=float64)")


def test_reads_the_diagonal_with_as_strided(room):
    """Runs on as_strided and sum, without torch's trace, diagonal, diag or einsum."""
    _, used = call_watched(room.as_strided_trace, torch.eye(3))
    banned = sorted(used & {"trace", "diagonal", "diag", "einsum", "diag_embed"})
    if banned:
        fail(f"as_strided_trace called torch's {', '.join(banned)}: build the diagonal "
             "view yourself with as_strided", kind="rule")
    if "as_strided" not in used:
        fail("as_strided_trace never called as_strided: this room is about building the "
             "diagonal as a strided view", kind="rule")
