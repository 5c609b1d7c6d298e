import torch
from jaxtyping import Float
from torch import Tensor

import brackets
from bracket_tools import is_balanced_vectorized_return_both
from brackets import BracketsDataset, HookPoint, get_act_name


def ablate_head_to_balanced_mean(
    model: brackets.HookedTransformer, data: BracketsDataset, layer: int, head: int
) -> Float[Tensor, "batch 2"]:
    """Logits at position 0 with head `layer.head` mean-ablated: its z (blocks.{layer}.
    attn.hook_z, (batch, seq, head, d_head)) replaced, at every position, by its mean over
    the balanced strings of `data` at that position, a (seq, d_head) tensor."""
    raise NotImplementedError


def failure_detection_by_head(
    model: brackets.HookedTransformer, data: BracketsDataset
) -> Float[Tensor, "n_layers n_heads 4"]:
    """For every head: the accuracy after ablate_head_to_balanced_mean on the strings of
    each kind, in the order [balanced, negative only, elevation only, both failures].
    A kind with no string in data gets NaN."""
    raise NotImplementedError
