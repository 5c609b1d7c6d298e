import torch
from jaxtyping import Float
from torch import Tensor

from fourier_basis import make_fourier_basis


def get_trig_sum_directions(k: int, p: int) -> tuple[Float[Tensor, "p p"], Float[Tensor, "p p"]]:
    """The unit-norm (p, p) maps (x, y) -> cos(w (x + y)) and (x, y) -> sin(w (x + y)),
    w = 2 pi k / p, built from the 1-D basis rows "cos k" (2k-1) and "sin k" (2k).

    Returns (cos_dir, sin_dir), each (p, p) with Frobenius norm 1.
    """
    basis, _ = make_fourier_basis(p)
    c, s = basis[2 * k - 1], basis[2 * k]
    cos_dir = (torch.outer(c, c) - torch.outer(s, s)) / 2**0.5
    sin_dir = (torch.outer(s, c) + torch.outer(c, s)) / 2**0.5
    return cos_dir, sin_dir
