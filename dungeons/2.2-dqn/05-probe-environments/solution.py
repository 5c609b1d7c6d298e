"""Room: the probe environments 2-5 (Probe1 is written for you as the pattern)."""

import gymnasium as gym
import numpy as np
from gymnasium.spaces import Box, Discrete

OBS_SPACE = Box(low=-1.0, high=1.0, shape=(1,), dtype=np.float32)


def _obs(x: float) -> np.ndarray:
    return np.array([x], dtype=np.float32)


class Probe1(gym.Env):
    """Given: one action, observation [0.], reward +1, then the episode ends. Q([0]) = 1."""

    observation_space = OBS_SPACE
    action_space = Discrete(1)

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        return _obs(0.0), {}

    def step(self, action):
        return _obs(0.0), 1.0, True, False, {}


class Probe2(gym.Env):
    """One action, observation [-1.] or [+1.] at random (self.np_random), reward equal to it, then the end."""

    observation_space = OBS_SPACE
    action_space = Discrete(1)

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        self.reward = float(self.np_random.choice([-1.0, 1.0]))
        return _obs(self.reward), {}

    def step(self, action):
        return _obs(0.0), self.reward, True, False, {}


class Probe3(gym.Env):
    """One action, two steps: [0.] with reward 0 (not the end), then [1.], whose step pays +1 and ends."""

    observation_space = OBS_SPACE
    action_space = Discrete(1)

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        self.steps = 0
        return _obs(0.0), {}

    def step(self, action):
        self.steps += 1
        if self.steps == 1:
            return _obs(1.0), 0.0, False, False, {}
        return _obs(0.0), 1.0, True, False, {}


class Probe4(gym.Env):
    """Two actions, observation [0.]: action 0 pays -1, action 1 pays +1, then the end."""

    observation_space = OBS_SPACE
    action_space = Discrete(2)

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        return _obs(0.0), {}

    def step(self, action):
        return _obs(0.0), (1.0 if int(action) == 1 else -1.0), True, False, {}


class Probe5(gym.Env):
    """Two actions, observation [0.] or [1.] at random: +1 if the action equals it, else -1, then the end."""

    observation_space = OBS_SPACE
    action_space = Discrete(2)

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        self.target = int(self.np_random.integers(0, 2))
        return _obs(float(self.target)), {}

    def step(self, action):
        return _obs(0.0), (1.0 if int(action) == self.target else -1.0), True, False, {}
