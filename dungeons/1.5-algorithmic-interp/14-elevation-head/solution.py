import torch
from jaxtyping import Float
from torch import Tensor

import brackets
from bracket_tools import is_balanced_vectorized_return_both
from brackets import BracketsDataset, HookPoint, get_act_name


def ablate_head_to_balanced_mean(
    model: brackets.HookedTransformer, data: BracketsDataset, layer: int, head: int
) -> Float[Tensor, "batch 2"]:
    """Logits at position 0 with head `layer.head` mean-ablated: its z (blocks.{layer}.
    attn.hook_z, (batch, seq, head, d_head)) replaced, at every position, by its mean over
    the balanced strings of `data` at that position, a (seq, d_head) tensor."""
    name = get_act_name("z", layer)
    _, cache = model.run_with_cache(data.toks, names_filter=name, return_type=None)
    balanced_mean = cache[name][data.isbal, :, head].mean(dim=0)  # (seq, d_head)

    def replace(z: Tensor, hook: HookPoint) -> None:
        z[:, :, head] = balanced_mean

    return model.run_with_hooks(data.toks, fwd_hooks=[(name, replace)])[:, 0]


def failure_detection_by_head(
    model: brackets.HookedTransformer, data: BracketsDataset
) -> Float[Tensor, "n_layers n_heads 4"]:
    """For every head: the accuracy after ablate_head_to_balanced_mean on the strings of
    each kind, in the order [balanced, negative only, elevation only, both failures].
    A kind with no string in data gets NaN."""
    elevation_failure, negative_failure = is_balanced_vectorized_return_both(data.toks)
    kinds = torch.stack([~negative_failure & ~elevation_failure,
                         negative_failure & ~elevation_failure,
                         ~negative_failure & elevation_failure,
                         negative_failure & elevation_failure])  # (4, batch)
    scores = torch.zeros(model.cfg.n_layers, model.cfg.n_heads, 4)
    for layer in range(model.cfg.n_layers):
        for head in range(model.cfg.n_heads):
            logits = ablate_head_to_balanced_mean(model, data, layer, head)
            correct = (logits.argmax(dim=-1) == 1) == data.isbal  # (batch,)
            scores[layer, head] = (correct.float() * kinds).sum(1) / kinds.sum(1)
    return scores
