import torch
from jaxtyping import Float
from torch import Tensor

from tiny_lens import FactoredMatrix


def top_1_acc(full_OV_circuit: FactoredMatrix, batch_size: int = 100) -> float:
    """Fraction of rows i of the (n, n) FactoredMatrix whose argmax over columns is i,
    computed batch_size rows at a time (never the whole matrix).

    Example: A = [[1, 0], [0, 1], [1, 0]], B = [[2, 0, 1], [0, 1, 0]] -> 2/3.
    """
    raise NotImplementedError
