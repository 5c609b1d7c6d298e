import torch
from jaxtyping import Int
from torch import Tensor

from tiny_lens import HookedTransformer


# ---- given: BOS + x + x, x of seq_len random tokens in 1..d_vocab-1 (the probe of earlier rooms)
def make_repeated_tokens(model: HookedTransformer, seq_len: int, batch_size: int,
                         seed: int = 0) -> Int[Tensor, "batch pos"]:
    g = torch.Generator().manual_seed(seed)
    x = torch.randint(1, model.cfg.d_vocab, (batch_size, seq_len), generator=g)
    return torch.cat([torch.zeros(batch_size, 1, dtype=torch.long), x, x], dim=1)


def detect_heads(model: HookedTransformer, tokens: Int[Tensor, "batch pos"], offset: int,
                 threshold: float = 0.4) -> list[str]:
    _, cache = model.run_with_cache(tokens, names_filter=lambda name: name.endswith("pattern"))
    heads = []
    for layer in range(model.cfg.n_layers):
        stripe = cache["pattern", layer].diagonal(offset=offset, dim1=-2, dim2=-1)
        scores = stripe.mean(dim=(0, 2))  # (head,)
        heads += [f"{layer}.{h}" for h in range(len(scores)) if scores[h] > threshold]
    return heads


def find_induction_circuit(model: HookedTransformer, seq_len: int = 20,
                           batch_size: int = 10) -> tuple[list[str], list[str]]:
    tokens = make_repeated_tokens(model, seq_len, batch_size)
    return detect_heads(model, tokens, -1), detect_heads(model, tokens, 1 - seq_len)
