"""The 1-D Fourier basis over Z_p, for dungeon 1.5's grokking rooms (room make-fourier-basis).

`make_fourier_basis(p)`: `(basis, names)`; basis `(p, p)`, one unit-norm component per
row: row 0 the constant, then `cos k`, `sin k` for k = 1 .. p // 2 (p odd), all
orthonormal. names: `["Const", "cos 1", "sin 1", ...]`.
"""

import torch
from jaxtyping import Float
from torch import Tensor


def make_fourier_basis(p: int) -> tuple[Float[Tensor, "p p"], list[str]]:
    x = torch.arange(p, dtype=torch.float64)
    rows, names = [torch.ones(p, dtype=torch.float64)], ["Const"]
    for k in range(1, p // 2 + 1):
        rows += [torch.cos(2 * torch.pi * k * x / p), torch.sin(2 * torch.pi * k * x / p)]
        names += [f"cos {k}", f"sin {k}"]
    basis = torch.stack(rows)
    return (basis / basis.norm(dim=1, keepdim=True)).float(), names
