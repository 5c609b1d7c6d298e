import torch
from jaxtyping import Bool, Int
from torch import Tensor


def is_balanced_vectorized_return_both(
    toks: Int[Tensor, "batch seq"],
) -> tuple[Bool[Tensor, "batch"], Bool[Tensor, "batch"]]:
    """The two ways a bracket string fails, for a whole batch at once, with no loop.

    toks: (batch, seq) ids ([start] 0, [pad] 1, [end] 2, "(" 3, ")" 4), padded.
    Returns (total_elevation_failure, negative_failure), both bool (batch,):
    the string does not end at elevation 0; the elevation goes below 0 somewhere.
    """
    raise NotImplementedError
