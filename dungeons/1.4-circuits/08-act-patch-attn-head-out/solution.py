from functools import partial
from typing import Callable

import torch
from jaxtyping import Float, Int
from torch import Tensor

from patching import patch_head_vector
from tiny_lens import ActivationCache, HookedTransformer, get_act_name


def get_act_patch_attn_head_out_all_pos(
    model: HookedTransformer,
    corrupted_tokens: Int[Tensor, "batch pos"],
    clean_cache: ActivationCache,
    patching_metric: Callable[[Float[Tensor, "batch pos d_vocab"]], Float[Tensor, ""]],
) -> Float[Tensor, "layer head"]:
    """For every (layer, head): run the corrupted tokens with that head's z (hook_z, every
    position) patched from clean_cache, and record patching_metric(logits)."""
    results = torch.zeros(model.cfg.n_layers, model.cfg.n_heads)
    for layer in range(model.cfg.n_layers):
        for head in range(model.cfg.n_heads):
            hook_fn = partial(patch_head_vector, head_index=head, clean_cache=clean_cache)
            logits = model.run_with_hooks(
                corrupted_tokens, fwd_hooks=[(get_act_name("z", layer), hook_fn)])
            results[layer, head] = patching_metric(logits)
    return results
