from jaxtyping import Int
from torch import Tensor

import tiny_lens
from tiny_lens import HookPoint, get_act_name


def ablation_induction_score(
    model: tiny_lens.HookedTransformer,
    tokens: Int[Tensor, "batch seq"],
    prev_head_index: int | None,
    ind_head_index: int,
) -> float:
    """tokens = BOS + x + x (x of length seq_len). Run the model once with two hooks:
    - on blocks.0.attn.hook_v: zero layer-0 head `prev_head_index`'s v (no ablation if None);
    - on blocks.1.attn.hook_pattern: compute head 1.`ind_head_index`'s induction score (mean
      over batch and positions of the pattern's diagonal at offset 1 - seq_len) and keep it
      in hook.ctx.
    Return that score as a float, and leave no hook attached.
    """
    seq_len = (tokens.shape[1] - 1) // 2

    def ablate_v(v: Tensor, hook: HookPoint) -> None:
        if prev_head_index is not None:
            v[:, :, prev_head_index] = 0.0

    def score_pattern(pattern: Tensor, hook: HookPoint) -> None:
        stripe = pattern[:, ind_head_index].diagonal(offset=1 - seq_len, dim1=-2, dim2=-1)
        hook.ctx["score"] = stripe.mean().item()

    pattern_hook = model.hook_dict[get_act_name("pattern", 1)]
    with model.hooks([(get_act_name("v", 0), ablate_v), (get_act_name("pattern", 1), score_pattern)]):
        model(tokens, return_type=None)
        return pattern_hook.ctx["score"]  # read it before the context manager clears ctx
