from typing import Callable

import torch
from jaxtyping import Float
from torch import Tensor

import tiny_lens
from tiny_lens import ActivationCache


def _detect(cache: ActivationCache, score: Callable[[Tensor], Tensor]) -> list[str]:
    heads, layer = [], 0
    while ("pattern", layer) in cache:
        pattern = cache["pattern", layer]  # (head, q_pos, k_pos)
        heads += [f"{layer}.{h}" for h in range(pattern.shape[0]) if score(pattern[h]) > 0.4]
        layer += 1
    return heads


def current_attn_detector(cache: ActivationCache) -> list[str]:
    return _detect(cache, lambda p: p.diagonal().mean())


def prev_attn_detector(cache: ActivationCache) -> list[str]:
    return _detect(cache, lambda p: p.diagonal(offset=1).mean())


def first_attn_detector(cache: ActivationCache) -> list[str]:
    return _detect(cache, lambda p: p[:, 0].mean())
