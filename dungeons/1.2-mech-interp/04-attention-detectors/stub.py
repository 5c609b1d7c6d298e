import torch
from jaxtyping import Float
from torch import Tensor

import tiny_lens
from tiny_lens import ActivationCache


def current_attn_detector(cache: ActivationCache) -> list[str]:
    """Heads ("layer.head") whose mean attention on the current token (the diagonal of
    cache["pattern", layer][head], shape (q_pos, k_pos)) is above 0.4."""
    raise NotImplementedError


def prev_attn_detector(cache: ActivationCache) -> list[str]:
    """Heads whose mean attention on the previous token (diagonal offset -1) is above 0.4."""
    raise NotImplementedError


def first_attn_detector(cache: ActivationCache) -> list[str]:
    """Heads whose mean attention on the first token (column 0) is above 0.4."""
    raise NotImplementedError
