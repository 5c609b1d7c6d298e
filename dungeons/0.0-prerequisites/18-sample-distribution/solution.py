"""Reference solution: sample_distribution."""

import torch
from jaxtyping import Float, Int
from torch import Tensor


def sample_distribution(probs: Float[Tensor, "k"], n: int) -> Int[Tensor, "n"]:
    """Return n samples: sample i is category c with probability probs[c]."""
    draws = torch.rand(n)
    return (draws[:, None] >= probs.cumsum(0)).sum(dim=-1)
