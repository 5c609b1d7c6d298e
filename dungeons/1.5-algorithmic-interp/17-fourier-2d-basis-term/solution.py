from jaxtyping import Float
from torch import Tensor

from fourier_basis import make_fourier_basis


def fourier_2d_basis_term(i: int, j: int, p: int) -> Float[Tensor, "p p"]:
    """The 2-D Fourier basis term: component i of the 1-D basis along x (the first axis)
    times component j along y (the second axis).

    Returns (p, p): out[x, y] = basis[i, x] * basis[j, y], basis = make_fourier_basis(p)[0].
    """
    basis, _ = make_fourier_basis(p)
    return basis[i][:, None] * basis[j][None, :]
