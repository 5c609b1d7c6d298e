"""Cases for epsilon_greedy_policy: greedy at epsilon 0 (argmax per env, a numpy int array),
uniform over every action at epsilon 1, random about epsilon of the time, and drawn from the
rng it is given."""

import gymnasium as gym
import numpy as np
import torch
from gymnasium.spaces import Box, Discrete
from torch import nn

from arena_dungeon.testing import assert_equal, describe, fail

NUM_ENVS, NUM_ACTIONS = 5, 4


class FourActions(gym.Env):
    """An environment that only lends its spaces: observations (3,), four actions."""
    observation_space = Box(-1.0, 1.0, (3,), dtype=np.float32)
    action_space = Discrete(NUM_ACTIONS)

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        return np.zeros(3, dtype=np.float32), {}

    def step(self, action):
        return np.zeros(3, dtype=np.float32), 0.0, True, False, {}


def _setup(num_envs=NUM_ENVS, seed=0):
    torch.manual_seed(seed)
    envs = gym.vector.SyncVectorEnv([FourActions for _ in range(num_envs)])
    net = nn.Linear(3, NUM_ACTIONS)
    obs = np.random.default_rng(seed).normal(size=(num_envs, 3)).astype(np.float32)
    with torch.no_grad():
        greedy = net(torch.from_numpy(obs)).argmax(-1).numpy()
    return envs, net, obs, greedy


def _actions(room, envs, net, rng, obs, epsilon):
    got = room.epsilon_greedy_policy(envs, net, rng, obs, epsilon)
    call = f"epsilon_greedy_policy(envs of {envs.num_envs}, q_network, rng, obs, {epsilon})"
    if not isinstance(got, np.ndarray) or got.dtype.kind not in "iu":
        fail(f"{call} returned {describe(got)}, expected an integer numpy array of shape "
             f"({envs.num_envs},): call .numpy() on the argmax", kind="type")
    assert_equal(got.shape, (envs.num_envs,), call=f"{call}.shape")
    return got


def test_greedy_at_epsilon_zero(room):
    """epsilon 0, 5 envs, 4 actions: each env's argmax over its own row of Q-values."""
    envs, net, obs, greedy = _setup()
    got = _actions(room, envs, net, np.random.default_rng(0), obs, 0.0)
    if not np.array_equal(got, greedy):
        fail(f"at epsilon 0 the actions are {got.tolist()}, expected {greedy.tolist()} (the "
             "argmax of each env's Q-values, over the last axis)", kind="value")


def test_uniform_at_epsilon_one(room):
    """epsilon 1, 400 calls of 5 envs: each of the 4 actions about 500 times of 2,000, the greedy ones included."""
    envs, net, obs, _ = _setup()
    rng = np.random.default_rng(1)
    counts = np.bincount(np.concatenate([_actions(room, envs, net, rng, obs, 1.0) for _ in range(400)]),
                         minlength=NUM_ACTIONS)
    if len(counts) != NUM_ACTIONS or counts.min() < 400 or counts.max() > 600:
        fail(f"at epsilon 1, 2,000 actions came out {counts.tolist()} times each, expected "
             "about 500 of each of the 4 actions: draw from all num_actions actions "
             "(rng.integers' upper bound is excluded)", kind="value")


def test_explores_about_epsilon_of_the_time(room):
    """epsilon 0.3, one env, 3,000 calls: a random action differs from the greedy one 3 times in 4, so about 22.5% of actions are not greedy."""
    envs, net, obs, greedy = _setup(num_envs=1, seed=2)
    rng = np.random.default_rng(2)
    off = np.mean([_actions(room, envs, net, rng, obs, 0.3)[0] != greedy[0] for _ in range(3000)])
    if abs(off - 0.225) > 0.03:
        fail(f"at epsilon 0.3, {off:.1%} of 3,000 actions were not the greedy one, expected "
             "about 22.5% (random 30% of the time, and a random action is the greedy one 1 "
             "time in 4)", kind="value")


def test_draws_from_the_given_rng(room):
    """Two generators seeded 3 give the same 50 calls' actions at epsilon 0.5; a generator seeded 4 gives others."""
    envs, net, obs, _ = _setup(seed=3)
    runs = []
    for seed in (3, 3, 4):
        rng = np.random.default_rng(seed)
        runs.append(np.stack([_actions(room, envs, net, rng, obs, 0.5) for _ in range(50)]))
    if not np.array_equal(runs[0], runs[1]):
        fail("two calls sequences with generators seeded alike chose different actions: take "
             "the coin flip and the random actions from `rng`, not np.random", kind="value")
    if np.array_equal(runs[0], runs[2]):
        fail("generators seeded 3 and 4 chose the same actions in 50 calls at epsilon 0.5: "
             "use `rng` for the randomness", kind="value")
