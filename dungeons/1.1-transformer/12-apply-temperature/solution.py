"""Reference solution: apply_temperature."""

from jaxtyping import Float
from torch import Tensor


def apply_temperature(logits: Float[Tensor, "d_vocab"], temperature: float) -> Float[Tensor, "d_vocab"]:
    """Return logits / temperature (a new tensor). logits: (d_vocab,) -> (d_vocab,)."""
    return logits / temperature
