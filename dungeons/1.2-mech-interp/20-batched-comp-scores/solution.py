from jaxtyping import Float
from torch import Tensor

from tiny_lens import FactoredMatrix


def get_batched_comp_scores(W_As: FactoredMatrix, W_Bs: FactoredMatrix) -> Float[Tensor, "nA nB"]:
    """Composition scores of every pair: (nA, d, d) and (nB, d, d) FactoredMatrices -> (nA, nB)."""
    A = W_As.unsqueeze(1)  # (nA, 1, d, d)
    B = W_Bs.unsqueeze(0)  # (1, nB, d, d)
    return (A @ B).norm() / (A.norm() * B.norm())
