from typing import Callable

import torch
from jaxtyping import Float
from torch import Tensor

from ioi_dataset import IOIDataset
from tiny_lens import ActivationCache, HookedTransformer, HookPoint, get_act_name


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
    are None are computed first.

    Example: the trained model gives a (3, 4) map; with the metric scaled so that
    0 = unchanged and -1 = as bad as the new prompts, head 1.2 scores about -0.2.
    """
    raise NotImplementedError
