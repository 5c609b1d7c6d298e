import torch
from jaxtyping import Float
from torch import Tensor

from tiny_lens import HookedTransformer, load_model


def decompose_attn_scores(decomposed_q: Float[Tensor, "qc q_pos d_head"],
                          decomposed_k: Float[Tensor, "kc k_pos d_head"],
                          model: HookedTransformer) -> Float[Tensor, "qc kc q_pos k_pos"]:
    """Every (query part, key part) contribution to the attention scores:
    [i, j, a, b] = decomposed_q[i, a] . decomposed_k[j, b] / sqrt(d_head). No mask, no softmax.

    Example: (2, 5, 4) and (3, 5, 4) -> (2, 3, 5, 5).
    """
    raise NotImplementedError
