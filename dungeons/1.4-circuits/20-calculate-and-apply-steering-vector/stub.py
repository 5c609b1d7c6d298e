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
    position of each prompt, for each run.

    Example: prompts of "prev", additions [(2, 2.0, next_prompts), (2, -2.0, prev_prompts)]
    -> (["j", "b", ...], ["l", "d", ...]): some answers steered from predecessor to successor.
    """
    raise NotImplementedError
