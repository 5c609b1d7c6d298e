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
    prompt to prompt: word_idx[name][b] is the position in prompt b."""
    q_pos, k_pos = word_idx[from_word], word_idx[to_word]
    rows = torch.arange(q_pos.shape[0])
    return torch.stack([
        cache["pattern", layer][rows, :, q_pos, k_pos].mean(dim=0)  # (batch, head) -> (head,)
        for layer in range(model.cfg.n_layers)
    ])
