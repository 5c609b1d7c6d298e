from jaxtyping import Float
from torch import Tensor

import brackets


def get_post_final_ln_dir(model: brackets.HookedTransformer) -> Float[Tensor, "d_model"]:
    """The direction in the final LayerNorm's output (at position 0) that raises the
    "unbalanced" logit (class 0) relative to the "balanced" one (class 1), per unit moved.

    model.W_U: (d_model, 2); logits = ln_final_output @ W_U + b_U. Returns (d_model,).
    """
    return model.W_U[:, 0] - model.W_U[:, 1]
