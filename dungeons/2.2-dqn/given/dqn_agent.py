"""dqn_agent: room 6's answer (the agent that plays and fills the buffer) and the run's
settings, for the rooms that train. Nothing in it is an exercise.

GIVEN code: read it and import from it, but don't edit it (grading always uses the shipped
copy, whatever this file says).

- `DQNArgs`: every setting of a run (environment, seed, timesteps, buffer, batch, learning
  rate, gamma, the epsilon schedule, how often to train and to sync the target network).
  `total_training_steps` = (total_timesteps - buffer_size) // steps_per_train: the buffer is
  filled first, then each training step follows `steps_per_train` agent steps.
- `DQNAgent(envs, buffer, q_network, start_e, end_e, exploration_fraction, total_timesteps,
  rng)`: `get_actions(obs)` updates `self.epsilon` from the schedule and picks epsilon-greedy
  actions; `play_step()` takes one step in every env, adds the transitions to the buffer
  (the real last observation when an episode ended, `terminated` not `truncated`), moves
  `self.obs` on and `self.step` by `num_envs`, and returns the step's `infos`.
- `episode_returns(infos)`: the returns of the episodes that ended in this step.
- `greedy_returns(q_network, env_id, episodes, seed)`: the returns of acting greedily (no
  exploration, no learning) for a few episodes from reset seeds `seed, seed + 1, ...`.
"""

from dataclasses import dataclass, field

import gymnasium as gym
import numpy as np
import torch as t

from dqn_parts import QNetwork, ReplayBuffer, epsilon_greedy_policy, linear_schedule


@dataclass
class DQNArgs:
    env_id: str = "CartPole-v1"
    seed: int = 1
    num_envs: int = 1
    max_episode_steps: int | None = None
    total_timesteps: int = 500_000
    buffer_size: int = 10_000
    batch_size: int = 128
    learning_rate: float = 2.5e-4
    gamma: float = 0.99
    exploration_fraction: float = 0.2
    start_e: float = 1.0
    end_e: float = 0.1
    steps_per_train: int = 10
    trains_per_target_update: int = 100
    hidden_sizes: list[int] = field(default_factory=lambda: [120, 84])

    @property
    def total_training_steps(self) -> int:
        return (self.total_timesteps - self.buffer_size) // self.steps_per_train


class DQNAgent:
    def __init__(self, envs: gym.vector.SyncVectorEnv, buffer: ReplayBuffer, q_network: QNetwork,
                 start_e: float, end_e: float, exploration_fraction: float, total_timesteps: int,
                 rng: np.random.Generator):
        self.envs = envs
        self.buffer = buffer
        self.q_network = q_network
        self.start_e = start_e
        self.end_e = end_e
        self.exploration_fraction = exploration_fraction
        self.total_timesteps = total_timesteps
        self.rng = rng
        self.step = 0
        self.epsilon = start_e
        self.obs, _ = envs.reset()

    def get_actions(self, obs: np.ndarray) -> np.ndarray:
        self.epsilon = linear_schedule(self.step, self.start_e, self.end_e, self.exploration_fraction,
                                       self.total_timesteps)
        return epsilon_greedy_policy(self.envs, self.q_network, self.rng, obs, self.epsilon)

    def play_step(self) -> dict:
        obs = self.obs
        actions = self.get_actions(obs)
        next_obs, rewards, terminated, truncated, infos = self.envs.step(actions)
        real_next_obs = next_obs.copy()
        for i in np.flatnonzero(infos.get("_final_obs", [])):
            real_next_obs[i] = infos["final_obs"][i]
        self.buffer.add(obs, actions, rewards, terminated, real_next_obs)
        self.obs = next_obs
        self.step += self.envs.num_envs
        return infos


def episode_returns(infos: dict) -> list[float]:
    """The returns of the episodes that ended in the step that produced `infos`."""
    final = infos.get("final_info", {})
    if "episode" not in final:
        return []
    ep = final["episode"]
    return [float(r) for r in ep["r"][ep["_r"]]]


def greedy_returns(q_network, env_id: str = "CartPole-v1", episodes: int = 3, seed: int = 100) -> list[float]:
    """Play `episodes` episodes taking argmax Q at every step; return each one's return."""
    env = gym.make(env_id)
    out = []
    for k in range(episodes):
        obs, _ = env.reset(seed=seed + k)
        total, done = 0.0, False
        while not done:
            with t.inference_mode():
                action = int(q_network(t.as_tensor(obs, dtype=t.float32)[None]).argmax())
            obs, reward, terminated, truncated, _ = env.step(action)
            total, done = total + float(reward), terminated or truncated
        out.append(total)
    return out
