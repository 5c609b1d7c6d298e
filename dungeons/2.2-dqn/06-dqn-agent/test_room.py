"""Cases for DQNAgent: every buffer row is one real transition (the real last observation when
an episode ends, not the next episode's first), truncation is not termination, self.obs moves
on and steps count every env, epsilon follows the schedule, and the agent's rng decides."""

import gymnasium as gym
import numpy as np
import torch
from gymnasium.spaces import Box, Discrete

from arena_dungeon.testing import assert_equal, fail
from dqn_parts import QNetwork, ReplayBuffer, linear_schedule


class Counter(gym.Env):
    """Observation [t] after t steps; reward 1 a step; terminated when t reaches `end`."""
    observation_space = Box(0.0, 100.0, (1,), dtype=np.float32)
    action_space = Discrete(2)

    def __init__(self, end: int = 100):
        self.end = end

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        self.t = 0
        return np.array([0.0], dtype=np.float32), {}

    def step(self, action):
        self.t += 1
        return np.array([float(self.t)], dtype=np.float32), 1.0, self.t >= self.end, False, {}


def _envs():
    """Env 0 terminates at t = 3; env 1 is cut by a time limit at t = 4 (truncated)."""
    fns = [lambda: Counter(end=3), lambda: gym.wrappers.TimeLimit(Counter(), max_episode_steps=4)]
    return gym.vector.SyncVectorEnv(fns, autoreset_mode=gym.vector.AutoresetMode.SAME_STEP)


def _agent(room, envs=None, start_e=0.5, end_e=0.5, fraction=0.5, total=100, seed=0, buffer_size=1000):
    envs = envs or _envs()
    torch.manual_seed(seed)
    shape = envs.single_observation_space.shape
    buffer = ReplayBuffer(envs.num_envs, shape, (), buffer_size, seed)
    net = QNetwork(shape, int(envs.single_action_space.n), [8])
    return room.DQNAgent(envs, buffer, net, start_e, end_e, fraction, total, np.random.default_rng(seed))


def _rows(buffer):
    return buffer.obs[:, 0], buffer.next_obs[:, 0], buffer.terminated, buffer.actions


def test_rows_are_real_transitions(room):
    """Twelve steps of the two counters: every stored next_obs is obs + 1, also where an episode ended (the real last observation, not the reset's [0])."""
    agent = _agent(room)
    for _ in range(12):
        agent.play_step()
    obs, nxt, _, _ = _rows(agent.buffer)
    assert_equal(len(obs), 24, call="rows in the buffer after 12 play_step()s of 2 envs")
    bad = np.flatnonzero(nxt != obs + 1)
    if len(bad):
        i = int(bad[0])
        fail(f"buffer row {i}: obs [{obs[i]:g}] -> next_obs [{nxt[i]:g}], expected "
             f"[{obs[i] + 1:g}]. When an episode ends, envs.step already returns the next "
             "episode's first observation; the real last one is infos['final_obs'][i]",
             kind="value")


def test_truncation_is_not_termination(room):
    """Env 0 ends at t = 3 (terminated True in the buffer); env 1 is cut at t = 4 by a time limit (terminated False: its future was real)."""
    agent = _agent(room)
    for _ in range(12):
        agent.play_step()
    obs, nxt, term, _ = _rows(agent.buffer)
    env = np.tile([0, 1], 12)
    want = (env == 0) & (nxt == 3)
    if not np.array_equal(term, want):
        i = int(np.flatnonzero(term != want)[0])
        fail(f"buffer row {i} (env {env[i]}, obs [{obs[i]:g}] -> [{nxt[i]:g}]) has terminated "
             f"{bool(term[i])}, expected {bool(want[i])}: store `terminated` alone. A time limit "
             "(truncated) is not the end of the task, so the TD target must still bootstrap",
             kind="value")


def test_obs_moves_on_and_steps_count_envs(room):
    """After each play_step, self.obs is the envs' new observation (the reset's [0] after an end) and self.step grows by num_envs."""
    agent = _agent(room)
    for k in range(1, 8):
        infos = agent.play_step()
        if not isinstance(infos, dict):
            fail(f"play_step() returned {type(infos).__name__}, expected the step's infos dict",
                 kind="type")
        want = np.array([k % 3, k % 4], dtype=np.float32)
        if not np.array_equal(np.asarray(agent.obs)[:, 0], want):
            fail(f"after {k} play_step()s agent.obs is {np.asarray(agent.obs)[:, 0].tolist()}, "
                 f"expected {want.tolist()}: keep the observation envs.step returned (after an "
                 "end, the new episode's first one)", kind="value")
        assert_equal(agent.step, 2 * k, call=f"agent.step after {k} play_step()s of 2 envs")


def test_epsilon_follows_the_schedule(room):
    """start_e 1, end_e 0, fraction 0.5 of 40 steps, 2 envs: get_actions sets epsilon to the schedule at self.step; from step 20 the actions are greedy."""
    agent = _agent(room, start_e=1.0, end_e=0.0, fraction=0.5, total=40, seed=1)
    for _ in range(20):
        step = agent.step
        obs = agent.obs.copy()
        agent.play_step()
        want = linear_schedule(step, 1.0, 0.0, 0.5, 40)
        if abs(float(agent.epsilon) - want) > 1e-9:
            fail(f"after play_step() at step {step}, agent.epsilon is {float(agent.epsilon):.4f}, "
                 f"expected {want:.4f} (linear_schedule at the step the actions were chosen)",
                 kind="value")
        if step >= 20:
            with torch.no_grad():
                greedy = agent.q_network(torch.from_numpy(obs)).argmax(-1).numpy()
            got = agent.buffer.actions[-2:]
            if not np.array_equal(got, greedy):
                fail(f"at step {step} (epsilon 0) the stored actions are {got.tolist()}, "
                     f"expected the greedy {greedy.tolist()}", kind="value")


def test_agent_rng_decides(room):
    """Two agents built alike (rng seeded 2) store the same 30 steps of actions at epsilon 0.5; seed 3 stores others."""
    runs = []
    for seed in (2, 2, 3):
        agent = _agent(room, seed=seed)
        for _ in range(30):
            agent.play_step()
        runs.append(agent.buffer.actions.copy())
    if not np.array_equal(runs[0], runs[1]):
        fail("two agents seeded alike stored different actions: let epsilon_greedy_policy "
             "draw from self.rng", kind="value")
    if np.array_equal(runs[0], runs[2]):
        fail("agents seeded 2 and 3 stored the same 60 actions at epsilon 0.5", kind="value")
