"""Cases for the probes: Probe2's reward equals its random observation, Probe3 lasts two
steps and pays only at the end (every episode), Probe4 pays the better action, Probe5 pays
the action that matches the observation, and every probe's randomness follows reset's seed."""

import numpy as np

from arena_dungeon.testing import describe, fail


def _check_obs(obs, call, allowed):
    if not isinstance(obs, np.ndarray) or obs.shape != (1,) or obs.dtype != np.float32:
        fail(f"{call} gave the observation {describe(obs)}"
             f"{f' of dtype {obs.dtype}' if isinstance(obs, np.ndarray) else ''}, expected a "
             "float32 numpy array of shape (1,)", kind="type")
    if float(obs[0]) not in allowed:
        fail(f"{call} gave the observation {obs.tolist()}, expected one of "
             f"{[[a] for a in allowed]}", kind="value")
    return float(obs[0])


def _step(env, action, call):
    out = env.step(action)
    if not isinstance(out, tuple) or len(out) != 5:
        fail(f"{call} returned {describe(out)}, expected the five-tuple (obs, reward, "
             "terminated, truncated, info)", kind="type")
    return out


def _episode(cls, seed, action, call):
    env = cls()
    obs, _ = env.reset(seed=seed)
    return obs, _step(env, action, call)


def test_probe2_reward_is_the_observation(room):
    """Probe2, 200 seeds: the observation is [-1.] or [1.], both often; the one step pays exactly it and ends (terminated)."""
    seen = []
    for seed in range(200):
        obs, (_, reward, terminated, truncated, _) = _episode(room.Probe2, seed, 0, "Probe2().step(0)")
        x = _check_obs(obs, f"Probe2().reset(seed={seed})", (-1.0, 1.0))
        seen.append(x)
        if float(reward) != x or terminated is not True or truncated is not False:
            fail(f"Probe2 after reset(seed={seed}) -> {[x]}: step(0) gave reward {reward!r}, "
                 f"terminated {terminated!r}, truncated {truncated!r}; expected reward {x}, "
                 "terminated True, truncated False", kind="value")
    if not 60 <= seen.count(1.0) <= 140:
        fail(f"over 200 seeds Probe2 observed [1.] {seen.count(1.0)} times, expected about "
             "100: pick -1 or +1 with equal chances", kind="value")


def test_probe3_two_steps_reward_at_the_end(room):
    """Probe3, three episodes on one env: [0.] -> step: [1.], reward 0, not terminated -> step: reward 1, terminated."""
    env = room.Probe3()
    for episode in range(3):
        obs, _ = env.reset(seed=episode)
        _check_obs(obs, f"Probe3().reset() (episode {episode + 1})", (0.0,))
        obs1, r1, term1, trunc1, _ = _step(env, 0, "Probe3().step(0)")
        got1 = (obs1.tolist() if isinstance(obs1, np.ndarray) else obs1, float(r1), term1, trunc1)
        if got1 != ([1.0], 0.0, False, False):
            fail(f"episode {episode + 1} of Probe3, first step gave (obs, reward, terminated, "
                 f"truncated) = {got1}, expected ([1.0], 0.0, False, False): the episode goes on",
                 kind="value")
        _, r2, term2, trunc2, _ = _step(env, 0, "Probe3().step(0)")
        if (float(r2), term2, trunc2) != (1.0, True, False):
            fail(f"episode {episode + 1} of Probe3, second step gave (reward, terminated, "
                 f"truncated) = {(float(r2), term2, trunc2)}, expected (1.0, True, False)"
                 f"{' (reset must restart the step count)' if episode else ''}", kind="value")


def test_probe4_pays_action_one(room):
    """Probe4: observation [0.]; action 0 pays -1, action 1 pays +1; each ends the episode."""
    for action, want in ((0, -1.0), (1, 1.0), (1, 1.0), (0, -1.0)):
        obs, (_, reward, terminated, truncated, _) = _episode(room.Probe4, 0, action, f"Probe4().step({action})")
        _check_obs(obs, "Probe4().reset()", (0.0,))
        if (float(reward), terminated, truncated) != (want, True, False):
            fail(f"Probe4().step({action}) gave (reward, terminated, truncated) = "
                 f"{(float(reward), terminated, truncated)}, expected ({want}, True, False)",
                 kind="value")


def test_probe5_pays_the_matching_action(room):
    """Probe5, 200 seeds x both actions: observation [0.] or [1.] (both often); +1 when the action equals it, else -1."""
    ones = 0
    for seed in range(200):
        for action in (0, 1):
            obs, (_, reward, terminated, _, _) = _episode(room.Probe5, seed, action, f"Probe5().step({action})")
            x = _check_obs(obs, f"Probe5().reset(seed={seed})", (0.0, 1.0))
            want = 1.0 if action == int(x) else -1.0
            if float(reward) != want or terminated is not True:
                fail(f"Probe5 observed {[x]}, step({action}) gave reward {reward!r}, terminated "
                     f"{terminated!r}; expected {want} (+1 exactly when the action equals the "
                     "observation) and True", kind="value")
        ones += int(x)
    if not 60 <= ones <= 140:
        fail(f"over 200 seeds Probe5 observed [1.] {ones} times, expected about 100",
             kind="value")


def test_reset_seed_decides_the_draws(room):
    """Probe2 and Probe5: the same reset seed gives the same observations (drawn from self.np_random), other seeds vary."""
    for cls in (room.Probe2, room.Probe5):
        name = cls.__name__
        first = [float(cls().reset(seed=s)[0][0]) for s in range(30)]
        again = [float(cls().reset(seed=s)[0][0]) for s in range(30)]
        if first != again:
            fail(f"{name}().reset(seed=s) gave different observations for the same seeds: draw "
                 "from self.np_random after super().reset(seed=seed), not from np.random",
                 kind="value")
        if len(set(first)) < 2:
            fail(f"{name}().reset(seed=s) gave {first[0]} for all 30 seeds: the observation "
                 "should be random", kind="value")
