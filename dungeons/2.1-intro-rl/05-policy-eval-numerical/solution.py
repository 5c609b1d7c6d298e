"""Room: evaluate a policy by sweeping the Bellman equation until it stops moving.

rl_env.py (next to this file) gives Environment (env.T, env.R: (num_states, num_actions,
num_states)), Toy and Norvig.
"""

import numpy as np
from jaxtyping import Float, Int

from rl_env import Arr, Environment


def policy_eval_numerical(env: Environment, pi: Int[Arr, "states"], gamma: float = 0.99, eps: float = 1e-8,
                          max_iterations: int = 10_000) -> Float[Arr, "states"]:
    """V^pi by iterating V <- r + gamma * P V from V = 0, all states at once.

    pi: (num_states,) int, the action taken in each state. Stops when no state's value moved
    by eps or more (returning the new V), or after max_iterations sweeps (returning the last).
    Returns V: (num_states,) float.
    """
    states = np.arange(env.num_states)
    P = env.T[states, pi]                      # (s, s'): where pi's action leads
    r = (P * env.R[states, pi]).sum(-1)        # (s,): expected reward of pi's action
    V = np.zeros(env.num_states)
    for _ in range(max_iterations):
        V_new = r + gamma * P @ V
        if np.abs(V_new - V).max() < eps:
            return V_new
        V = V_new
    return V
