import torch
from jaxtyping import Float
from torch import Tensor

from icl_tasks import ICLDataset
from tiny_lens import HookedTransformer, get_act_name


def calculate_fn_vectors_and_intervene(
    model: HookedTransformer, dataset: ICLDataset, layers: list[int] | None = None
) -> Float[Tensor, "layers heads"]:
    """For every layer in `layers` (all if None) and every head: run the corrupted prompts
    (dataset.create_corrupted_dataset()) with that head's z at the last position set to
    its mean over the clean prompts; record the mean log-probability of the right answer
    minus its value on the corrupted run without any patch.

    Example: the trained model (3 layers of 4 heads), layers=None -> a (3, 4) map;
    layers=[2] -> (1, 4).
    """
    raise NotImplementedError
