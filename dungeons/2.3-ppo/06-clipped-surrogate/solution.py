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
    ratio = (probs.log_prob(mb_action) - mb_logprobs).exp()
    adv = (mb_advantages - mb_advantages.mean()) / (mb_advantages.std() + eps)
    unclipped = ratio * adv
    clipped = ratio.clamp(1 - clip_coef, 1 + clip_coef) * adv
    return t.minimum(unclipped, clipped).mean()
