"""Cases for find_optimal_policy: the Toy MDP far- and short-sighted, Norvig's grid with the
classic cost of living (drawn in arrows) and a harsh one, each policy's value checked against
value iteration's optimal values."""

import numpy as np

from arena_dungeon.testing import call, describe, fail, load_asset_module, note
from rl_env import Norvig, Toy, render_policy

checks = load_asset_module(__file__, "rl_checks")


def _is_optimal(env, pi, gamma, what):
    if not isinstance(pi, np.ndarray) or pi.dtype.kind not in "iu" or pi.shape != (env.num_states,):
        fail(f"{what} returned {describe(pi)}, expected an integer numpy array of "
             f"{env.num_states} actions", kind="type")
    got = checks.exact_value(env, pi, gamma)
    best = checks.optimal_value(env, gamma)
    worst = int(np.abs(got - best).argmax())
    if abs(got[worst] - best[worst]) > 1e-6:
        fail(f"{what} returned pi = {pi.tolist()}, which is not optimal: from state {worst} it "
             f"is worth {got[worst]:.4f}, the best policy gets {best[worst]:.4f}", kind="value",
             details="Keep alternating evaluation and improvement until improvement returns the "
                     "same policy.")


def test_toy_far_sighted(room):
    """Toy, gamma 0.99: right (0 now, 2 later) is optimal in state 0 -> [1, 0, 0]."""
    got = call(room.find_optimal_policy, Toy(), gamma=0.99)
    checks.check_policy(got, [1, 0, 0], call="find_optimal_policy(Toy(), gamma=0.99)")


def test_toy_short_sighted(room):
    """Toy, gamma 0.3: left (1 now) is optimal -> [0, 0, 0]."""
    got = call(room.find_optimal_policy, Toy(), gamma=0.3)
    checks.check_policy(got, [0, 0, 0], call="find_optimal_policy(Toy(), gamma=0.3)")


def test_norvig_classic(room):
    """Norvig, penalty -0.04, gamma 0.99: the policy's value equals the optimal value in every state."""
    env = Norvig(penalty=-0.04)
    pi = call(room.find_optimal_policy, env, gamma=0.99)
    _is_optimal(env, pi, 0.99, "find_optimal_policy(Norvig(penalty=-0.04), gamma=0.99)")
    for line in render_policy(env, pi).splitlines():
        note(line)
    note("arrows: the action policy iteration chose in each cell; +1 / -1 the exits, ## the wall")


def test_norvig_harsh_world(room):
    """Norvig, penalty -1.5, gamma 0.99: living hurts more than the -1 exit, so cells near it dive in; optimal everywhere."""
    env = Norvig(penalty=-1.5)
    pi = call(room.find_optimal_policy, env, gamma=0.99)
    _is_optimal(env, pi, 0.99, "find_optimal_policy(Norvig(penalty=-1.5), gamma=0.99)")
    if pi[6] != 1:
        fail(f"with penalty -1.5, state 6 (next to the -1 exit) chose action {pi[6]}, expected "
             "1 (right, into the -1 exit: cheaper than living on)", kind="value")
