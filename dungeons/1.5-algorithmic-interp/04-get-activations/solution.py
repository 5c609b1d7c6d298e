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
    wanted = [names] if isinstance(names, str) else list(names)
    _, cache = model.run_with_cache(toks, names_filter=lambda name: name in wanted,
                                    return_type=None)
    return cache[names] if isinstance(names, str) else cache


def LN_hook_names(layernorm: LayerNorm) -> tuple[str, str]:
    """The hook names just before and just after `layernorm` (its input, its output).

    layernorm.name is its place in the model: "ln_final", "blocks.1.ln1", "blocks.0.ln2";
    layernorm.cfg is the model's Config.
    Example (3 layers): LN_hook_names(model.ln_final) ==
    ("blocks.2.hook_resid_post", "ln_final.hook_normalized").
    """
    if layernorm.name == "ln_final":
        return get_act_name("resid_post", layernorm.cfg.n_layers - 1), "ln_final.hook_normalized"
    _, layer, ln = layernorm.name.split(".")
    before = "resid_pre" if ln == "ln1" else "resid_mid"
    return get_act_name(before, int(layer)), f"{layernorm.name}.hook_normalized"
