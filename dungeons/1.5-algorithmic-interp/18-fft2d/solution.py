import torch
from jaxtyping import Float
from torch import Tensor

from fourier_basis import make_fourier_basis


def fft2d(tensor: Float[Tensor, "p p *batch"]) -> Float[Tensor, "p p *batch"]:
    """The coefficients of `tensor` in the 2-D Fourier basis over its first two axes
    (x and y, both of size p); any further axes are batch axes and are kept.

    out[i, j, ...] = sum over x, y of tensor[x, y, ...] * basis[i, x] * basis[j, y],
    basis = make_fourier_basis(p)[0]. Same shape as the input.
    """
    basis, _ = make_fourier_basis(tensor.shape[0])
    return torch.einsum("xy...,ix,jy->ij...", tensor, basis, basis)
