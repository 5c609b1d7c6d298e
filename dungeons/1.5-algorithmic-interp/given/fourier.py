"""Fourier tools over Z_p for dungeon 1.5's later grokking rooms: the answers of the
earlier rooms, so each room builds on a known-good version. p is read from the shapes.

- `fourier_2d_basis_term(i, j, p)`: (p, p), basis row i along x times row j along y.
- `fft2d(tensor)`: (p, p, ...) -> its 2-D Fourier coefficients, same shape.
- `project_onto_direction(batch_vecs, v)`: (n, ...) projected on the unit vector v (n,).
- `get_trig_sum_directions(k, p)`: the unit (p, p) maps cos(w(x+y)), sin(w(x+y)), w = 2 pi k / p.
"""

import torch
from jaxtyping import Float
from torch import Tensor

from fourier_basis import make_fourier_basis


def fourier_2d_basis_term(i: int, j: int, p: int) -> Float[Tensor, "p p"]:
    basis = make_fourier_basis(p)[0]
    return basis[i][:, None] * basis[j][None, :]


def fft2d(tensor: Float[Tensor, "p p *batch"]) -> Float[Tensor, "p p *batch"]:
    basis = make_fourier_basis(tensor.shape[0])[0]
    return torch.einsum("xy...,ix,jy->ij...", tensor, basis, basis)


def project_onto_direction(batch_vecs: Float[Tensor, "n *batch"],
                           v: Float[Tensor, "n"]) -> Float[Tensor, "n *batch"]:
    coeffs = torch.einsum("n...,n->...", batch_vecs, v)
    return torch.einsum("...,n->n...", coeffs, v)


def get_trig_sum_directions(k: int, p: int) -> tuple[Float[Tensor, "p p"], Float[Tensor, "p p"]]:
    cos_cos = fourier_2d_basis_term(2 * k - 1, 2 * k - 1, p)
    sin_sin = fourier_2d_basis_term(2 * k, 2 * k, p)
    sin_cos = fourier_2d_basis_term(2 * k, 2 * k - 1, p)
    cos_sin = fourier_2d_basis_term(2 * k - 1, 2 * k, p)
    return (cos_cos - sin_sin) / 2**0.5, (sin_cos + cos_sin) / 2**0.5
