import torch
from einops import rearrange
from jaxtyping import Float
from torch import Tensor

from tiny_lens import FactoredMatrix, HookedTransformer, load_model


def effective_ov_circuit(model: HookedTransformer, layer: int, heads: list[int]) -> FactoredMatrix:
    """The summed full OV circuit of heads `heads` in `layer`, as one FactoredMatrix with
    hidden dim len(heads) * d_head."""
    W_V = model.W_V[layer, heads].sum(0)
    W_O = model.W_O[layer, heads].sum(0)
    return FactoredMatrix(model.W_E @ W_V, W_O @ model.W_U)
