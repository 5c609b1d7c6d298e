"""Cases for as_strided_mv: hand-checked, random and strided views vs `@`."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, call_watched, fail


def _check(room, mat: torch.Tensor, vec: torch.Tensor, label: str) -> None:
    got = call(room.as_strided_mv, mat, vec)
    assert_tensor_close(got, mat @ vec, call=f"as_strided_mv({label})", dims="i")


def test_two_by_three_hand_checked(room):
    """[[1, 2, 3], [4, 5, 6]] @ [1, 0, -1] = [-2, -2]."""
    mat = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    _check(room, mat, torch.tensor([1.0, 0.0, -1.0]), "[[1, 2, 3], [4, 5, 6]], [1, 0, -1]")


def test_random_shapes_vs_matmul(room):
    """Random (i, j) and (j,) for several shapes, with i or j equal to 1 (seed 0)."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for i, j in [(3, 4), (5, 2), (1, 7), (6, 1), (4, 4)]:
        mat, vec = torch.randn(i, j, generator=gen), torch.randn(j, generator=gen)
        _check(room, mat, vec, f"randn({i}, {j}), randn({j})")


def test_views_of_one_shared_buffer(room):
    """mat and vec are strided views into one 30-number buffer: use their own strides."""
    torch.manual_seed(fresh_seed(1))
    buf = torch.randn(30)
    mat = buf.as_strided((3, 4), (7, 2), 1)
    vec = buf.as_strided((4,), (3,), 4)
    _check(room, mat, vec, "mat = buf.as_strided((3, 4), (7, 2), 1), "
                           "vec = buf.as_strided((4,), (3,), 4)")


def test_column_of_a_matrix_as_vec(room):
    """vec is a column of another matrix (stride 5) and mat is a transpose."""
    grid = torch.arange(20.0).view(4, 5)
    mat = torch.arange(12.0).view(4, 3).T
    _check(room, mat, grid[:, 2], "mat = arange(12.).view(4, 3).T, vec = grid[:, 2]")


def test_float64_inputs(room):
    """float64 in, float64 out (seed 2)."""
    torch.manual_seed(fresh_seed(2))
    mat = torch.randn(5, 3, dtype=torch.float64)
    vec = torch.randn(3, dtype=torch.float64)
    got = call(room.as_strided_mv, mat, vec)
    assert_tensor_close(got, mat @ vec, call="as_strided_mv(float64 (5, 3), float64 (3,))",
                        dims="i", exact_dtype=True)


def test_builds_the_product_with_as_strided(room):
    """Runs on as_strided, multiply and sum, without torch's matrix products."""
    _, used = call_watched(room.as_strided_mv, torch.ones(2, 3), torch.ones(3))
    banned = sorted(used & {"matmul", "mv", "mm", "bmm", "einsum", "dot", "inner",
                            "tensordot", "linear", "expand", "broadcast_to"})
    if banned:
        fail(f"as_strided_mv called torch's {', '.join(banned)}: build the repeated view "
             "of vec yourself with as_strided", kind="rule")
    if "as_strided" not in used:
        fail("as_strided_mv never called as_strided: this room is about the stride-0 view",
             kind="rule")
