"""Cases for fft2d: one basis term, random grids with and without batch axes against a
loop over the 2-D terms, and the round trip on p = 53."""

import torch

from arena_dungeon.testing import assert_tensor_close, call, fresh_seed, show_signed
from fourier_basis import make_fourier_basis


def _term(i, j, p):
    basis = make_fourier_basis(p)[0]
    return torch.outer(basis[i], basis[j])


def _oracle(tensor: torch.Tensor) -> torch.Tensor:
    """B @ grid @ B.T, one grid at a time."""
    p = tensor.shape[0]
    basis = make_fourier_basis(p)[0].double()
    grids = tensor.double().reshape(p, p, -1)
    out = torch.stack([basis @ grids[:, :, n] @ basis.T for n in range(grids.shape[-1])], dim=-1)
    return out.reshape(tensor.shape).float()


def test_one_term(room):
    """p = 7: the term (3, 6) (cos 2 along x, sin 3 along y) has one coefficient, at [3, 6]."""
    expected = torch.zeros(7, 7)
    expected[3, 6] = 1.0
    assert_tensor_close(call(room.fft2d, _term(3, 6, 7)), expected, atol=1e-5,
                        call="fft2d(term(3, 6)), p = 7", dims="i j")


def test_random_grid(room):
    """A random (11, 11) grid against a loop over all 121 terms."""
    x = torch.randn(11, 11, generator=torch.Generator().manual_seed(fresh_seed(0)))
    assert_tensor_close(call(room.fft2d, x), _oracle(x), atol=1e-4, call="fft2d(x), x: (11, 11)",
                        dims="i j")


def test_batch_axes(room):
    """A random (13, 13, 4) tensor, four grids side by side (like 4 neurons): the trailing
    axis is a batch axis."""
    x = torch.randn(13, 13, 4, generator=torch.Generator().manual_seed(fresh_seed(1)))
    assert_tensor_close(call(room.fft2d, x), _oracle(x), atol=1e-4,
                        call="fft2d(x), x: (13, 13, 4)", dims="i j neuron")


def test_cos_of_sum_p53(room):
    """p = 53: cos(2 pi 5 (x + y) / p) lives on four coefficients only (cos cos and sin sin
    of frequency 5), and the basis turns the coefficients back into the grid."""
    p = 53
    x = torch.arange(p)
    grid = torch.cos(2 * torch.pi * 5 * (x[:, None] + x[None, :]) / p)
    got = call(room.fft2d, grid)
    basis = make_fourier_basis(p)[0]
    assert_tensor_close(basis.T @ got @ basis, grid, atol=1e-3,
                        call="basis.T @ fft2d(grid) @ basis, p = 53", dims="x y")
    show_signed(got[:15, :15], "fft2d of cos(w (x + y)), k = 5, p = 53 (components 0..14 on "
                "each axis): cos 5 cos 5 above zero, sin 5 sin 5 below")
