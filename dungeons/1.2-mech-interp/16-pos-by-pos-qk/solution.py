import torch
from jaxtyping import Float
from torch import Tensor

from tiny_lens import HookedTransformer


def pos_by_pos_pattern(model: HookedTransformer, layer: int, head: int) -> Float[Tensor, "n_ctx n_ctx"]:
    """Attention pattern of head layer.head from positional embeddings only:
    softmax over keys of the causally masked W_pos W_Q W_K^T W_pos^T / sqrt(d_head)."""
    W_pos = model.W_pos
    scores = (W_pos @ model.QK[layer, head] @ W_pos.T).AB / model.cfg.d_head**0.5
    n = scores.shape[0]
    future = torch.triu(torch.ones(n, n, dtype=torch.bool), diagonal=1)
    return scores.masked_fill(future, float("-inf")).softmax(dim=-1)
