import torch
from jaxtyping import Float, Int
from torch import Tensor

import tiny_lens
from tiny_lens import ActivationCache, HookedTransformer


def generate_repeated_tokens(
    model: HookedTransformer, seq_len: int, batch_size: int = 1
) -> Int[Tensor, "batch full_len"]:
    bos = torch.zeros(batch_size, 1, dtype=torch.long)
    half = torch.randint(1, model.cfg.d_vocab, (1, seq_len)).expand(batch_size, seq_len)
    return torch.cat([bos, half, half], dim=1)


def run_and_cache_model_repeated_tokens(
    model: HookedTransformer, seq_len: int, batch_size: int = 1
) -> tuple[Int[Tensor, "batch full_len"], Float[Tensor, "batch full_len d_vocab"], ActivationCache]:
    tokens = generate_repeated_tokens(model, seq_len, batch_size)
    logits, cache = model.run_with_cache(tokens)
    return tokens, logits, cache
