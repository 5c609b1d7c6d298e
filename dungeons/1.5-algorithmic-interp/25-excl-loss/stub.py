import torch
from jaxtyping import Bool
from torch import Tensor

from fourier import get_trig_sum_directions, project_onto_direction
from grokking import GrokkingTransformer, all_inputs, cross_entropy_high_precision


def excl_loss(model: GrokkingTransformer, key_freqs: list[int],
              is_train: Bool[Tensor, "p_squared"]) -> list[float]:
    """The excluded loss for each frequency k in key_freqs: the model's loss on the
    training pairs after removing, from the final-position logits over all p*p pairs,
    their components along cos(w_k (x + y)) and sin(w_k (x + y)).

    is_train: (p*p,) bool over the rows of all_inputs(p). Returns one float per k, in order.
    """
    raise NotImplementedError
