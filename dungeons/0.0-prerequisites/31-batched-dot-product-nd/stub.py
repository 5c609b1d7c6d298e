"""Room: einsum VI, dot products in any number of dimensions.

For each batch item i, the dot product of a[i] and b[i], whatever a's rank.
"""

import torch as t
from einops import einsum
from jaxtyping import Float
from torch import Tensor


def batched_dot_product_nd(a: Float[Tensor, "batch *dims"],
                           b: Float[Tensor, "batch *dims"]) -> Float[Tensor, "batch"]:
    """Return out with out[i] = dot product of a[i] and b[i] over all their axes.

    a, b: shape (batch, d1, ..., dk), k >= 1, same shape.
    Returns: shape (batch,).

    Example: a = [[1, 2], [3, 4]], b = [[5, 6], [7, 8]] -> [17, 53].
    """
    raise NotImplementedError
