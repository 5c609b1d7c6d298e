import torch
from jaxtyping import Float
from torch import Tensor

from tiny_lens import HookedTransformer


def decompose_attn_scores(decomposed_q: Float[Tensor, "qc q_pos d_head"],
                          decomposed_k: Float[Tensor, "kc k_pos d_head"],
                          model: HookedTransformer) -> Float[Tensor, "qc kc q_pos k_pos"]:
    """Every (query part, key part) contribution to the attention scores, / sqrt(d_head)."""
    scores = torch.einsum("iad,jbd->ijab", decomposed_q, decomposed_k)
    return scores / model.cfg.d_head**0.5
