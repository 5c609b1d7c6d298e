from jaxtyping import Int
from torch import Tensor

from icl_tasks import decode
from tiny_lens import HookedTransformer, get_act_name


def calculate_and_apply_steering_vector(
    model: HookedTransformer,
    prompt_tokens: Int[Tensor, "batch seq"],
    activation_additions: list[tuple[int, float, Int[Tensor, "n seq_add"]]],
) -> tuple[list[str], list[str]]:
    plain = model(prompt_tokens)
    for layer, coeff, tokens in activation_additions:
        name = get_act_name("resid_pre", layer)
        # the cache is taken with the earlier additions' hooks still attached
        _, cache = model.run_with_cache(tokens, names_filter=name)
        vector = coeff * cache[name][:, -1].mean(dim=0)

        def add(resid, hook, vector=vector):
            resid[:, -1] += vector
            return resid
        model.add_hook(name, add)
    steered = model(prompt_tokens)
    model.reset_hooks()
    return decode(plain[:, -1].argmax(-1)), decode(steered[:, -1].argmax(-1))
