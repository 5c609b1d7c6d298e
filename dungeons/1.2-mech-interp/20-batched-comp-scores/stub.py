import torch
from jaxtyping import Float
from torch import Tensor

from tiny_lens import FactoredMatrix


def get_batched_comp_scores(W_As: FactoredMatrix, W_Bs: FactoredMatrix) -> Float[Tensor, "nA nB"]:
    """Composition scores of every pair: W_As (nA, d_model, d_model), W_Bs (nB, d_model, d_model)
    -> (nA, nB) with [a, b] = ||W_As[a] W_Bs[b]||_F / (||W_As[a]||_F ||W_Bs[b]||_F). No loops.

    Example: get_batched_comp_scores(model.OV[0], model.QK[1].T).shape == (4, 4).
    """
    raise NotImplementedError
