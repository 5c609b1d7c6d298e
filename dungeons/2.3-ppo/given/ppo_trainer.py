"""ppo_trainer: everything of the PPO trainer except its objective (room 10 writes
`compute_ppo_objective`). Nothing in it is an exercise.

GIVEN code: read it and import from it, but don't edit it (grading always uses the shipped
copy, whatever this file says).

`PPOTrainerBase(args)` seeds torch, builds the envs (`make_envs` of dungeon 2.2), the actor
and critic, the memory, the agent, and Adam with its schedule (`make_optimizer`).
- `rollout_phase()`: `num_steps_per_rollout` agent steps; returns the returns of the
  episodes that ended, and keeps them in `self.episode_returns`.
- `learning_phase()`: for every minibatch, `compute_ppo_objective(minibatch)`, backward,
  the gradient norm clipped to `max_grad_norm`, an optimiser step (Adam maximises); then one
  scheduler step.
- `train(progress=None)`: `total_phases` times a rollout then a learning phase; returns
  `self.episode_returns`. A subclass writes `compute_ppo_objective`.
"""

import numpy as np
import torch as t
from torch import nn

import dqn_probes  # noqa: F401  (registers Probe1-v0 ... Probe5-v0)
from dqn_agent import episode_returns
from dqn_parts import make_envs
from ppo_agent import PPOAgent, PPOArgs
from ppo_parts import ReplayMemory, ReplayMinibatch, get_actor_and_critic, make_optimizer


class PPOTrainerBase:
    def __init__(self, args: PPOArgs):
        self.args = args
        t.manual_seed(args.seed)
        self.envs = make_envs(args.env_id, args.num_envs, args.seed, args.max_episode_steps)
        self.actor, self.critic = get_actor_and_critic(self.envs, args.hidden)
        self.memory = ReplayMemory(args.num_envs, self.envs.single_observation_space.shape,
                                   self.envs.single_action_space.shape, args.batch_size,
                                   args.minibatch_size, args.batches_per_learning_phase, args.seed)
        self.agent = PPOAgent(self.envs, self.actor, self.critic, self.memory, args.gamma)
        self.optimizer, self.scheduler = make_optimizer(self.actor, self.critic, args.total_phases,
                                                        args.learning_rate, args.end_lr)
        self.episode_returns: list[float] = []

    def rollout_phase(self) -> list[float]:
        ended: list[float] = []
        for _ in range(self.args.num_steps_per_rollout):
            ended += episode_returns(self.agent.play_step())
        self.episode_returns += ended
        return ended

    def learning_phase(self) -> None:
        params = [p for m in (self.actor, self.critic) for p in m.parameters()]
        for minibatch in self.agent.get_minibatches(self.args.gamma, self.args.gae_lambda):
            objective = self.compute_ppo_objective(minibatch)
            objective.backward()
            nn.utils.clip_grad_norm_(params, self.args.max_grad_norm)
            self.optimizer.step()
            self.optimizer.zero_grad()
        self.scheduler.step()

    def compute_ppo_objective(self, minibatch: ReplayMinibatch) -> t.Tensor:
        raise NotImplementedError

    def train(self, progress=None) -> list[float]:
        total = self.args.total_phases
        for phase in range(1, total + 1):
            self.rollout_phase()
            self.learning_phase()
            if progress is not None:
                progress(phase, total)
        return self.episode_returns


def recent_mean(returns: list[float], n: int = 10) -> float:
    """The mean of the last n episodes' returns (0 if none ended)."""
    return float(np.mean(returns[-n:])) if returns else 0.0
