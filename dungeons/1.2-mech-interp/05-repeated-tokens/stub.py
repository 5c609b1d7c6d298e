import torch
from jaxtyping import Float, Int
from torch import Tensor

import tiny_lens
from tiny_lens import ActivationCache, HookedTransformer


def generate_repeated_tokens(
    model: HookedTransformer, seq_len: int, batch_size: int = 1
) -> Int[Tensor, "batch full_len"]:
    """BOS (0), seq_len random tokens in 1 .. d_vocab - 1, then the same tokens again.
    Shape (batch_size, 1 + 2 * seq_len), dtype int64.
    Example (seq_len 3): [[0, 17, 5, 42, 17, 5, 42]].
    """
    raise NotImplementedError


def run_and_cache_model_repeated_tokens(
    model: HookedTransformer, seq_len: int, batch_size: int = 1
) -> tuple[Int[Tensor, "batch full_len"], Float[Tensor, "batch full_len d_vocab"], ActivationCache]:
    """Generate repeated tokens, run the model with a cache: returns (tokens, logits, cache)."""
    raise NotImplementedError
