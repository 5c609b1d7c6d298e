import einops
import torch
from jaxtyping import Float
from torch import Tensor


def residual_stack_to_logit_diff(
    residual_stack: Float[Tensor, "... batch d_model"],
    logit_diff_directions: Float[Tensor, "batch d_model"],
) -> Float[Tensor, "..."]:
    return (residual_stack * logit_diff_directions).sum(-1).mean(0)
