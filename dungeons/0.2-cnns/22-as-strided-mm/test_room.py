"""Cases for as_strided_mm: hand-checked, random shapes and strided views vs `@`."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, call_watched, fail


def _check(room, a: torch.Tensor, b: torch.Tensor, label: str, **kw) -> None:
    got = call(room.as_strided_mm, a, b)
    assert_tensor_close(got, a @ b, call=f"as_strided_mm({label})", dims="i k", **kw)


def test_two_by_two_hand_checked(room):
    """[[1, 2], [3, 4]] @ [[0, 1], [1, 0]] swaps the columns: [[2, 1], [4, 3]]."""
    a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    b = torch.tensor([[0.0, 1.0], [1.0, 0.0]])
    _check(room, a, b, "[[1, 2], [3, 4]], [[0, 1], [1, 0]]")


def test_random_shapes_vs_matmul(room):
    """Random (i, j) @ (j, k), non-square, with each of i, j, k equal to 1 once (seed 0)."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for i, j, k in [(2, 3, 4), (5, 2, 3), (1, 4, 3), (3, 1, 2), (4, 3, 1)]:
        a, b = torch.randn(i, j, generator=gen), torch.randn(j, k, generator=gen)
        _check(room, a, b, f"randn({i}, {j}), randn({j}, {k})")


def test_transposed_and_sliced_inputs(room):
    """matA is a transpose (strides (1, 4)), matB a slice keeping every other column."""
    torch.manual_seed(fresh_seed(1))
    a = torch.randn(4, 3).T
    b = torch.randn(4, 10)[:, ::2]
    _check(room, a, b, "randn(4, 3).T, randn(4, 10)[:, ::2]")


def test_views_of_one_shared_buffer(room):
    """Both matrices are strided views into one 30-number buffer."""
    torch.manual_seed(fresh_seed(2))
    buf = torch.randn(30)
    a = buf.as_strided((2, 3), (10, 3), 1)
    b = buf.as_strided((3, 4), (2, 5), 0)
    _check(room, a, b, "buf.as_strided((2, 3), (10, 3), 1), buf.as_strided((3, 4), (2, 5), 0)")


def test_float64_inputs(room):
    """float64 in, float64 out (seed 3)."""
    torch.manual_seed(fresh_seed(3))
    a = torch.randn(3, 5, dtype=torch.float64)
    b = torch.randn(5, 2, dtype=torch.float64)
    _check(room, a, b, "float64 (3, 5), float64 (5, 2)", exact_dtype=True)


def test_builds_the_product_with_as_strided(room):
    """Runs on as_strided, multiply and sum, without torch's matrix products."""
    _, used = call_watched(room.as_strided_mm, torch.ones(2, 3), torch.ones(3, 2))
    banned = sorted(used & {"matmul", "mv", "mm", "bmm", "einsum", "dot", "inner",
                            "tensordot", "linear", "expand", "broadcast_to"})
    if banned:
        fail(f"as_strided_mm called torch's {', '.join(banned)}: line the matrices up "
             "yourself with as_strided", kind="rule")
    if "as_strided" not in used:
        fail("as_strided_mm never called as_strided: this room is about stride-0 views",
             kind="rule")
