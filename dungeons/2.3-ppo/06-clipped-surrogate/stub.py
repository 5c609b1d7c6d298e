"""PPO's clipped surrogate objective (to be maximised)."""

import torch as t
from jaxtyping import Float, Int
from torch import Tensor
from torch.distributions import Categorical


def calc_clipped_surrogate_objective(probs: Categorical, mb_action: Int[Tensor, "minibatch"],
                                     mb_advantages: Float[Tensor, "minibatch"], mb_logprobs: Float[Tensor, "minibatch"],
                                     clip_coef: float, eps: float = 1e-8) -> Float[Tensor, ""]:
    """mean(min(ratio * A, clip(ratio, 1 - clip_coef, 1 + clip_coef) * A)), with ratio =
    pi_new(a) / pi_old(a) and A the advantages normalised over the minibatch (mean 0, std 1)."""
    raise NotImplementedError
