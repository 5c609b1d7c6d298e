"""dqn_trainer: everything of the DQN trainer except its training step (room 7 writes it).
Nothing in it is an exercise.

GIVEN code: read it and import from it, but don't edit it (grading always uses the shipped
copy, whatever this file says).

`DQNTrainerBase(args)` seeds torch, builds the envs (`make_envs`), the buffer, the Q-network
and a target network holding a copy of its weights, an Adam optimiser and the `DQNAgent`.
- `add_to_replay_buffer(n)`: n agent steps; keeps the finished episodes' returns in
  `self.episode_returns`.
- `prepopulate_replay_buffer()`: `buffer_size // num_envs` steps, before any training.
- `train()`: prepopulates, then `args.total_training_steps` times plays `steps_per_train`
  steps and calls `self.training_step(step)` (step = 1, 2, ...); returns
  `self.episode_returns` and keeps the losses in `self.losses`. A subclass writes
  `training_step`.
"""

import numpy as np
import torch as t

import dqn_probes  # noqa: F401  (registers Probe1-v0 ... Probe5-v0)
from dqn_agent import DQNAgent, DQNArgs, episode_returns
from dqn_parts import QNetwork, ReplayBuffer, make_envs


class DQNTrainerBase:
    def __init__(self, args: DQNArgs):
        self.args = args
        t.manual_seed(args.seed)
        self.rng = np.random.default_rng(args.seed)
        self.envs = make_envs(args.env_id, args.num_envs, args.seed, args.max_episode_steps)
        obs_shape = self.envs.single_observation_space.shape
        num_actions = int(self.envs.single_action_space.n)
        self.buffer = ReplayBuffer(args.num_envs, obs_shape, self.envs.single_action_space.shape,
                                   args.buffer_size, args.seed)
        self.q_network = QNetwork(obs_shape, num_actions, args.hidden_sizes)
        self.target_network = QNetwork(obs_shape, num_actions, args.hidden_sizes)
        self.target_network.load_state_dict(self.q_network.state_dict())
        self.optimizer = t.optim.Adam(self.q_network.parameters(), lr=args.learning_rate)
        self.agent = DQNAgent(self.envs, self.buffer, self.q_network, args.start_e, args.end_e,
                              args.exploration_fraction, args.total_timesteps, self.rng)
        self.episode_returns: list[float] = []
        self.losses: list[float] = []

    def add_to_replay_buffer(self, n: int) -> None:
        for _ in range(n):
            self.episode_returns += episode_returns(self.agent.play_step())

    def prepopulate_replay_buffer(self) -> None:
        self.add_to_replay_buffer(self.args.buffer_size // self.args.num_envs)

    def training_step(self, step: int) -> float:
        raise NotImplementedError

    def train(self, progress=None) -> list[float]:
        self.prepopulate_replay_buffer()
        total = self.args.total_training_steps
        for step in range(1, total + 1):
            self.add_to_replay_buffer(self.args.steps_per_train)
            self.losses.append(float(self.training_step(step)))
            if progress is not None and step % max(1, total // 20) == 0:
                progress(step, total)
        return self.episode_returns
