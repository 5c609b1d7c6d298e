import torch
from jaxtyping import Float
from torch import Tensor

import tiny_lens
from tiny_lens import ActivationCache


def induction_attn_detector(cache: ActivationCache) -> list[str]:
    heads, layer = [], 0
    while ("pattern", layer) in cache:
        pattern = cache["pattern", layer]  # (head, q_pos, k_pos)
        seq_len = (pattern.shape[-1] - 1) // 2
        for h in range(pattern.shape[0]):
            if pattern[h].diagonal(offset=-19).mean() > 0.4:
                heads.append(f"{layer}.{h}")
        layer += 1
    return heads
