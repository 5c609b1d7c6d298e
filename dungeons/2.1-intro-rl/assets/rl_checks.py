"""Checks and oracles the 2.1 tests share (never shown to the player)."""

import numpy as np
import torch

from arena_dungeon.testing import assert_tensor_close, assert_tensor_equal, describe, fail


def check_values(got, expected, *, call: str, dims: str = "states", atol: float = 1e-5) -> None:
    """`got` must be a numpy array shaped and valued like `expected` (floats)."""
    if not isinstance(got, np.ndarray):
        fail(f"{call} returned {describe(got)}, expected a numpy array of shape "
             f"{tuple(np.shape(expected))}", kind="type")
    assert_tensor_close(torch.from_numpy(np.asarray(got, dtype=np.float64)),
                        torch.from_numpy(np.asarray(expected, dtype=np.float64)),
                        call=call, dims=dims, atol=atol, rtol=1e-6)


def check_policy(got, expected, *, call: str) -> None:
    """`got` must be an integer numpy array of actions equal to `expected`."""
    if not isinstance(got, np.ndarray) or got.dtype.kind not in "iu":
        fail(f"{call} returned {describe(got)}"
             f"{f' of dtype {got.dtype}' if isinstance(got, np.ndarray) else ''}, expected an "
             f"integer numpy array of actions, shape {tuple(np.shape(expected))}", kind="type")
    assert_tensor_equal(torch.from_numpy(got.astype(np.int64)),
                        torch.from_numpy(np.asarray(expected, dtype=np.int64)),
                        call=call, dims="states")


def exact_value(env, pi, gamma: float) -> np.ndarray:
    """V^pi from the linear system (I - gamma P) V = r, written independently of the rooms."""
    n = env.num_states
    P = np.array([env.T[s, pi[s]] for s in range(n)])
    r = np.array([sum(env.T[s, pi[s], k] * env.R[s, pi[s], k] for k in range(n)) for s in range(n)])
    return np.linalg.solve(np.eye(n) - gamma * P, r)


def q_values(env, V, gamma: float) -> np.ndarray:
    """Q[s, a] = sum_s' T[s, a, s'] (R[s, a, s'] + gamma V[s']), by loops."""
    n, m = env.num_states, env.num_actions
    Q = np.zeros((n, m))
    for s in range(n):
        for a in range(m):
            Q[s, a] = sum(env.T[s, a, k] * (env.R[s, a, k] + gamma * V[k]) for k in range(n))
    return Q


def optimal_value(env, gamma: float, sweeps: int = 3000) -> np.ndarray:
    """V* by value iteration (an oracle independent of policy iteration)."""
    V = np.zeros(env.num_states)
    for _ in range(sweeps):
        V_new = (env.T * (env.R + gamma * V)).sum(-1).max(-1)
        if np.abs(V_new - V).max() < 1e-12:
            break
        V = V_new
    return V_new


def count_actions(agent, n: int) -> np.ndarray:
    """How often each arm is chosen in n calls of get_action (no observe)."""
    counts = np.zeros(agent.num_arms, dtype=int)
    for _ in range(n):
        a = agent.get_action()
        if not (0 <= int(a) < agent.num_arms):
            fail(f"get_action() returned {a!r}, expected an arm in 0..{agent.num_arms - 1}",
                 kind="value")
        counts[int(a)] += 1
    return counts


def moving_average(x: np.ndarray, window: int = 20) -> list[float]:
    c = np.cumsum(np.insert(x, 0, 0.0))
    return ((c[window:] - c[:-window]) / window).tolist()
