"""dqn_parts: rooms 1-4's answers and the environment maker, for the rooms that build on
them. Nothing in it is an exercise.

GIVEN code: read it and import from it, but don't edit it (grading always uses the shipped
copy, whatever this file says). What is in it:

- `make_envs(env_id, num_envs, seed, max_episode_steps)`: a gymnasium `SyncVectorEnv` of
  `num_envs` copies, reset in the same step they end (`infos["final_obs"][i]` holds the real
  last observation of env i when `infos["_final_obs"][i]` is True), each recording its
  episode's return in `infos["final_info"]["episode"]["r"]`. Reset with `envs.reset(seed=seed)`.
- `QNetwork(obs_shape, num_actions, hidden_sizes=[120, 84])`: the MLP of room 1.
- `ReplayBufferSamples` and `ReplayBuffer(num_envs, obs_shape, action_shape, buffer_size,
  seed)`: room 2's buffer (`add`, `sample(sample_size, device)`).
- `linear_schedule(current_step, start_e, end_e, exploration_fraction, total_timesteps)`.
- `epsilon_greedy_policy(envs, q_network, rng, obs, epsilon)`: room 4.
"""

from dataclasses import dataclass

import gymnasium as gym
import numpy as np
import torch as t
from jaxtyping import Bool, Float, Int
from torch import Tensor, nn


def make_envs(env_id: str, num_envs: int = 1, seed: int = 0,
              max_episode_steps: int | None = None) -> gym.vector.SyncVectorEnv:
    def one(i: int):
        def thunk():
            env = gym.make(env_id, max_episode_steps=max_episode_steps)
            env = gym.wrappers.RecordEpisodeStatistics(env)
            env.action_space.seed(seed + i)
            return env
        return thunk
    envs = gym.vector.SyncVectorEnv([one(i) for i in range(num_envs)],
                                    autoreset_mode=gym.vector.AutoresetMode.SAME_STEP)
    envs.reset(seed=seed)
    return envs


class QNetwork(nn.Module):
    def __init__(self, obs_shape: tuple[int], num_actions: int, hidden_sizes: list[int] = [120, 84]):
        super().__init__()
        sizes = [obs_shape[0], *hidden_sizes]
        layers: list[nn.Module] = []
        for d_in, d_out in zip(sizes[:-1], sizes[1:]):
            layers += [nn.Linear(d_in, d_out), nn.ReLU()]
        layers.append(nn.Linear(sizes[-1], num_actions))
        self.layers = nn.Sequential(*layers)

    def forward(self, x: Float[Tensor, "batch obs"]) -> Float[Tensor, "batch actions"]:
        return self.layers(x)


@dataclass
class ReplayBufferSamples:
    obs: Float[Tensor, "sample_size *obs_shape"]
    actions: Int[Tensor, "sample_size *action_shape"]
    rewards: Float[Tensor, "sample_size"]
    terminated: Bool[Tensor, "sample_size"]
    next_obs: Float[Tensor, "sample_size *obs_shape"]


class ReplayBuffer:
    def __init__(self, num_envs: int, obs_shape: tuple[int], action_shape: tuple[int],
                 buffer_size: int, seed: int):
        self.num_envs = num_envs
        self.obs_shape = tuple(obs_shape)
        self.action_shape = tuple(action_shape)
        self.buffer_size = buffer_size
        self.rng = np.random.default_rng(seed)
        self.obs = np.empty((0, *self.obs_shape), dtype=np.float32)
        self.actions = np.empty((0, *self.action_shape), dtype=np.int64)
        self.rewards = np.empty(0, dtype=np.float32)
        self.terminated = np.empty(0, dtype=bool)
        self.next_obs = np.empty((0, *self.obs_shape), dtype=np.float32)

    def add(self, obs, actions, rewards, terminated, next_obs) -> None:
        for name, new in (("obs", obs), ("actions", actions), ("rewards", rewards),
                          ("terminated", terminated), ("next_obs", next_obs)):
            old = getattr(self, name)
            setattr(self, name, np.concatenate([old, np.asarray(new, dtype=old.dtype)])[-self.buffer_size:])

    def sample(self, sample_size: int, device: t.device | str = "cpu") -> ReplayBufferSamples:
        idx = self.rng.integers(0, len(self.rewards), sample_size)
        return ReplayBufferSamples(*(t.from_numpy(getattr(self, name)[idx]).to(device) for name in
                                     ("obs", "actions", "rewards", "terminated", "next_obs")))


def linear_schedule(current_step: int, start_e: float, end_e: float, exploration_fraction: float,
                    total_timesteps: int) -> float:
    return start_e + (end_e - start_e) * min(current_step / (exploration_fraction * total_timesteps), 1.0)


def epsilon_greedy_policy(envs: gym.vector.SyncVectorEnv, q_network: QNetwork, rng: np.random.Generator,
                          obs: np.ndarray, epsilon: float) -> np.ndarray:
    num_actions = envs.single_action_space.n
    if rng.random() < epsilon:
        return rng.integers(0, num_actions, size=envs.num_envs)
    with t.inference_mode():
        return q_network(t.as_tensor(obs, dtype=t.float32)).argmax(-1).numpy()
