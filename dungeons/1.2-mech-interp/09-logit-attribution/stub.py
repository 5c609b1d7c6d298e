import einops
import torch
from jaxtyping import Float, Int
from torch import Tensor


def logit_attribution(
    embed: Float[Tensor, "seq d_model"],
    l1_results: Float[Tensor, "seq n_heads d_model"],
    l2_results: Float[Tensor, "seq n_heads d_model"],
    W_U: Float[Tensor, "d_model d_vocab"],
    tokens: Int[Tensor, "seq"],
) -> Float[Tensor, "seq-1 n_components"]:
    """Direct contribution of each residual-stream component to the correct next-token logit.

    Row i (position i predicts tokens[i + 1]); columns: [embed, the n_heads layer-0 heads,
    the n_heads layer-1 heads], so n_components = 1 + 2 * n_heads. Entry = component @ the
    W_U column of tokens[i + 1]. The last position (nothing to predict) is dropped.
    """
    raise NotImplementedError
