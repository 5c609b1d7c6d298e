import torch
from einops import rearrange
from jaxtyping import Float
from torch import Tensor

from tiny_lens import ActivationCache, HookedTransformer


def decompose_qk_input(cache: ActivationCache) -> Float[Tensor, "n_parts seq d_model"]:
    """The layer-1 Q/K input (resid_pre[1] + pos_embed) as n_heads + 3 parts:
    [embed, pos_embed, result of head 0.0, ..., head 0.(n-1), b_O[0] at every position]."""
    result = cache["result", 0]  # (seq, head, d_model)
    bias = cache["attn_out", 0] - result.sum(dim=1)  # b_O[0] at every position
    return torch.cat([
        torch.stack([cache["embed"], cache["pos_embed"]]),
        rearrange(result, "seq head d_model -> head seq d_model"),
        bias[None],
    ])


def decompose_q(decomposed_qk_input: Float[Tensor, "n_parts seq d_model"], ind_head_index: int,
                model: HookedTransformer) -> Float[Tensor, "n_parts seq d_head"]:
    """Each part's contribution to head 1.ind_head_index's query (b_Q not included)."""
    return decomposed_qk_input @ model.W_Q[1, ind_head_index]


def decompose_k(decomposed_qk_input: Float[Tensor, "n_parts seq d_model"], ind_head_index: int,
                model: HookedTransformer) -> Float[Tensor, "n_parts seq d_head"]:
    """Each part's contribution to head 1.ind_head_index's key (b_K not included)."""
    return decomposed_qk_input @ model.W_K[1, ind_head_index]
