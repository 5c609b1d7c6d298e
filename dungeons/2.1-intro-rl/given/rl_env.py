"""rl_env: the environments and helpers every 2.1 room builds on. Nothing in it is an exercise.

GIVEN code: read it and import from it, but don't edit it (grading always uses the shipped
copy, whatever this file says). What is in it:

Bandits (rooms 1-4)
- `MultiArmedBandit`: a gymnasium environment with `num_arms` arms. `reset(seed=...)` draws
  each arm's mean reward from N(0, 1) (seeded); `step(arm)` returns a reward drawn from
  N(mean[arm], 1) and `info = {"best_arm": ...}`. An episode is `episode_length` pulls
  (then `truncated` is True).
- `Agent`: the base class of bandit agents: `get_action() -> int`, `observe(action, reward,
  info)`, `reset(seed)` (which makes `self.rng`, a seeded `np.random.Generator`).
- `run_episode(env, agent, seed)` and `run_agent(env, agent, n_runs, base_seed)`: play
  episodes, returning the rewards and whether each pull was the best arm.

Tabular MDPs (rooms 5 on)
- `Environment`: a finite MDP. Subclasses write `dynamics(state, action)`; `build()` turns
  it into two arrays, `T[s, a, s']` (the probability of landing in s') and `R[s, a, s']`
  (the reward for that transition), both `(num_states, num_actions, num_states)`.
- `Toy`: three states, two actions (drawn in its docstring).
- `Norvig`: Norvig's 3x4 grid world, with a wall, a +1 exit and a -1 exit.
- `render_policy(env, pi)`: a grid world's policy as text arrows.
"""

import gymnasium as gym
import numpy as np

Arr = np.ndarray
ObsType = int
ActType = int


class MultiArmedBandit(gym.Env):
    """A stationary k-armed bandit: one state, `num_arms` actions, Gaussian rewards."""

    def __init__(self, num_arms: int = 10, episode_length: int = 500):
        super().__init__()
        self.num_arms = num_arms
        self.episode_length = episode_length
        self.observation_space = gym.spaces.Discrete(1)
        self.action_space = gym.spaces.Discrete(num_arms)
        self.reset(seed=0)

    def reset(self, *, seed: int | None = None, options: dict | None = None) -> tuple[ObsType, dict]:
        super().reset(seed=seed)
        self.arm_reward_means = self.np_random.normal(0.0, 1.0, size=self.num_arms)
        self.best_arm = int(np.argmax(self.arm_reward_means))
        self.steps = 0
        return 0, {}

    def step(self, arm: ActType) -> tuple[ObsType, float, bool, bool, dict]:
        assert self.action_space.contains(arm), f"arm {arm!r} is not in 0..{self.num_arms - 1}"
        reward = float(self.np_random.normal(self.arm_reward_means[arm], 1.0))
        self.steps += 1
        return 0, reward, False, self.steps >= self.episode_length, {"best_arm": self.best_arm}


class Agent:
    """Base class of bandit agents. Subclasses override get_action (and observe, reset)."""

    rng: np.random.Generator

    def __init__(self, num_arms: int, seed: int):
        self.num_arms = num_arms
        self.reset(seed)

    def get_action(self) -> ActType:
        raise NotImplementedError

    def observe(self, action: ActType, reward: float, info: dict) -> None:
        pass

    def reset(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)


def run_episode(env: MultiArmedBandit, agent: Agent, seed: int) -> tuple[Arr, Arr]:
    """One episode: returns rewards (episode_length,) float and was_best (episode_length,) int."""
    rewards, was_best = [], []
    env.reset(seed=seed)
    agent.reset(seed=seed)
    done = False
    while not done:
        arm = agent.get_action()
        _, reward, terminated, truncated, info = env.step(arm)
        done = terminated or truncated
        agent.observe(arm, reward, info)
        rewards.append(reward)
        was_best.append(int(arm == info["best_arm"]))
    return np.array(rewards, dtype=float), np.array(was_best, dtype=int)


def run_agent(env: MultiArmedBandit, agent: Agent, n_runs: int = 20,
              base_seed: int = 1) -> tuple[Arr, Arr]:
    """n_runs episodes with seeds drawn from base_seed: rewards and was_best, (n_runs, episode_length)."""
    base_rng = np.random.default_rng(base_seed)
    all_rewards, all_best = [], []
    for _ in range(n_runs):
        seed = int(base_rng.integers(0, 10_000))
        rewards, was_best = run_episode(env, agent, seed)
        all_rewards.append(rewards)
        all_best.append(was_best)
    return np.array(all_rewards), np.array(all_best)


