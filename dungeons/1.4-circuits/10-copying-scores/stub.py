import einops
import torch
from jaxtyping import Float
from torch import Tensor

from ioi_dataset import NAMES, TOKEN
from tiny_lens import HookedTransformer


def get_copying_scores(
    model: HookedTransformer,
    k: int = 5,
    names: list[str] = NAMES,
) -> Float[Tensor, "2 layer head"]:
    """For every head: send each name's embedding through the head's OV circuit and the
    unembedding (no biases). [0]: the fraction of names whose own token is among the k
    largest logits (copying); [1]: among the k smallest (negative copying).

    Example: the trained model gives (2, 3, 4); [1, 0, 2] (head 0.2, negative) is 1.0.
    """
    raise NotImplementedError
