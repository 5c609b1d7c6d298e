import torch
from jaxtyping import Float
from torch import Tensor

from tiny_lens import FactoredMatrix


def get_batched_comp_scores(W_As: FactoredMatrix, W_Bs: FactoredMatrix) -> Float[Tensor, "nA nB"]:
    """Composition scores of every pair: (nA, d, d) and (nB, d, d) FactoredMatrices -> (nA, nB)."""
    nA, nB = W_As.shape[0], W_Bs.shape[0]
    out = torch.zeros(nA, nB)
    for a in range(nA):
        for b in range(nB):
            out[a, b] = (W_As[a] @ W_Bs[b]).norm() / (W_As[a].norm() * W_Bs[b].norm())
    return out
