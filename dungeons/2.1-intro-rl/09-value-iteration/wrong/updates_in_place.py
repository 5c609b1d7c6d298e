"""Room: value iteration, the Bellman optimality backup swept to its fixed point.

rl_env.py (next to this file) gives Environment (env.T, env.R: (num_states, num_actions,
num_states)), Toy and Norvig.
"""

import numpy as np
from jaxtyping import Float

from rl_env import Arr, Environment


def value_iteration(env: Environment, gamma: float = 0.99, eps: float = 1e-8,
                    max_iterations: int = 10_000) -> Float[Arr, "states"]:
    """V* by iterating V <- max_a sum_s' T[s, a, s'] (R[s, a, s'] + gamma V[s']) from V = 0.

    All states at once, each sweep from the previous sweep's V. Stops when no value moved by
    eps or more (returning the new V), or after max_iterations sweeps (returning the last).
    Returns V: (num_states,) float. Each sweep vectorised, no loop over states or actions.
    """
    V = np.zeros(env.num_states)
    for _ in range(max_iterations):
        V_new = V.copy()
        for s in range(env.num_states):
            V_new[s] = (env.T[s] * (env.R[s] + gamma * V_new)).sum(-1).max()
        if np.abs(V_new - V).max() < eps:
            return V_new
        V = V_new
    return V
