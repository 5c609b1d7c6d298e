"""Room: Loaded dice.

Draw n samples from a categorical distribution, without loops.
"""

import torch
from jaxtyping import Float, Int
from torch import Tensor


def sample_distribution(probs: Float[Tensor, "k"], n: int) -> Int[Tensor, "n"]:
    """Return n samples: sample i is category c with probability probs[c].

    probs: shape (k,), non-negative, sums to 1.
    Returns an integer tensor of shape (n,) with values in 0 .. k-1.

    Example: probs = [0.1, 0.0, 0.9] gives mostly 2s, some 0s, never 1.
    """
    raise NotImplementedError
