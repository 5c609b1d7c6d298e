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
    before, after = LN_hook_names(layernorm)
    acts = get_activations(model, data.toks, [before, after])
    if seq_pos is None:
        X = einops.rearrange(acts[before], "batch seq d -> (batch seq) d")
        Y = einops.rearrange(acts[after], "batch seq d -> (batch seq) d")
    else:
        X, Y = acts[before][:, seq_pos], acts[after][:, seq_pos]
    X, Y = X.double(), Y.double()
    X1 = torch.cat([X, torch.ones(X.shape[0], 1, dtype=X.dtype)], dim=-1)  # (n, d + 1)
    coef = torch.linalg.lstsq(X1, Y).solution  # (d + 1, d)
    residual = Y - X1 @ coef
    r2 = 1 - residual.pow(2).sum(dim=0) / (Y - Y.mean(dim=0)).pow(2).sum(dim=0)
    return coef[:-1].float(), coef[-1].float(), r2.mean().item()