class Environment:
    """A finite MDP. T, R: (num_states, num_actions, num_states), built from `dynamics`."""

    def __init__(self, num_states: int, num_actions: int, start: int = 0,
                 terminal: Arr | None = None):
        self.num_states = num_states
        self.num_actions = num_actions
        self.start = start
        self.terminal = np.array([], dtype=int) if terminal is None else np.asarray(terminal)
        self.T, self.R = self.build()

    def dynamics(self, state: int, action: int) -> tuple[Arr, Arr, Arr]:
        """The outcomes of `action` in `state`: next states (m,), rewards (m,), probabilities (m,)."""
        raise NotImplementedError

    def build(self) -> tuple[Arr, Arr]:
        T = np.zeros((self.num_states, self.num_actions, self.num_states))
        R = np.zeros((self.num_states, self.num_actions, self.num_states))
        for s in range(self.num_states):
            for a in range(self.num_actions):
                states, rewards, probs = self.dynamics(s, a)
                for s_next, r, p in zip(states, rewards, probs):
                    T[s, a, s_next] += p
                    R[s, a, s_next] = r
        return T, R


class Toy(Environment):
    """Three states, two actions (0 = left, 1 = right); every move is certain.

        state 1  <--(left, +1)--  state 0  --(right, 0)-->  state 2
        state 1  --(any, 0)--> state 0      state 2  --(any, +2)--> state 0

    Left pays now (+1 then 0), right pays later (0 then +2): which is better depends on gamma.
    """

    def __init__(self):
        super().__init__(num_states=3, num_actions=2)

    def dynamics(self, state: int, action: int) -> tuple[Arr, Arr, Arr]:
        if state == 0:
            nxt, reward = (1, 1.0) if action == 0 else (2, 0.0)
        elif state == 1:
            nxt, reward = 0, 0.0
        else:
            nxt, reward = 0, 2.0
        return np.array([nxt]), np.array([reward]), np.array([1.0])


class Norvig(Environment):
    """Norvig's grid world: 3 rows of 4 cells, states numbered row by row from the top left.

         0   1   2  [3: +1]
         4 [5:##]  6  [7: -1]
         8   9  10  11          start: 8

    Actions 0 up, 1 right, 2 down, 3 left. A move goes where it is aimed with probability
    0.7 and in each of the other three directions with 0.1; bumping into the wall (5) or
    the edge means staying put. Every move costs `penalty`, except a move into an exit,
    which pays the exit's reward (+1 into 3, -1 into 7). Exits and the wall are terminal:
    every action there stays there, with reward 0.
    """

    MOVES = np.array([[-1, 0], [0, 1], [1, 0], [0, -1]])   # (row, col) steps: up right down left

    def __init__(self, penalty: float = -0.04):
        self.height, self.width = 3, 4
        self.penalty = penalty
        self.walls = np.array([5])
        self.exit_rewards = {3: 1.0, 7: -1.0}
        super().__init__(num_states=12, num_actions=4, start=8, terminal=np.array([3, 7]))

    def dynamics(self, state: int, action: int) -> tuple[Arr, Arr, Arr]:
        if state in self.terminal or state in self.walls:
            return np.array([state]), np.array([0.0]), np.array([1.0])
        row, col = divmod(state, self.width)
        states, rewards = [], []
        for dr, dc in self.MOVES:
            r, c = row + dr, col + dc
            nxt = r * self.width + c
            if not (0 <= r < self.height and 0 <= c < self.width) or nxt in self.walls:
                nxt = state
            states.append(nxt)
            rewards.append(self.exit_rewards.get(nxt, self.penalty))
        probs = np.full(4, 0.1)
        probs[action] = 0.7
        return np.array(states), np.array(rewards), probs


def render_policy(env: Norvig, pi: Arr) -> str:
    """A Norvig policy as rows of arrows; exits shown as +1 / -1, the wall as ##."""
    arrows = ["↑", "→", "↓", "←"]
    cells = []
    for s in range(env.num_states):
        if s in env.walls:
            cells.append("##")
        elif s in env.exit_rewards:
            cells.append(f"{env.exit_rewards[s]:+.0f}")
        else:
            cells.append(" " + arrows[int(pi[s])])
    return "\n".join(" ".join(cells[r * env.width:(r + 1) * env.width]) for r in range(env.height))
