import torch
from jaxtyping import Float
from torch import Tensor

import tiny_lens
from tiny_lens import ActivationCache


def induction_attn_detector(cache: ActivationCache) -> list[str]:
    """Heads ("layer.head") whose mean attention along the diagonal at offset
    -(seq_len - 1) of cache["pattern", layer][head] (shape (1 + 2*seq_len, 1 + 2*seq_len),
    a repeated sequence) is above 0.4."""
    raise NotImplementedError
