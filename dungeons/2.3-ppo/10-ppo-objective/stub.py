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
        raise NotImplementedError
