"""Boss: a whole PPO trainer that passes the probes and balances the pole.

dqn_parts.py (2.2) gives make_envs; dqn_agent.py (2.2) episode_returns(infos); importing
dqn_probes registers Probe1-v0 ... Probe5-v0; ppo_parts.py gives get_actor_and_critic,
ReplayMemory, the three terms and make_optimizer; ppo_agent.py gives PPOArgs and PPOAgent.
"""

import torch as t
from torch import nn
from torch.distributions import Categorical

import dqn_probes  # noqa: F401
from dqn_agent import episode_returns
from dqn_parts import make_envs
from ppo_agent import PPOAgent, PPOArgs
from ppo_parts import (ReplayMemory, ReplayMinibatch, calc_clipped_surrogate_objective, calc_entropy_bonus,
                       calc_value_function_loss, get_actor_and_critic, make_optimizer)


class PPOTrainer:
    def __init__(self, args: PPOArgs):
        """t.manual_seed(args.seed); self.envs (make_envs); self.actor, self.critic; self.memory;
        self.agent; self.optimizer, self.scheduler (make_optimizer); self.episode_returns = []."""
        raise NotImplementedError

    def rollout_phase(self) -> list[float]:
        """num_steps_per_rollout agent steps; return (and keep) the returns of the episodes that end."""
        raise NotImplementedError

    def learning_phase(self) -> None:
        """For each minibatch: the objective, backward, clip the gradient norm, step, zero the
        gradients. Then one scheduler step."""
        raise NotImplementedError

    def compute_ppo_objective(self, minibatch: ReplayMinibatch) -> t.Tensor:
        """Room 10's: clipped surrogate - value loss + entropy bonus."""
        raise NotImplementedError

    def train(self) -> list[float]:
        """total_phases times: a rollout phase, then a learning phase. Returns self.episode_returns."""
        raise NotImplementedError
