import torch
from jaxtyping import Float
from torch import Tensor


def make_fourier_basis(p: int) -> tuple[Float[Tensor, "p p"], list[str]]:
    """The Fourier basis of functions on 0..p-1 (p odd), one unit-norm component per row.

    Row 0 is the constant; rows 2k-1 and 2k are cos(2 pi k x / p) and sin(2 pi k x / p)
    for k = 1 .. p // 2, each divided by its own norm. Returns (basis (p, p) float32,
    names ["Const", "cos 1", "sin 1", ..., f"sin {p // 2}"]).
    """
    x = torch.arange(p)
    basis = torch.ones(p, p)
    names = ["Const"]
    for k in range(1, p // 2 + 1):
        basis[2 * k - 1] = torch.cos(2 * torch.pi * k * x / p)
        basis[2 * k] = torch.sin(2 * torch.pi * k * x / p)
        names += [f"cos {k}", f"sin {k}"]
    basis = basis / basis.norm(dim=1, keepdim=True)
    return basis, names
