import torch
from jaxtyping import Bool, Int
from torch import Tensor


def is_balanced_vectorized_return_both(
    toks: Int[Tensor, "batch seq"],
) -> tuple[Bool[Tensor, "batch"], Bool[Tensor, "batch"]]:
    elev, neg = [], []
    for row in toks:
        steps = torch.tensor([0, 0, 0, 1, -1])[row].cumsum(0)
        elev.append(bool(steps[-1] != 0))
        neg.append(bool((steps < 0).any()))
    return torch.tensor(elev), torch.tensor(neg)
