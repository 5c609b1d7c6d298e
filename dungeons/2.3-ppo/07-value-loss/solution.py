"""The critic's loss: half the mean squared error to the returns, weighted by vf_coef."""

from jaxtyping import Float
from torch import Tensor


def calc_value_function_loss(values: Float[Tensor, "minibatch"], mb_returns: Float[Tensor, "minibatch"],
                             vf_coef: float) -> Float[Tensor, ""]:
    """0.5 * vf_coef * mean((values - mb_returns) ** 2)."""
    return 0.5 * vf_coef * (values - mb_returns).pow(2).mean()
