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

    def add_to_replay_buffer(self, n: int) -> None:
        """n agent steps; append the returns of the episodes that end to self.episode_returns."""
        for _ in range(n):
            self.episode_returns += episode_returns(self.agent.play_step())

    def prepopulate_replay_buffer(self) -> None:
        """Fill the buffer before training: buffer_size // num_envs agent steps."""
        self.add_to_replay_buffer(self.args.buffer_size // self.args.num_envs)

    def training_step(self, step: int) -> float:
        """Room 7's step: the loss on one batch, an Adam step, the target synced every trains_per_target_update."""
        data = self.buffer.sample(self.args.batch_size)
        with t.inference_mode():
            next_value = self.target_network(data.next_obs).max(-1).values
        target = data.rewards + self.args.gamma * next_value * (1 - data.terminated.float())
        predicted = self.q_network(data.obs).gather(-1, data.actions[:, None]).squeeze(-1)
        loss = (target - predicted).pow(2).mean()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        if step % self.args.trains_per_target_update == 0:
            self.target_network.load_state_dict(self.q_network.state_dict())
        return loss.item()

    def train(self) -> list[float]:
        """Prepopulate; then for step = 1 .. args.total_training_steps: steps_per_train agent steps
        and training_step(step). Returns self.episode_returns."""
        self.prepopulate_replay_buffer()
        for step in range(1, self.args.total_training_steps + 1):
            self.add_to_replay_buffer(self.args.steps_per_train)
            self.training_step(step)
        return self.episode_returns
