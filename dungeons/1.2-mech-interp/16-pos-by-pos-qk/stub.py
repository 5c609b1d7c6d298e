import torch
from jaxtyping import Float
from torch import Tensor

from tiny_lens import HookedTransformer, load_model


def pos_by_pos_pattern(model: HookedTransformer, layer: int, head: int) -> Float[Tensor, "n_ctx n_ctx"]:
    """Attention pattern of head layer.head from positional embeddings only:
    softmax over keys of the causally masked W_pos W_Q W_K^T W_pos^T / sqrt(d_head).
    Rows are query positions, columns key positions; each row sums to 1.

    Example: pos_by_pos_pattern(load_model(), 0, 2).shape == (41, 41).
    """
    raise NotImplementedError
