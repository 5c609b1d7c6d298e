"""The entropy bonus: reward the policy for staying uncertain."""

from jaxtyping import Float
from torch import Tensor
from torch.distributions import Categorical


def calc_entropy_bonus(dist: Categorical, ent_coef: float) -> Float[Tensor, ""]:
    """ent_coef * the mean over the minibatch of each distribution's entropy."""
    raise NotImplementedError
