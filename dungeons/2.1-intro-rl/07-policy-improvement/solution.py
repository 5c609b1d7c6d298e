"""Room: improve a policy by acting greedily on its values.

rl_env.py (next to this file) gives Environment (env.T, env.R: (num_states, num_actions,
num_states)), Toy and Norvig.
"""

import numpy as np  # noqa: F401
from jaxtyping import Float, Int

from rl_env import Arr, Environment


def policy_improvement(env: Environment, V: Float[Arr, "states"], gamma: float = 0.99) -> Int[Arr, "states"]:
    """The greedy policy for V: pi[s] = argmax_a sum_s' T[s, a, s'] (R[s, a, s'] + gamma V[s']).

    V: (num_states,) float. Returns pi: (num_states,) int; ties go to the lowest action.
    No Python loops.
    """
    Q = (env.T * (env.R + gamma * V)).sum(-1)
    return Q.argmax(-1)
