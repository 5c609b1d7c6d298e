import torch
from einops import rearrange
from jaxtyping import Float
from torch import Tensor

from tiny_lens import FactoredMatrix, HookedTransformer, load_model


def effective_ov_circuit(model: HookedTransformer, layer: int, heads: list[int]) -> FactoredMatrix:
    """The summed full OV circuit of heads `heads` in `layer`:
    sum_h W_E @ W_V[layer, h] @ W_O[layer, h] @ W_U, shape (d_vocab, d_vocab), as one
    FactoredMatrix with hidden dim len(heads) * d_head.

    Example: effective_ov_circuit(load_model(), 1, [0, 1, 2, 3]).shape == (64, 64).
    """
    raise NotImplementedError
