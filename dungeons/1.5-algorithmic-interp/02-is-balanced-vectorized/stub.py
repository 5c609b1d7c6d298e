import torch
from jaxtyping import Int
from torch import Tensor


def is_balanced_vectorized(tokens: Int[Tensor, "seq_len"]) -> bool:
    """True if the bracket string in `tokens` is balanced, with no Python loop.

    tokens: (seq_len,) int64, as the tokenizer makes them: [start] 0, [pad] 1, [end] 2,
    "(" 3, ")" 4, e.g. "(()" -> tensor([0, 3, 3, 4, 2]), possibly followed by [pad]s.
    Balanced: the running elevation (+1 per "(", -1 per ")", 0 for the other tokens)
    never goes below zero and ends at zero.
    """
    raise NotImplementedError
