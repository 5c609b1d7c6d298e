"""Reference solution: batched_dot_product_nd."""

from einops import einsum
from jaxtyping import Float
from torch import Tensor


def batched_dot_product_nd(a: Float[Tensor, "batch *dims"],
                           b: Float[Tensor, "batch *dims"]) -> Float[Tensor, "batch"]:
    """Return out with out[i] = dot product of a[i] and b[i] over all their axes."""
    return einsum(a, b, "batch ..., batch ... -> batch")
