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
    patching_metric(logits).

    Example: a 3-layer model on 16-token prompts gives a (3, 16) map.
    """
    raise NotImplementedError
