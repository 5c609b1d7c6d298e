import torch
from einops import rearrange
from jaxtyping import Float
from torch import Tensor

from tiny_lens import FactoredMatrix, HookedTransformer, load_model


def effective_ov_circuit(model: HookedTransformer, layer: int, heads: list[int]) -> FactoredMatrix:
    """The summed full OV circuit of heads `heads` in `layer`, as one FactoredMatrix with
    hidden dim len(heads) * d_head."""
    total = sum(model.W_E @ model.W_V[layer, h] @ model.W_O[layer, h] @ model.W_U for h in heads)
    return FactoredMatrix(total, torch.eye(total.shape[1]))
