from jaxtyping import Int
from torch import Tensor

from icl_tasks import decode
from tiny_lens import HookedTransformer, HookPoint, get_act_name


def calculate_and_apply_steering_vector(
    model: HookedTransformer,
    prompt_tokens: Int[Tensor, "batch seq"],
    activation_additions: list[tuple[int, float, Int[Tensor, "n seq_add"]]],
) -> tuple[list[str], list[str]]:
    """Each addition (layer, coeff, tokens) is coeff times the mean, over its prompts, of
    the residual stream entering block `layer` (hook_resid_pre) at their last position,
    measured on the plain model. Run prompt_tokens plain, then with every addition added
    at its layer's hook_resid_pre, at the last position. Returns the top word at the last
    position of each prompt, for each run."""
    vectors = {}
    for layer, coeff, tokens in activation_additions:
        name = get_act_name("resid_pre", layer)
        _, cache = model.run_with_cache(tokens, names_filter=name)
        vectors[name] = vectors.get(name, 0) + coeff * cache[name][:, -1].mean(dim=0)

    def add(resid: Tensor, hook: HookPoint) -> Tensor:
        resid[:, -1] += vectors[hook.name]
        return resid

    plain = model(prompt_tokens)
    steered = model.run_with_hooks(prompt_tokens, fwd_hooks=[(name, add) for name in vectors])
    return decode(plain[:, -1].argmax(-1)), decode(steered[:, -1].argmax(-1))
