import math

import einops
import torch
from jaxtyping import Float
from torch import Tensor

import tiny_lens
from tiny_lens import ActivationCache


def pattern_from_cache(cache: ActivationCache, layer: int) -> Float[Tensor, "batch head q_pos k_pos"]:
    """Layer `layer`'s attention pattern, rebuilt from cache["q", layer] and cache["k", layer]
    (both (batch, pos, head, d_head)): q.k / sqrt(d_head), future keys masked to -inf,
    softmax over k_pos. Should match cache["pattern", layer].
    """
    raise NotImplementedError
