"""Reference solution: apply_frequency_penalty."""

from jaxtyping import Float, Int
from torch import Tensor


def apply_frequency_penalty(
    input_ids: Int[Tensor, "seq_len"], logits: Float[Tensor, "d_vocab"], freq_penalty: float
) -> Float[Tensor, "d_vocab"]:
    """logits[v] - freq_penalty * (count of v in input_ids), for every v. Returns (d_vocab,)."""
    counts = input_ids.bincount(minlength=logits.shape[-1])
    return logits - freq_penalty * counts
