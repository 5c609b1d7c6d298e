import torch
from jaxtyping import Float
from torch import Tensor

from tiny_lens import FactoredMatrix, HookedTransformer, load_model


def full_ov_circuit(model: HookedTransformer, layer: int, head: int) -> FactoredMatrix:
    """The full OV circuit W_E @ W_V[layer, head] @ W_O[layer, head] @ W_U of one head,
    as a FactoredMatrix of shape (d_vocab, d_vocab), kept in factors.

    Example: full_ov_circuit(load_model(), 1, 3).shape == (64, 64).
    """
    raise NotImplementedError
