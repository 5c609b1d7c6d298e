"""Reference solution: as_strided_mv."""

from jaxtyping import Float
from torch import Tensor


def as_strided_mv(mat: Float[Tensor, "i j"], vec: Float[Tensor, "j"]) -> Float[Tensor, "i"]:
    """Return mat @ vec, shape (i,), built with as_strided, a multiply and a sum."""
    vec_rows = vec.as_strided(mat.shape, (0, vec.stride(0)))
    return (mat * vec_rows).sum(dim=1)
