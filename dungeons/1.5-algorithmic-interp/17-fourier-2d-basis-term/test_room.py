"""Cases for fourier_2d_basis_term: a loop oracle over (x, y) on several p and (i, j),
the orientation (i along the first axis), and orthonormality of the 2-D terms."""

import torch

from arena_dungeon.testing import assert_tensor_close, call, fresh_seed, show_signed
from fourier_basis import make_fourier_basis


def _oracle(i: int, j: int, p: int) -> torch.Tensor:
    basis = make_fourier_basis(p)[0]
    return torch.tensor([[float(basis[i, x] * basis[j, y]) for y in range(p)] for x in range(p)])


def test_constant_term(room):
    """p = 5, (i, j) = (0, 0): the constant times the constant is 1/5 everywhere."""
    assert_tensor_close(call(room.fourier_2d_basis_term, 0, 0, 5), torch.full((5, 5), 0.2),
                        atol=1e-6, call="fourier_2d_basis_term(0, 0, 5)", dims="x y")


def test_i_runs_along_x(room):
    """p = 7, (i, j) = (1, 0): "cos 1" along x and constant along y, so every column is
    the same wave down the rows."""
    assert_tensor_close(call(room.fourier_2d_basis_term, 1, 0, 7), _oracle(1, 0, 7), atol=1e-6,
                        call="fourier_2d_basis_term(1, 0, 7)", dims="x y")


def test_random_terms(room):
    """Random (i, j) for p = 11 and p = 13 against a loop over every (x, y)."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for p in (11, 13):
        i, j = torch.randint(1, p, (2,), generator=gen).tolist()
        assert_tensor_close(call(room.fourier_2d_basis_term, i, j, p), _oracle(i, j, p),
                            atol=1e-6, call=f"fourier_2d_basis_term({i}, {j}, {p})", dims="x y")


def test_terms_are_orthonormal(room):
    """p = 53: six terms, flattened, have dot products forming the identity."""
    pairs = [(0, 0), (3, 0), (0, 3), (3, 6), (6, 3), (17, 40)]
    terms = torch.stack([call(room.fourier_2d_basis_term, i, j, 53).flatten() for i, j in pairs])
    assert_tensor_close(terms @ terms.T, torch.eye(len(pairs)), atol=1e-4,
                        call=f"dot products of fourier_2d_basis_term(i, j, 53) for {pairs}",
                        dims="term term")
    show_signed(call(room.fourier_2d_basis_term, 3, 6, 53),
                "fourier_2d_basis_term(3, 6, 53): sin 2 down the rows (x), sin 3 across (y)")
