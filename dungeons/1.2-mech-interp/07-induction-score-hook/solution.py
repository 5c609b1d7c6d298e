import torch
from jaxtyping import Float
from torch import Tensor

import tiny_lens
from tiny_lens import HookPoint

# The store your hook writes into: one induction score per (layer, head).
# compute_induction_scores (below) resets it before every run; so do the tests.
induction_score_store: Float[Tensor, "n_layers n_heads"] = torch.zeros(2, 4)


def induction_score_hook(pattern: Float[Tensor, "batch head q_pos k_pos"], hook: HookPoint) -> None:
    """A hook on blocks.{l}.attn.hook_pattern, for tokens BOS + x + x (x of length seq_len,
    so q_pos = k_pos = 1 + 2 * seq_len).

    Write into induction_score_store[hook.layer()] each head's induction score: the mean,
    over the batch and the positions, of the pattern's diagonal at offset 1 - seq_len
    (query i attending to key i - (seq_len - 1)). Return None (leave the pattern alone).
    """
    seq_len = (pattern.shape[-1] - 1) // 2
    stripe = pattern.diagonal(offset=1 - seq_len, dim1=-2, dim2=-1)  # (batch, head, seq_len + 2)
    induction_score_store[hook.layer()] = stripe.mean(dim=(0, 2))


# ---- given: run your hook on the model (nothing to change below) -----------------------
def compute_induction_scores(model: tiny_lens.HookedTransformer, seq_len: int = 20,
                             batch_size: int = 10) -> Tensor:
    """Run BOS + x + x through the model with your hook on every pattern; return the scores."""
    global induction_score_store
    gen = torch.Generator().manual_seed(0)
    x = torch.randint(1, model.cfg.d_vocab, (batch_size, seq_len), generator=gen)
    tokens = torch.cat([torch.zeros(batch_size, 1, dtype=torch.long), x, x], dim=1)
    induction_score_store = torch.zeros(model.cfg.n_layers, model.cfg.n_heads)
    model.run_with_hooks(tokens, return_type=None,
                         fwd_hooks=[(lambda name: name.endswith("pattern"), induction_score_hook)])
    return induction_score_store.clone()
