import einops
import torch
from jaxtyping import Float
from torch import Tensor

import brackets
from bracket_tools import LN_hook_names, get_activations
from brackets import BracketsDataset, LayerNorm


def get_ln_fit(
    model: brackets.HookedTransformer,
    data: BracketsDataset,
    layernorm: LayerNorm,
    seq_pos: int | None = None,
) -> tuple[Float[Tensor, "d_model d_model"], Float[Tensor, "d_model"], float]:
    """The best affine stand-in for `layernorm` on this data: output ~ input @ W + b.

    Input and output are the LayerNorm's activations on data.toks (LN_hook_names), taken
    at position seq_pos, or at every position (batch and seq flattened) if seq_pos is None.
    Least squares (torch.linalg.lstsq) with a column of ones for b. Returns (W, b, r2),
    r2 = the mean over output features of 1 - sum(residual^2) / sum((y - mean y)^2).
    """
    raise NotImplementedError
