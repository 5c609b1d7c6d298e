import torch
from jaxtyping import Float
from torch import Tensor

from icl_tasks import ICLDataset
from tiny_lens import HookedTransformer


def calculate_fn_vector(
    model: HookedTransformer, dataset: ICLDataset, head_list: list[tuple[int, int]]
) -> Float[Tensor, "d_model"]:
    """The function vector of the heads in head_list, each given as (layer, head): for
    each, its z at the last position averaged over the dataset's prompts, mapped into the
    residual stream by that head's W_O; summed over the heads. No bias (b_O)."""
    _, cache = model.run_with_cache(dataset.toks, names_filter=lambda n: n.endswith("hook_z"))
    fn_vector = torch.zeros(model.cfg.d_model)
    for layer, head in head_list:
        mean_z = cache["z", layer][:, -1, head].mean(dim=0)  # (d_head,)
        fn_vector += mean_z @ model.W_O[layer, head]
    return fn_vector
