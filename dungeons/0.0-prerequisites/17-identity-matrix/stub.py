"""Room: The identity, by hand.

Build the n x n identity matrix without torch.eye.
"""

import torch
from jaxtyping import Int
from torch import Tensor


def identity_matrix(n: int) -> Int[Tensor, "n n"]:
    """Return the (n, n) integer identity matrix: 1 where i == j, else 0.

    n: int >= 0; n = 0 gives an empty (0, 0) tensor.

    Example: identity_matrix(3) == [[1, 0, 0], [0, 1, 0], [0, 0, 1]].
    """
    raise NotImplementedError
