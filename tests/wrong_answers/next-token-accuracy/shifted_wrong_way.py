import torch
from jaxtyping import Bool, Float, Int
from torch import Tensor


def next_token_accuracy(
    logits: Float[Tensor, "batch pos d_vocab"], tokens: Int[Tensor, "batch pos"]
) -> tuple[int, Bool[Tensor, "batch pos_minus_1"]]:
    correct = logits.argmax(dim=-1)[:, 1:] == tokens[:, :-1]
    return int(correct.sum()), correct
