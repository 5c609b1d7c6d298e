import torch
from jaxtyping import Float
from torch import Tensor

from fourier_basis import make_fourier_basis


def fft1d(x: Float[Tensor, "... p"]) -> Float[Tensor, "... p"]:
    """The coefficients of x in the Fourier basis along its last axis (p = x.shape[-1]).

    x: (..., p), a vector or a batch of vectors; returns (..., p), where out[..., i] is
    the dot product of x[..., :] with row i of make_fourier_basis(p)[0].
    """
    raise NotImplementedError
