"""rl_td: the scaffolding of the TD-learning rooms (10 on). Nothing in it is an exercise.

GIVEN code: read it and import from it, but don't edit it (grading always uses the shipped
copy, whatever this file says). What is in it:

- `Experience(obs, act, reward, new_obs, new_act, terminated)`: one step of experience.
  `new_act` is the action the agent will take next in `new_obs` (SARSA needs it);
  `terminated` is True when `new_obs` ends the episode (it has no future).
- `AgentConfig(epsilon, lr, optimism)`: exploration rate, step size, initial Q value.
- `EpsilonGreedy(env, config, gamma, seed)`: a tabular agent for a gymnasium environment
  with discrete observations and actions. `self.Q`: (num_states, num_actions), all
  `optimism` at the start. `get_action(obs)`: a random action (from `self.rng`) with
  probability epsilon, else the argmax of `Q[obs]`. `observe(exp)`: the learning rule,
  written by subclasses (QLearning, SARSA). `run_episode(seed)` plays one episode (at most
  `max_steps` steps), calling `observe` after every step, and returns the rewards;
  `train(n_runs)` plays n_runs episodes and returns each one's return.
- `greedy_return(env, Q, max_steps)`: the return of acting greedily on Q from the start,
  without exploring or learning (for a deterministic environment such as CliffWalking).
"""

from dataclasses import dataclass

import gymnasium as gym
import numpy as np

ObsType = int
ActType = int


@dataclass
class Experience:
    obs: ObsType
    act: ActType
    reward: float
    new_obs: ObsType
    new_act: ActType
    terminated: bool = False


@dataclass
class AgentConfig:
    epsilon: float = 0.1
    lr: float = 0.5
    optimism: float = 0.0


class EpsilonGreedy:
    """Base class of the tabular TD agents; subclasses write observe(exp)."""

    def __init__(self, env: gym.Env, config: AgentConfig = AgentConfig(), gamma: float = 0.99,
                 seed: int = 0, max_steps: int = 200):
        self.env = env
        self.config = config
        self.gamma = gamma
        self.max_steps = max_steps
        self.num_states = int(env.observation_space.n)
        self.num_actions = int(env.action_space.n)
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self.Q = np.full((self.num_states, self.num_actions), config.optimism, dtype=float)

    def get_action(self, obs: ObsType) -> ActType:
        if self.rng.random() < self.config.epsilon:
            return int(self.rng.integers(0, self.num_actions))
        return int(np.argmax(self.Q[obs]))

    def observe(self, exp: Experience) -> None:
        raise NotImplementedError

    def run_episode(self, seed: int | None = None) -> list[float]:
        rewards = []
        obs, _ = self.env.reset(seed=seed)
        act = self.get_action(obs)
        for _ in range(self.max_steps):
            new_obs, reward, terminated, truncated, _ = self.env.step(act)
            new_act = self.get_action(new_obs)
            self.observe(Experience(obs, act, float(reward), new_obs, new_act, bool(terminated)))
            rewards.append(float(reward))
            if terminated or truncated:
                break
            obs, act = new_obs, new_act
        return rewards

    def train(self, n_runs: int = 200) -> list[float]:
        returns = []
        for run in range(n_runs):
            rewards = self.run_episode(seed=self.seed + run)
            returns.append(float(sum(rewards)))
        return returns


def greedy_return(env: gym.Env, Q: np.ndarray, max_steps: int = 100) -> float:
    """The undiscounted return of always taking argmax Q[obs], from env.reset(seed=0)."""
    obs, _ = env.reset(seed=0)
    total = 0.0
    for _ in range(max_steps):
        obs, reward, terminated, truncated, _ = env.step(int(np.argmax(Q[obs])))
        total += float(reward)
        if terminated or truncated:
            break
    return total
