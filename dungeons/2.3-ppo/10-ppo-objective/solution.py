"""PPO's objective on one minibatch: clipped surrogate - value loss + entropy bonus.

ppo_trainer.py gives PPOTrainerBase (the envs, networks, memory, agent, optimiser and the
rollout and learning phases); ppo_parts.py gives the three terms (rooms 6-8).
"""

import torch as t
from torch.distributions import Categorical

from ppo_parts import ReplayMinibatch, calc_clipped_surrogate_objective, calc_entropy_bonus, calc_value_function_loss
from ppo_trainer import PPOTrainerBase


class PPOTrainer(PPOTrainerBase):
    def compute_ppo_objective(self, minibatch: ReplayMinibatch) -> t.Tensor:
        """The objective to maximise on one minibatch, with gradients into both networks."""
        dist = Categorical(logits=self.actor(minibatch.obs))
        values = self.critic(minibatch.obs).squeeze(-1)
        args = self.args
        surrogate = calc_clipped_surrogate_objective(dist, minibatch.actions, minibatch.advantages,
                                                     minibatch.logprobs, args.clip_coef)
        value_loss = calc_value_function_loss(values, minibatch.returns, args.vf_coef)
        entropy_bonus = calc_entropy_bonus(dist, args.ent_coef)
        return surrogate - value_loss + entropy_bonus
