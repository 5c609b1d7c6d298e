import math

import einops
import torch
from jaxtyping import Float
from torch import Tensor

import tiny_lens
from tiny_lens import ActivationCache


def pattern_from_cache(cache: ActivationCache, layer: int) -> Float[Tensor, "batch head q_pos k_pos"]:
    q, k = cache["q", layer], cache["k", layer]
    scores = einops.einsum(q, k, "b q h e, b k h e -> b h q k")
    n = q.shape[1]
    future = torch.triu(torch.ones(n, n, dtype=torch.bool), diagonal=1)
    return scores.masked_fill(future, float("-inf")).softmax(dim=-1)
