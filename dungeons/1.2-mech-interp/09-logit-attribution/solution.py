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
    W_U_correct = W_U[:, tokens[1:]]  # (d_model, seq-1): one unembedding column per target
    direct = einops.einsum(embed[:-1], W_U_correct, "seq d, d seq -> seq")
    l1 = einops.einsum(l1_results[:-1], W_U_correct, "seq head d, d seq -> seq head")
    l2 = einops.einsum(l2_results[:-1], W_U_correct, "seq head d, d seq -> seq head")
    return torch.cat([direct[:, None], l1, l2], dim=-1)
