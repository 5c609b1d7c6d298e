from jaxtyping import Float
from torch import Tensor

from icl_tasks import ICLDataset, decode
from tiny_lens import HookedTransformer, HookPoint, get_act_name


def intervene_with_h(
    model: HookedTransformer,
    zero_shot_dataset: ICLDataset,
    h: Float[Tensor, "d_model"],
    layer: int,
) -> tuple[list[str], list[str]]:
    """Two runs of the zero-shot prompts: plain, then with h added to the residual stream
    after block `layer` (hook_resid_post) at the last position only. Returns the top word
    at the last position of each prompt, for each run."""

    def add_h(resid: Float[Tensor, "batch pos d_model"], hook: HookPoint) -> Tensor:
        resid[:, -1] += h
        return resid

    name = get_act_name("resid_post", layer)
    plain = model(zero_shot_dataset.toks)
    steered = model.run_with_hooks(zero_shot_dataset.toks, fwd_hooks=[(name, add_h)])
    return decode(plain[:, -1].argmax(-1)), decode(steered[:, -1].argmax(-1))
