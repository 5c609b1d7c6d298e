import torch
from jaxtyping import Float
from torch import Tensor

from icl_tasks import ICLDataset, decode
from tiny_lens import HookedTransformer, get_act_name


def calculate_h(
    model: HookedTransformer, dataset: ICLDataset, layer: int = -1
) -> tuple[list[str], Float[Tensor, "d_model"]]:
    """Run the dataset's prompts once. Return the model's top word at the last position of
    each prompt, and h: the residual stream after block `layer` (hook_resid_post) at the
    last position, averaged over the prompts. layer=-1 is the last block.

    Example: 3 prompts ending "... q ->" on the trained model, layer 1 ->
    (["r", "d", "k"], a (64,) tensor).
    """
    raise NotImplementedError
