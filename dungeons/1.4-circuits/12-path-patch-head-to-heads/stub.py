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
    (max receiver layer, n_heads) metric values.

    Example: receiver_heads=[(1, 0), (1, 1), (1, 2)], receiver_input="q" on the trained
    model gives a (1, 4) map: how much each layer-0 head acts through those queries.
    """
    raise NotImplementedError
