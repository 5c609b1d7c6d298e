from functools import partial
from typing import Callable

import torch
from jaxtyping import Float
from torch import Tensor

from ioi_dataset import IOIDataset
from path_patching import patch_or_freeze_head_vectors
from tiny_lens import ActivationCache, HookedTransformer, HookPoint, get_act_name


def get_path_patch_head_to_heads(
    receiver_heads: list[tuple[int, int]],
    receiver_input: str,
    model: HookedTransformer,
    patching_metric: Callable[[Float[Tensor, "batch pos d_vocab"]], Float[Tensor, ""]],
    new_dataset: IOIDataset,
    orig_dataset: IOIDataset,
    new_cache: ActivationCache | None = None,
    orig_cache: ActivationCache | None = None,
) -> Float[Tensor, "layer head"]:
    """Path patching from every sender head (in the layers below the last receiver layer)
    to the `receiver_input` ("q", "k" or "v") of the receiver heads. Returns
    (max receiver layer, n_heads) metric values."""
    is_z = lambda name: name.endswith("hook_z")  # noqa: E731
    if new_cache is None:
        _, new_cache = model.run_with_cache(new_dataset.toks, names_filter=is_z)
    if orig_cache is None:
        _, orig_cache = model.run_with_cache(orig_dataset.toks, names_filter=is_z)
    receiver_layers = sorted({layer for layer, _ in receiver_heads})
    receiver_names = {get_act_name(receiver_input, layer) for layer in receiver_layers}
    is_receiver = lambda name: name in receiver_names  # noqa: E731
    results = torch.zeros(max(receiver_layers), model.cfg.n_heads)
    for layer in range(max(receiver_layers)):
        for head in range(model.cfg.n_heads):
            # 1. freeze every head to orig, sender from new; record the receivers' inputs
            def freeze(z: Tensor, hook: HookPoint, layer=layer, head=head) -> Tensor:
                if hook.layer() == layer:
                    z[:, :, head] = new_cache[hook.name][:, :, head]
                return z
            with model.hooks([(is_z, freeze)]):
                _, patched = model.run_with_cache(orig_dataset.toks, names_filter=is_receiver)

            # 2. a clean orig run with only the receiver heads' inputs patched in
            def patch_receivers(act: Tensor, hook: HookPoint) -> Tensor:
                heads = [h for l, h in receiver_heads if l == hook.layer()]
                act[:, :, heads] = patched[hook.name][:, :, heads]
                return act

            logits = model.run_with_hooks(orig_dataset.toks, fwd_hooks=[(is_receiver, patch_receivers)])
            results[layer, head] = patching_metric(logits)
    return results
