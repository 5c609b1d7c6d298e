from typing import Callable

import torch
from jaxtyping import Float
from torch import Tensor

from ioi_dataset import IOIDataset
from tiny_lens import ActivationCache, HookedTransformer, HookPoint


def get_path_patch_head_to_final_resid_post(
    model: HookedTransformer,
    patching_metric: Callable[[Float[Tensor, "batch pos d_vocab"]], Float[Tensor, ""]],
    new_dataset: IOIDataset,
    orig_dataset: IOIDataset,
    new_cache: ActivationCache | None = None,
    orig_cache: ActivationCache | None = None,
) -> Float[Tensor, "layer head"]:
    """For every sender head: run orig_dataset.toks with every head's z frozen to its
    orig_cache value, except the sender's, which takes its new_cache value; record
    patching_metric of the logits (the final residual stream, unembedded). Caches that
    are None are computed first."""
    if new_cache is None:
        _, new_cache = model.run_with_cache(new_dataset.toks, names_filter=lambda n: n.endswith("hook_z"))
    if orig_cache is None:
        _, orig_cache = model.run_with_cache(orig_dataset.toks, names_filter=lambda n: n.endswith("hook_z"))
    results = torch.zeros(model.cfg.n_layers, model.cfg.n_heads)
    for layer in range(model.cfg.n_layers):
        for head in range(model.cfg.n_heads):

            def patch_or_freeze(z: Tensor, hook: HookPoint) -> Tensor:
                z[...] = orig_cache[hook.name]
                if hook.layer() == layer:
                    z[:, :, head] = new_cache[hook.name][:, :, head]
                return z

            logits = model.run_with_hooks(
                orig_dataset.toks, fwd_hooks=[(lambda n: n.endswith("hook_z"), patch_or_freeze)])
            results[layer, head] = patching_metric(logits)
    return results
