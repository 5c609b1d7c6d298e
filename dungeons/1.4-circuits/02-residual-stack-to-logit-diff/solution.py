import einops
from jaxtyping import Float
from torch import Tensor


def residual_stack_to_logit_diff(
    residual_stack: Float[Tensor, "... batch d_model"],
    logit_diff_directions: Float[Tensor, "batch d_model"],
) -> Float[Tensor, "..."]:
    """Each component's average contribution to the logit difference: dot every
    component's (batch, d_model) slice with that prompt's direction
    W_U[:, correct] - W_U[:, wrong], then average over the batch. Any leading dims."""
    batch = residual_stack.shape[-2]
    return einops.einsum(residual_stack, logit_diff_directions,
                         "... batch d_model, batch d_model -> ...") / batch
