"""Cases for project_onto_frequency: a function made of known terms, random batches
against least squares onto cos/sin evaluated directly (several p and frequencies), and
extra batch axes."""

import torch

from arena_dungeon.testing import assert_tensor_close, call, fresh_seed
from fourier_basis import make_fourier_basis


def _term(i, j, p):
    basis = make_fourier_basis(p)[0]
    return torch.outer(basis[i], basis[j]).flatten()


def _oracle(batch_vecs: torch.Tensor, freq: int) -> torch.Tensor:
    p = int(round(batch_vecs.shape[0] ** 0.5))
    x = torch.arange(p, dtype=torch.float64)
    w = 2 * torch.pi * freq * x / p
    waves = [torch.ones(p, dtype=torch.float64), torch.cos(w), torch.sin(w)]
    D = torch.stack([torch.outer(a, b).flatten() for a in waves for b in waves], dim=1)
    flat = batch_vecs.double().reshape(p * p, -1)
    fitted = D @ torch.linalg.lstsq(D, flat).solution
    return fitted.reshape(batch_vecs.shape).float()


def test_keeps_only_its_frequency(room):
    """p = 7, freq 1: 2 * (cos 1 along x, const along y) + 3 * (sin 1 along x, sin 1 along y)
    + (cos 3, cos 3): the last term (frequency 3) goes, the first two stay."""
    kept = 2 * _term(1, 0, 7) + 3 * _term(2, 2, 7)
    v = (kept + _term(5, 5, 7))[:, None]
    assert_tensor_close(call(room.project_onto_frequency, v, 1), kept[:, None], atol=1e-5,
                        call="project_onto_frequency(v (49, 1), 1)", dims="pair batch")


def test_constant_is_kept(room):
    """p = 5, freq 2: a constant function is in every frequency's span (the (0, 0) term)."""
    v = torch.full((25, 2), 0.7)
    assert_tensor_close(call(room.project_onto_frequency, v, 2), v, atol=1e-5,
                        call="project_onto_frequency(constant (25, 2), 2)", dims="pair batch")


def test_random_batches(room):
    """Random (p*p, 4) batches for p = 11 and p = 13 at random frequencies, against least
    squares onto the 9 products of 1, cos and sin."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for p in (11, 13):
        freq = int(torch.randint(1, p // 2 + 1, (1,), generator=gen))
        v = torch.randn(p * p, 4, generator=gen)
        assert_tensor_close(call(room.project_onto_frequency, v, freq), _oracle(v, freq),
                            atol=1e-4, call=f"project_onto_frequency(v ({p * p}, 4), {freq})",
                            dims="pair batch")


def test_extra_batch_axes(room):
    """A (81, 2, 3) batch (p = 9, freq 4): every column is its own function of the pair."""
    v = torch.randn(81, 2, 3, generator=torch.Generator().manual_seed(fresh_seed(1)))
    assert_tensor_close(call(room.project_onto_frequency, v, 4), _oracle(v, 4), atol=1e-4,
                        call="project_onto_frequency(v (81, 2, 3), 4)", dims="pair a b")
