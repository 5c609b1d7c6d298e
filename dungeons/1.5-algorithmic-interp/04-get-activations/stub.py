import torch
from jaxtyping import Int
from torch import Tensor

import brackets
from brackets import ActivationCache, LayerNorm, get_act_name


def get_activations(
    model: brackets.HookedTransformer,
    toks: Int[Tensor, "batch seq"],
    names: str | list[str],
) -> Tensor | ActivationCache:
    """Run the model once, keeping only the activations named in `names`.

    names a str -> that activation's tensor; a list -> an ActivationCache holding exactly
    those names. Example: get_activations(model, toks, "blocks.0.hook_resid_pre") is
    (batch, seq, d_model).
    """
    raise NotImplementedError


def LN_hook_names(layernorm: LayerNorm) -> tuple[str, str]:
    """The hook names just before and just after `layernorm` (its input, its output).

    layernorm.name is its place in the model: "ln_final", "blocks.1.ln1", "blocks.0.ln2";
    layernorm.cfg is the model's Config.
    Example (3 layers): LN_hook_names(model.ln_final) ==
    ("blocks.2.hook_resid_post", "ln_final.hook_normalized").
    """
    raise NotImplementedError
