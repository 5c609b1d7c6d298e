"""Cases for SARSA.run_episode on small recording environments: the action taken is the one
learned from, one observe per step with the right fields, truncation is not termination,
max_steps caps an endless episode, and the reset seed is passed on."""

import gymnasium as gym
import numpy as np

from arena_dungeon.testing import assert_equal, fail, note
from rl_td import AgentConfig


class Corridor(gym.Env):
    """States 0..4; action 1 moves right, action 0 stays; reaching 4 pays +1 and terminates.
    Truncates after `limit` steps (if given). Records every action it is asked to take."""

    def __init__(self, limit=None):
        self.observation_space = gym.spaces.Discrete(5)
        self.action_space = gym.spaces.Discrete(2)
        self.limit = limit
        self.taken, self.seeds = [], []

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        self.seeds.append(seed)
        self.pos, self.steps = 0, 0
        return 0, {}

    def step(self, action):
        self.taken.append(int(action))
        self.steps += 1
        self.pos = min(self.pos + int(action), 4)
        terminated = self.pos == 4
        truncated = self.limit is not None and self.steps >= self.limit and not terminated
        return self.pos, (1.0 if terminated else -0.1), terminated, truncated, {}


def _agent(room, env, epsilon=0.5, seed=0, max_steps=200):
    agent = room.SARSA(env, AgentConfig(epsilon=epsilon, lr=0.5, optimism=0.0), gamma=0.9,
                       seed=seed, max_steps=max_steps)
    seen = []
    learn = agent.observe

    def recording_observe(exp):
        seen.append(exp)
        learn(exp)

    agent.observe = recording_observe
    return agent, seen


def call_and_check_list(agent, seed=None):
    rewards = agent.run_episode(seed=seed)
    if not isinstance(rewards, list) or not all(isinstance(r, float) for r in rewards):
        fail(f"run_episode returned {type(rewards).__name__} "
             f"{rewards[:5] if isinstance(rewards, (list, tuple)) else ''}, expected a list of "
             "floats (one reward per step)", kind="type")
    return rewards


def test_takes_the_action_it_learned_from(room):
    """epsilon 0.5 on the corridor: each step's action is the previous experience's new_act."""
    env = Corridor()
    agent, seen = _agent(room, env)
    call_and_check_list(agent)
    if not seen:
        fail("run_episode never called observe", kind="value")
    for i in range(1, min(len(seen), len(env.taken))):
        if env.taken[i] != seen[i - 1].new_act:
            fail(f"step {i} took action {env.taken[i]}, but the experience of step {i - 1} said "
                 f"the next action would be new_act = {seen[i - 1].new_act}: take the action "
                 "you chose for the update, don't draw a new one", kind="value")
        if seen[i].act != env.taken[i]:
            fail(f"step {i} took action {env.taken[i]} but its experience says act = "
                 f"{seen[i].act}", kind="value")


def test_one_experience_per_step(room):
    """Greedy (epsilon 0) on the corridor with Q favouring 'right': 4 steps, 4 experiences, rewards [-0.1, -0.1, -0.1, 1]."""
    env = Corridor()
    agent, seen = _agent(room, env, epsilon=0.0)
    agent.Q[:, 1] = 1.0
    rewards = call_and_check_list(agent)
    assert_equal([round(r, 6) for r in rewards], [-0.1, -0.1, -0.1, 1.0],
                 call="run_episode() on the corridor, always right: rewards")
    got = [(e.obs, e.act, round(e.reward, 6), e.new_obs, e.terminated) for e in seen]
    want = [(0, 1, -0.1, 1, False), (1, 1, -0.1, 2, False), (2, 1, -0.1, 3, False), (3, 1, 1.0, 4, True)]
    assert_equal(got, want, call="the (obs, act, reward, new_obs, terminated) of each experience")


def test_truncation_is_not_termination(room):
    """Corridor truncated after 3 steps, Q favouring 'stay': 3 steps, and no experience says terminated."""
    env = Corridor(limit=3)
    agent, seen = _agent(room, env, epsilon=0.0)
    agent.Q[:, 0] = 100.0
    rewards = call_and_check_list(agent)
    if len(rewards) != 3:
        fail(f"the environment truncated the episode after 3 steps, but run_episode played "
             f"{len(rewards)}: stop when terminated or truncated", kind="value")
    flags = [bool(e.terminated) for e in seen]
    if any(flags):
        fail(f"the experiences' terminated flags were {flags}, expected all False: a "
             "truncated episode was cut short, its last state still has a future", kind="value")


def test_max_steps_caps_the_episode(room):
    """Corridor with no time limit, Q favouring 'stay', max_steps 25: exactly 25 steps."""
    env = Corridor()
    agent, _ = _agent(room, env, epsilon=0.0, max_steps=25)
    agent.Q[:, 0] = 100.0
    rewards = call_and_check_list(agent)
    assert_equal(len(rewards), 25, call="len(run_episode()) with max_steps=25 on an endless episode")


def test_reset_gets_the_seed(room):
    """run_episode(seed=11) resets the environment with seed 11 (once)."""
    env = Corridor()
    agent, _ = _agent(room, env, epsilon=0.0)
    agent.Q[:, 1] = 1.0
    call_and_check_list(agent, seed=11)
    assert_equal(env.seeds, [11], call="the seeds env.reset was called with during run_episode(seed=11)")


def test_learns_on_the_cliff(room):
    """CliffWalking, epsilon 0.1, lr 0.5, 300 episodes through train(): mean return of the last 100 above -45."""
    env = gym.make("CliffWalking-v1").unwrapped
    agent = room.SARSA(env, AgentConfig(0.1, 0.5, 0.0), gamma=0.99, seed=1)
    returns = agent.train(300)
    last = float(np.mean(returns[-100:]))
    note(f"SARSA with your loop: mean return over episodes 201-300 = {last:.1f}")
    if last < -45:
        fail(f"after 300 episodes the mean return of the last 100 is {last:.1f}, expected above "
             "-45 (SARSA with this loop usually gets about -30)", kind="value")
