"""Cases for fft1d: a pure wave, then random batches of several shapes and moduli against
a loop of dot products with the basis rows, and the round trip back."""

import torch

from arena_dungeon.testing import assert_tensor_close, call, curve, fresh_seed
from fourier_basis import make_fourier_basis


def _oracle(x: torch.Tensor) -> torch.Tensor:
    basis = make_fourier_basis(x.shape[-1])[0]
    flat = x.reshape(-1, x.shape[-1])
    rows = [torch.stack([torch.dot(v, b) for b in basis]) for v in flat]
    return torch.stack(rows).reshape(x.shape)


def test_pure_wave(room):
    """p = 7: 2.5 times the "cos 2" row has a single coefficient, 2.5 at index 3."""
    basis = make_fourier_basis(7)[0]
    expected = torch.zeros(7)
    expected[3] = 2.5
    assert_tensor_close(call(room.fft1d, 2.5 * basis[3]), expected, atol=1e-5,
                        call="fft1d(2.5 * basis[3]) for p = 7", dims="component")


def test_batch_of_vectors(room):
    """Four random vectors of length 11 in one (4, 11) batch, one row each."""
    x = torch.randn(4, 11, generator=torch.Generator().manual_seed(fresh_seed(0)))
    assert_tensor_close(call(room.fft1d, x), _oracle(x), atol=1e-4, call="fft1d(x), x: (4, 11)",
                        dims="batch component")


def test_extra_leading_axes(room):
    """A (2, 3, 13) tensor: the transform acts on the last axis only."""
    x = torch.randn(2, 3, 13, generator=torch.Generator().manual_seed(fresh_seed(1)))
    assert_tensor_close(call(room.fft1d, x), _oracle(x), atol=1e-4,
                        call="fft1d(x), x: (2, 3, 13)", dims="a b component")


def test_round_trip_p53(room):
    """p = 53: three waves plus noise; the basis transpose turns the coefficients back into x."""
    gen = torch.Generator().manual_seed(fresh_seed(2))
    basis = make_fourier_basis(53)[0]
    x = 3 * basis[9] - 2 * basis[30] + basis[41] + 0.1 * torch.randn(53, generator=gen)
    got = call(room.fft1d, x)
    assert_tensor_close(got @ basis, x, atol=1e-4, call="fft1d(x) @ basis, p = 53", dims="x")
    curve("fft1d of 3 cos 5 - 2 sin 15 + cos 21 + noise (p = 53), by component", got.tolist())
