import math

from jaxtyping import Float
from torch import Tensor

from fourier import fourier_2d_basis_term, project_onto_direction


def project_onto_frequency(batch_vecs: Float[Tensor, "p_squared *batch"],
                           freq: int) -> Float[Tensor, "p_squared *batch"]:
    """The projection of each vector (down the first axis, length p*p: a function of the
    pair (x, y), row x*p + y) onto the 9 2-D Fourier terms of frequency `freq`: terms
    (i, j) with i and j each in [0, 2*freq - 1, 2*freq] (constant, cos freq, sin freq).

    p is the square root of batch_vecs.shape[0]. Returns the same shape as batch_vecs.
    """
    p = math.isqrt(batch_vecs.shape[0])
    indices = [0, 2 * freq - 1, 2 * freq]
    return sum(project_onto_direction(batch_vecs, fourier_2d_basis_term(i, j, p).flatten())
               for i in indices for j in indices)
