from jaxtyping import Float
from torch import Tensor

import brackets
from bracket_tools import get_ln_fit, get_post_final_ln_dir
from brackets import BracketsDataset


def get_pre_final_ln_dir(
    model: brackets.HookedTransformer, data: BracketsDataset
) -> Float[Tensor, "d_model"]:
    """The residual-stream direction (the final LayerNorm's input, at position 0) that most
    raises the unbalanced-minus-balanced logit, through the affine fit of ln_final at
    position 0 on `data`: a (d_model,) vector v with input . v ~ logit difference + const.
    """
    W, _, _ = get_ln_fit(model, data, model.ln_final, seq_pos=0)  # output ~ input @ W + b
    return W @ get_post_final_ln_dir(model)
