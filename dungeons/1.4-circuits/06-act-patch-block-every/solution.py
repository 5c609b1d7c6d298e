from functools import partial
from typing import Callable

import torch
from jaxtyping import Float, Int
from torch import Tensor

from patching import patch_residual_component
from tiny_lens import ActivationCache, HookedTransformer, get_act_name

COMPONENTS = ["resid_pre", "attn_out", "resid_post"]


def get_act_patch_block_every(
    model: HookedTransformer,
    corrupted_tokens: Int[Tensor, "batch pos"],
    clean_cache: ActivationCache,
    patching_metric: Callable[[Float[Tensor, "batch pos d_vocab"]], Float[Tensor, ""]],
) -> Float[Tensor, "3 layer pos"]:
    """Patch each of resid_pre, attn_out and resid_post (in that order), at every layer and
    position, from clean_cache into the corrupted run; record patching_metric(logits)."""
    n_layers, seq = model.cfg.n_layers, corrupted_tokens.shape[1]
    results = torch.zeros(len(COMPONENTS), n_layers, seq)
    for c, component in enumerate(COMPONENTS):
        for layer in range(n_layers):
            for pos in range(seq):
                hook_fn = partial(patch_residual_component, pos=pos, clean_cache=clean_cache)
                logits = model.run_with_hooks(
                    corrupted_tokens, fwd_hooks=[(get_act_name(component, layer), hook_fn)])
                results[c, layer, pos] = patching_metric(logits)
    return results
