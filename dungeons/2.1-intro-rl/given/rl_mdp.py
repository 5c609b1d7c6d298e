"""rl_mdp: rooms 6 and 7's answers, for the rooms that build on them. Nothing in it is an exercise.

GIVEN code: read it and import from it, but don't edit it (grading always uses the shipped
copy, whatever this file says).

- `policy_eval_exact(env, pi, gamma)`: V^pi, (num_states,), from (I - gamma P) V = r.
- `policy_improvement(env, V, gamma)`: the greedy policy for V, (num_states,) int, ties to
  the lowest action.
"""

import numpy as np

from rl_env import Arr, Environment


def policy_eval_exact(env: Environment, pi: Arr, gamma: float = 0.99) -> Arr:
    states = np.arange(env.num_states)
    P = env.T[states, pi]
    r = (P * env.R[states, pi]).sum(-1)
    return np.linalg.solve(np.eye(env.num_states) - gamma * P, r)


def policy_improvement(env: Environment, V: Arr, gamma: float = 0.99) -> Arr:
    return (env.T * (env.R + gamma * V)).sum(-1).argmax(-1)
