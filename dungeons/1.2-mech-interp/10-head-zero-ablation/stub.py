from functools import partial

import torch
from jaxtyping import Float, Int
from torch import Tensor

import tiny_lens
from tiny_lens import HookPoint, get_act_name


def head_zero_ablation_hook(
    z: Float[Tensor, "batch seq n_heads d_head"],
    hook: HookPoint,
    head_index_to_ablate: int,
) -> None:
    """A hook on blocks.{l}.attn.hook_z: set head `head_index_to_ablate`'s z to zero
    (in place; return None). Every other head is left alone."""
    raise NotImplementedError


def get_ablation_scores(
    model: tiny_lens.HookedTransformer,
    tokens: Int[Tensor, "batch seq"],
    ablation_function=head_zero_ablation_hook,
) -> Float[Tensor, "n_layers n_heads"]:
    """tokens = BOS + x + x, x of length seq_len (so seq = 1 + 2 * seq_len).

    For each (layer, head): run the model with ablation_function (bound to that head with
    functools.partial) on that layer's hook_z, and return how much the mean loss on the
    last seq_len - 1 per-token losses (the predictable part of the second copy) goes up
    compared with the clean run.
    """
    raise NotImplementedError
