from functools import partial

import torch
from jaxtyping import Float, Int
from torch import Tensor

import tiny_lens
from tiny_lens import HookPoint, get_act_name


def head_mean_ablation_hook(
    z: Float[Tensor, "batch seq n_heads d_head"],
    hook: HookPoint,
    head_index_to_ablate: int,
) -> None:
    """A hook on blocks.{l}.attn.hook_z: replace head `head_index_to_ablate`'s z, at every
    position, by its mean over the batch (in place; return None). Other heads unchanged."""
    raise NotImplementedError


# ---- given: get_ablation_scores from the head-zero-ablation room (nothing to change) ---------
def get_ablation_scores(
    model: tiny_lens.HookedTransformer,
    tokens: Int[Tensor, "batch seq"],
    ablation_function=head_mean_ablation_hook,
) -> Float[Tensor, "n_layers n_heads"]:
    """Increase in the second copy's loss when ablation_function ablates each head."""
    seq_len = (tokens.shape[1] - 1) // 2

    def second_half_loss(fwd_hooks=()) -> Tensor:
        losses = model.run_with_hooks(tokens, fwd_hooks=fwd_hooks, return_type="loss",
                                      loss_per_token=True)  # (batch, seq - 1)
        return losses[:, -(seq_len - 1):].mean()

    clean = second_half_loss()
    scores = torch.zeros(model.cfg.n_layers, model.cfg.n_heads)
    for layer in range(model.cfg.n_layers):
        for head in range(model.cfg.n_heads):
            hook_fn = partial(ablation_function, head_index_to_ablate=head)
            scores[layer, head] = second_half_loss([(get_act_name("z", layer), hook_fn)]) - clean
    return scores
