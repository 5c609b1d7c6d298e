"""Cases for ReplayBuffer: the five fields of a sampled row stay together, only the newest
buffer_size transitions are kept, only stored transitions are drawn, draws are uniform and
come from self.rng, and the batch is tensors of the right shapes and dtypes."""

import numpy as np
import torch

from arena_dungeon.testing import assert_equal, assert_shape, fail


def _filled(room, n_steps, num_envs=2, buffer_size=100, seed=0):
    """Transition k (k = 0, 1, ...) has obs [k, -k], action k % 3, reward k, terminated k % 2,
    next_obs [k + 0.5, -k]: every field says which transition it came from."""
    buf = room.ReplayBuffer(num_envs, (2,), (), buffer_size, seed)
    for step in range(n_steps):
        k = np.arange(step * num_envs, (step + 1) * num_envs)
        buf.add(np.stack([k, -k], -1).astype(np.float32), k % 3, k.astype(np.float32),
                k % 2 == 1, np.stack([k + 0.5, -k], -1).astype(np.float32))
    return buf


def _rewards(data, call):
    r = getattr(data, "rewards", None)
    if not isinstance(r, torch.Tensor):
        fail(f"{call}.rewards is {type(r).__name__}, expected a tensor", kind="type")
    return sorted(set(r.long().tolist()))


def test_fields_stay_together(room):
    """Three steps of 2 envs, 200 draws: each sampled row's action, reward, terminated and next_obs belong to its obs."""
    data = _filled(room, 3).sample(200)
    k = data.obs[:, 0].long()
    for name, want in (("actions", k % 3), ("rewards", k.float()), ("terminated", k % 2 == 1),
                       ("next_obs", torch.stack([k + 0.5, -k.float()], -1))):
        got = getattr(data, name)
        if got.shape != want.shape or not torch.equal(got.to(want.dtype), want):
            fail(f"sample(200).{name} does not match the obs of the same rows: each row must be "
                 "one transition, all five fields taken at the same index", kind="value")


def test_keeps_only_the_newest(room):
    """buffer_size 5, four steps of 2 envs (transitions 0..7): the buffer holds 3..7, and 500 draws give exactly those."""
    buf = _filled(room, 4, buffer_size=5)
    got = _rewards(buf.sample(500), "sample(500)")
    if got != [3, 4, 5, 6, 7]:
        fail(f"after adding transitions 0..7 to a buffer of size 5, 500 draws gave transitions "
             f"{got}, expected [3, 4, 5, 6, 7]: keep the newest buffer_size, drop the oldest",
             kind="value")


def test_draws_only_stored_transitions(room):
    """buffer_size 100, one step of 3 envs (transitions 0, 1, 2): 300 draws give exactly 0, 1, 2."""
    buf = _filled(room, 1, num_envs=3, buffer_size=100)
    data = buf.sample(300)
    got = _rewards(data, "sample(300)")
    if got != [0, 1, 2] or (data.obs[:, 0] != data.rewards).any():
        fail(f"a buffer of size 100 holding 3 transitions gave transitions {got} (or rows that "
             "are not transitions) in 300 draws, expected exactly [0, 1, 2]: draw indices from "
             "the filled part only, all of it", kind="value")


def test_uniform_and_seeded(room):
    """Ten stored transitions, 4,000 draws: each drawn 300-500 times; two buffers with seed 7 draw the same rows, seed 8 others."""
    a, b, c = (_filled(room, 5, buffer_size=10, seed=s) for s in (7, 7, 8))
    ra, rb, rc = (buf.sample(4000).rewards for buf in (a, b, c))
    counts = torch.bincount(ra.long(), minlength=10).tolist()
    if min(counts) < 300 or max(counts) > 500:
        fail(f"4,000 draws from 10 transitions came out {counts} times each, expected about "
             "400 each (uniform)", kind="value")
    if not torch.equal(ra, rb):
        fail("two buffers made with seed 7 and filled alike drew different rows: draw the "
             "indices with self.rng (np.random.default_rng(seed)), not the global np.random",
             kind="value")
    if torch.equal(ra, rc):
        fail("buffers with seeds 7 and 8 drew the same rows: seed self.rng with `seed`", kind="value")


def test_batch_types_and_shapes(room):
    """sample(16): obs and next_obs (16, 2) float32, actions (16,) int64, rewards (16,) float32, terminated (16,) bool."""
    data = _filled(room, 3).sample(16)
    for name, shape, dtype in (("obs", (16, 2), torch.float32), ("actions", (16,), torch.int64),
                               ("rewards", (16,), torch.float32), ("terminated", (16,), torch.bool),
                               ("next_obs", (16, 2), torch.float32)):
        got = getattr(data, name)
        if not isinstance(got, torch.Tensor):
            fail(f"sample(16).{name} is {type(got).__name__}, expected a tensor", kind="type")
        assert_shape(got, shape, call=f"sample(16).{name}")
        assert_equal(str(got.dtype), str(dtype), call=f"sample(16).{name}.dtype")
