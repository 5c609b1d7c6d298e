from functools import partial
from typing import Callable

import torch
from jaxtyping import Float, Int
from torch import Tensor

from patching import patch_residual_component
from tiny_lens import ActivationCache, HookedTransformer, get_act_name


def get_act_patch_resid_pre(
    model: HookedTransformer,
    corrupted_tokens: Int[Tensor, "batch pos"],
    clean_cache: ActivationCache,
    patching_metric: Callable[[Float[Tensor, "batch pos d_vocab"]], Float[Tensor, ""]],
) -> Float[Tensor, "layer pos"]:
    """For every layer and position: run the corrupted tokens with that layer's
    hook_resid_pre patched at that position from clean_cache, and record
    patching_metric(logits)."""
    n_layers, seq = model.cfg.n_layers, corrupted_tokens.shape[1]
    # "patch into the clean run": rebuild the clean tokens from the cache's embedding
    clean_tokens = (clean_cache["embed"] @ model.W_E.T).argmax(-1)
    results = torch.zeros(n_layers, seq)
    for layer in range(n_layers):
        for pos in range(seq):
            hook_fn = partial(patch_residual_component, pos=pos, clean_cache=clean_cache)
            logits = model.run_with_hooks(
                clean_tokens, fwd_hooks=[(get_act_name("resid_pre", layer), hook_fn)])
            results[layer, pos] = patching_metric(logits)
    return results
