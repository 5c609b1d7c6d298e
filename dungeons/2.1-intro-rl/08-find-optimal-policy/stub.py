"""Room: policy iteration, which alternates evaluation and improvement until nothing changes.

rl_env.py (next to this file) gives Environment, Toy, Norvig and render_policy; rl_mdp.py
gives policy_eval_exact and policy_improvement (rooms 6 and 7).
"""

import numpy as np
from jaxtyping import Int

from rl_env import Arr, Environment
from rl_mdp import policy_eval_exact, policy_improvement


def find_optimal_policy(env: Environment, gamma: float = 0.99, max_iterations: int = 10_000) -> Int[Arr, "states"]:
    """Policy iteration from pi = 0 everywhere: evaluate exactly, improve, until pi stops changing.

    Returns pi: (num_states,) int, the first policy that improvement leaves unchanged (or the
    last one after max_iterations rounds).
    """
    raise NotImplementedError
