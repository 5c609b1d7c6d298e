import torch
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
    at the last position of each prompt, for each run.

    Example: 26 prompts "x ->" on the trained model, h of the task "cipher" from layer 1 ->
    (["b", "z", ...] (a guess among the four tasks), ["q", "w", ...] (half by the cipher)).
    """
    raise NotImplementedError
