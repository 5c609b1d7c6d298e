import torch
from jaxtyping import Int
from torch import Tensor

from tiny_lens import HookedTransformer, load_model


# ---- given: BOS + x + x, x of seq_len random tokens in 1..d_vocab-1 (the probe of earlier rooms)
def make_repeated_tokens(model: HookedTransformer, seq_len: int, batch_size: int,
                         seed: int = 0) -> Int[Tensor, "batch pos"]:
    g = torch.Generator().manual_seed(seed)
    x = torch.randint(1, model.cfg.d_vocab, (batch_size, seq_len), generator=g)
    return torch.cat([torch.zeros(batch_size, 1, dtype=torch.long), x, x], dim=1)


def detect_heads(model: HookedTransformer, tokens: Int[Tensor, "batch pos"], offset: int,
                 threshold: float = 0.4) -> list[str]:
    """Run tokens through the model with a cache. For every layer (all model.cfg.n_layers of
    them) and head, score = the mean over the batch and the positions of the attention
    pattern's diagonal at `offset` (pattern: (batch, head, q_pos, k_pos)). Return the heads
    whose score is above threshold, as "layer.head" strings, layer by layer, head by head.

    Example: offset -1 on load_model() (2 layers) -> ["0.2"] (the previous-token head).
    """
    raise NotImplementedError


def find_induction_circuit(model: HookedTransformer, seq_len: int = 20,
                           batch_size: int = 10) -> tuple[list[str], list[str]]:
    """(previous-token heads, induction heads) of the model, found with detect_heads on
    make_repeated_tokens(model, seq_len, batch_size): offsets -1 and 1 - seq_len.

    Example: find_induction_circuit(load_model()) == (["0.2"], ["1.0", "1.1", "1.2", "1.3"]).
    """
    raise NotImplementedError
