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
    residual stream by that head's W_O; summed over the heads. No bias (b_O).

    Example: head_list=[(1, 2), (2, 0)] on the trained model -> a (64,) vector.
    """
    raise NotImplementedError
