"""Boss: a whole DQN trainer that passes the five probes and balances the pole.

dqn_parts.py gives make_envs, QNetwork, ReplayBuffer (rooms 1-4); dqn_agent.py gives DQNArgs,
DQNAgent (room 6) and episode_returns(infos); importing dqn_probes registers Probe1-v0 ... Probe5-v0.
"""

import numpy as np
import torch as t

import dqn_probes  # noqa: F401
from dqn_agent import DQNAgent, DQNArgs, episode_returns
from dqn_parts import QNetwork, ReplayBuffer, make_envs


class DQNTrainer:
    def __init__(self, args: DQNArgs):
        """t.manual_seed(args.seed); self.rng; self.envs (make_envs); self.buffer; self.q_network and
        self.target_network (a copy of its weights); self.optimizer (Adam on the online network,
        lr args.learning_rate); self.agent (DQNAgent); self.episode_returns = []."""
        raise NotImplementedError

    def add_to_replay_buffer(self, n: int) -> None:
        """n agent steps; append the returns of the episodes that end to self.episode_returns."""
        raise NotImplementedError

    def prepopulate_replay_buffer(self) -> None:
        """Fill the buffer before training: buffer_size // num_envs agent steps."""
        raise NotImplementedError

    def training_step(self, step: int) -> float:
        """Room 7's step: the loss on one batch, an Adam step, the target synced every trains_per_target_update."""
        raise NotImplementedError

    def train(self) -> list[float]:
        """Prepopulate; then for step = 1 .. args.total_training_steps: steps_per_train agent steps
        and training_step(step). Returns self.episode_returns."""
        raise NotImplementedError