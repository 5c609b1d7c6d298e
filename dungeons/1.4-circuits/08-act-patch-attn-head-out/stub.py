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
    position) patched from clean_cache, and record patching_metric(logits).

    Example: 3 layers of 4 heads -> a (3, 4) map.
    """
    raise NotImplementedError
