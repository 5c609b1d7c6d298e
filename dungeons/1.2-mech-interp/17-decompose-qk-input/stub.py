import torch
from einops import rearrange
from jaxtyping import Float
from torch import Tensor

from tiny_lens import ActivationCache, HookedTransformer, load_model


def decompose_qk_input(cache: ActivationCache) -> Float[Tensor, "n_parts seq d_model"]:
    """The layer-1 Q/K input (resid_pre[1] + pos_embed) as n_heads + 3 parts:
    [embed, pos_embed, result of head 0.0, ..., head 0.(n-1), b_O[0] at every position].
    `cache` has no batch dim. Example: (7, 41, 64) for 41 tokens on the shipped model.
    """
    raise NotImplementedError


def decompose_q(decomposed_qk_input: Float[Tensor, "n_parts seq d_model"], ind_head_index: int,
                model: HookedTransformer) -> Float[Tensor, "n_parts seq d_head"]:
    """Each part's contribution to head 1.ind_head_index's query (b_Q not included)."""
    raise NotImplementedError


def decompose_k(decomposed_qk_input: Float[Tensor, "n_parts seq d_model"], ind_head_index: int,
                model: HookedTransformer) -> Float[Tensor, "n_parts seq d_head"]:
    """Each part's contribution to head 1.ind_head_index's key (b_K not included)."""
    raise NotImplementedError
