from jaxtyping import Float
from torch import Tensor

import brackets
from bracket_tools import get_ln_fit, get_pre_final_ln_dir
from brackets import BracketsDataset


def get_WOV(model: brackets.HookedTransformer, layer: int, head: int) -> Float[Tensor, "d_model d_model"]:
    """Head layer.head's OV matrix W_V @ W_O: a vector it attends to (its LayerNorm'd
    residual, a row vector) times W_OV is what the head writes. (d_model, d_model)."""
    return model.W_V[layer, head] @ model.W_O[layer, head]


def get_pre_21_dir(model: brackets.HookedTransformer, data: BracketsDataset) -> Float[Tensor, "d_model"]:
    """The residual direction, before layer 2's ln1 (blocks.2.hook_resid_pre, fitted over
    every position), that makes head 2.1 push position 0 towards "unbalanced" when it
    attends there: W_fit @ W_OV(2, 1) @ get_pre_final_ln_dir(model, data). (d_model,)."""
    W_fit, _, _ = get_ln_fit(model, data, model.blocks[2].ln1, seq_pos=None)
    return W_fit @ get_WOV(model, 2, 1) @ get_pre_final_ln_dir(model, data)
