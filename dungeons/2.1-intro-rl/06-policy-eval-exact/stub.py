"""Room: evaluate a policy exactly, with one linear solve.

rl_env.py (next to this file) gives Environment (env.T, env.R: (num_states, num_actions,
num_states)), Toy and Norvig.
"""

import numpy as np
from jaxtyping import Float, Int

from rl_env import Arr, Environment


def policy_eval_exact(env: Environment, pi: Int[Arr, "states"], gamma: float = 0.99) -> Float[Arr, "states"]:
    """V^pi from the Bellman equation as a linear system: (I - gamma P) V = r.

    pi: (num_states,) int. P[s, s'] = T[s, pi[s], s'], r[s] = sum_s' P[s, s'] R[s, pi[s], s'].
    Returns V: (num_states,) float. No Python loops.
    """
    raise NotImplementedError
