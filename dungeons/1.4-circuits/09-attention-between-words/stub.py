import torch
from jaxtyping import Float, Int
from torch import Tensor

from tiny_lens import ActivationCache, HookedTransformer


def attention_between(
    model: HookedTransformer,
    cache: ActivationCache,
    word_idx: dict[str, Int[Tensor, "batch"]],
    from_word: str,
    to_word: str,
) -> Float[Tensor, "layer head"]:
    """For every head: the attention paid from the position of `from_word` (query) to the
    position of `to_word` (key), averaged over the prompts. The positions differ from
    prompt to prompt: word_idx[name][b] is the position in prompt b.

    Example: from_word="end", to_word="IO" on the trained model gives (3, 4); head 1.2
    scores about 0.9.
    """
    raise NotImplementedError
