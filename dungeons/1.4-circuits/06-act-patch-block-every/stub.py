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
    position, from clean_cache into the corrupted run; record patching_metric(logits).

    Example: 3 layers, 16 positions -> (3, 3, 16); results[1, 0] is layer 0's attn_out row.
    """
    raise NotImplementedError
