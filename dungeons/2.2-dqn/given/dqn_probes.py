"""dqn_probes: room 5's answer, the five probe environments. Nothing in it is an exercise.

GIVEN code: read it and import from it, but don't edit it (grading always uses the shipped
copy, whatever this file says).

Each probe is a tiny gymnasium environment whose true Q-values are known, so a DQN that
cannot learn them has a bug, and which probe fails says where:

| probe | observation | actions | reward | true Q | isolates |
|---|---|---|---|---|---|
| Probe1 | [0.] | 1 | +1, episode ends | Q([0]) = 1 | the value loss itself |
| Probe2 | [-1.] or [+1.] at random | 1 | equal to the observation | Q([x]) = x | the network reading its input |
| Probe3 | [0.], then [1.] | 1 | 0, then +1 at the end | Q([0]) = gamma, Q([1]) = 1 | discounting, bootstrapping, terminated |
| Probe4 | [0.] | 2 | -1 for action 0, +1 for action 1 | Q([0]) = [-1, 1] | the action picked out of Q |
| Probe5 | [0.] or [1.] at random | 2 | +1 if the action equals the observation, else -1 | Q([0]) = [1, -1], Q([1]) = [-1, 1] | actions and observations together |

`register_probes()` registers them as "Probe1-v0" ... "Probe5-v0" (gymnasium.make works then);
importing this module calls it.
"""

import gymnasium as gym
import numpy as np
from gymnasium.spaces import Box, Discrete

OBS_SPACE = Box(low=-1.0, high=1.0, shape=(1,), dtype=np.float32)


def _obs(x: float) -> np.ndarray:
    return np.array([x], dtype=np.float32)


class Probe1(gym.Env):
    """One action, observation [0.], reward +1, then the episode ends. Q([0]) = 1."""

    observation_space = OBS_SPACE
    action_space = Discrete(1)

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        return _obs(0.0), {}

    def step(self, action):
        return _obs(0.0), 1.0, True, False, {}


class Probe2(gym.Env):
    """One action, observation [-1.] or [+1.] at random, reward equal to it, then the end. Q([x]) = x."""

    observation_space = OBS_SPACE
    action_space = Discrete(1)

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        self.reward = float(self.np_random.choice([-1.0, 1.0]))
        return _obs(self.reward), {}

    def step(self, action):
        return _obs(0.0), self.reward, True, False, {}


class Probe3(gym.Env):
    """One action, two steps: observation [0.] (reward 0), then [1.] (reward +1, the end). Q([0]) = gamma, Q([1]) = 1."""

    observation_space = OBS_SPACE
    action_space = Discrete(1)

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        self.n = 0
        return _obs(0.0), {}

    def step(self, action):
        self.n += 1
        if self.n == 1:
            return _obs(1.0), 0.0, False, False, {}
        return _obs(0.0), 1.0, True, False, {}


class Probe4(gym.Env):
    """Two actions, observation [0.]: action 0 pays -1, action 1 pays +1, then the end. Q([0]) = [-1, 1]."""

    observation_space = OBS_SPACE
    action_space = Discrete(2)

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        return _obs(0.0), {}

    def step(self, action):
        return _obs(0.0), (1.0 if int(action) == 1 else -1.0), True, False, {}


class Probe5(gym.Env):
    """Two actions, observation [0.] or [1.] at random: +1 if the action equals it, else -1. Q([0]) = [1, -1], Q([1]) = [-1, 1]."""

    observation_space = OBS_SPACE
    action_space = Discrete(2)

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        self.obs = int(self.np_random.integers(0, 2))
        return _obs(float(self.obs)), {}

    def step(self, action):
        return _obs(0.0), (1.0 if int(action) == self.obs else -1.0), True, False, {}


PROBES = [Probe1, Probe2, Probe3, Probe4, Probe5]


def register_probes() -> None:
    for i, cls in enumerate(PROBES, start=1):
        if f"Probe{i}-v0" not in gym.registry:
            gym.register(id=f"Probe{i}-v0", entry_point=cls)


register_probes()
