import torch
from jaxtyping import Bool, Float, Int
from torch import Tensor


def next_token_accuracy(
    logits: Float[Tensor, "batch pos d_vocab"], tokens: Int[Tensor, "batch pos"]
) -> tuple[int, Bool[Tensor, "batch pos_minus_1"]]:
    """Which next-token guesses (argmax of the logits) are right.

    correct[b, i] = logits[b, i].argmax() == tokens[b, i + 1], shape (batch, pos - 1);
    n_correct = how many are True, as a Python int. Returns (n_correct, correct).
    Example: tokens [[0, 2, 1]], argmaxes [2, 0, 1] -> (1, [[True, False]]).
    """
    raise NotImplementedError
