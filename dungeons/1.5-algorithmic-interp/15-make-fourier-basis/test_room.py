"""Cases for make_fourier_basis: a slow oracle built from math.cos / math.sin one entry
at a time, on several odd p; orthonormality; the names."""

import math

import torch

from arena_dungeon.testing import (
    assert_equal, assert_tensor_close, call, fail, fresh_seed, show_signed,
)


def _oracle(p: int) -> torch.Tensor:
    rows = [[1.0] * p]
    for k in range(1, p // 2 + 1):
        rows.append([math.cos(2 * math.pi * k * x / p) for x in range(p)])
        rows.append([math.sin(2 * math.pi * k * x / p) for x in range(p)])
    basis = torch.tensor(rows, dtype=torch.float64)
    return (basis / basis.norm(dim=1, keepdim=True)).float()


def _basis(room, p):
    out = call(room.make_fourier_basis, p)
    if not isinstance(out, tuple) or len(out) != 2:
        fail(f"make_fourier_basis({p}) should return a pair (basis, names), got "
             f"{type(out).__name__}", kind="type")
    return out


def test_p5_by_hand(room):
    """p = 5: the constant, cos 1, sin 1, cos 2, sin 2, each of norm 1."""
    basis, _ = _basis(room, 5)
    assert_tensor_close(basis, _oracle(5), atol=1e-5, call="make_fourier_basis(5)[0]",
                        dims="component x")


def test_names(room):
    """p = 7: the names line up with the rows."""
    _, names = _basis(room, 7)
    assert_equal(list(names), ["Const", "cos 1", "sin 1", "cos 2", "sin 2", "cos 3", "sin 3"],
                 call="make_fourier_basis(7)[1]")


def test_orthonormal_rows(room):
    """p = 53, the grokking model's modulus: basis @ basis.T is the identity."""
    basis, _ = _basis(room, 53)
    assert_tensor_close(basis @ basis.T, torch.eye(53), atol=1e-4,
                        call="B @ B.T with B = make_fourier_basis(53)[0]", dims="component component")
    show_signed(basis, "make_fourier_basis(53): one row per component (Const, cos 1, sin 1, ...),"
                " one column per x = 0..52")


def test_other_odd_p(room):
    """Three odd moduli drawn at random: nothing may be tied to one p."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for p in (3, *(2 * torch.randint(4, 20, (2,), generator=gen) + 1).tolist()):
        basis, names = _basis(room, p)
        assert_tensor_close(basis, _oracle(p), atol=1e-5, call=f"make_fourier_basis({p})[0]",
                            dims="component x")
        assert_equal(len(names), p, call=f"len(make_fourier_basis({p})[1])")
