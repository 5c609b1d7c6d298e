"""Cases for ReplayMemory.get_minibatches: how many minibatches and their shapes, each
epoch covering every row once, the fields of a row staying together, the advantages (GAE
with next_value) and the returns (advantages + values)."""

import numpy as np
import torch

from arena_dungeon.testing import assert_equal, assert_shape, assert_tensor_close, fail, fresh_seed

STEPS, ENVS = 6, 2


def _gae(next_value, rewards, values, dones, gamma, lam):
    live = 1.0 - dones.float()
    out, running = torch.zeros_like(rewards), torch.zeros_like(next_value)
    for s in reversed(range(rewards.shape[0])):
        nxt = values[s + 1] if s + 1 < rewards.shape[0] else next_value
        running = rewards[s] + gamma * nxt * live[s] - values[s] + gamma * lam * live[s] * running
        out[s] = running
    return out


def _filled(room, seed, minibatch_size=4, epochs=2):
    """A memory holding 6 steps of 2 envs; obs row (s, e) is [s, e, noise] so each row can be traced."""
    g = torch.Generator().manual_seed(seed)
    memory = room.ReplayMemory(ENVS, (3,), (), STEPS * ENVS, minibatch_size, epochs, seed=seed)
    data = dict(rewards=torch.randn(STEPS, ENVS, generator=g), values=torch.randn(STEPS, ENVS, generator=g),
                logprobs=-torch.rand(STEPS, ENVS, generator=g), actions=torch.randint(0, 3, (STEPS, ENVS), generator=g),
                dones=torch.rand(STEPS, ENVS, generator=g) < 0.3)
    for s in range(STEPS):
        obs = np.array([[s, e, float(torch.rand(1, generator=g))] for e in range(ENVS)], dtype=np.float32)
        memory.add(obs, data["actions"][s].numpy(), data["logprobs"][s].numpy(), data["values"][s].numpy(),
                   data["rewards"][s].numpy(), data["dones"][s].numpy())
    data["next_value"] = torch.randn(ENVS, generator=g)
    return memory, data


def _rows(mb):
    return [(int(s), int(e)) for s, e in mb.obs[:, :2].tolist()]


def test_count_and_shapes(room):
    """12 rows, minibatch_size 4, 2 epochs: 6 minibatches, each with obs (4, 3) and actions, logprobs, advantages, returns (4,)."""
    memory, data = _filled(room, fresh_seed(0))
    mbs = memory.get_minibatches(data["next_value"], 0.9, 0.8)
    assert_equal(len(mbs), 6, call="len(get_minibatches(...)) for 12 rows, minibatch_size 4, "
                 "batches_per_learning_phase 2")
    mb = mbs[0]
    assert_shape(mb.obs, (4, 3), call="minibatch.obs", dims="minibatch obs")
    for name in ("actions", "logprobs", "advantages", "returns"):
        assert_shape(getattr(mb, name), (4,), call=f"minibatch.{name}", dims="minibatch")


def test_each_epoch_uses_every_row_once(room):
    """Each run of 3 minibatches (one epoch) holds the 12 (step, env) rows exactly once."""
    memory, data = _filled(room, fresh_seed(1))
    mbs = memory.get_minibatches(data["next_value"], 0.9, 0.8)
    everything = sorted((s, e) for s in range(STEPS) for e in range(ENVS))
    for epoch in range(2):
        rows = sorted(r for mb in mbs[3 * epoch: 3 * epoch + 3] for r in _rows(mb))
        if rows != everything:
            fail(f"epoch {epoch} (minibatches {3 * epoch}-{3 * epoch + 2}) holds the (step, env) "
                 f"rows {rows}, expected each of the 12 exactly once", kind="value")


def test_fields_stay_together(room):
    """Every minibatch row's action and logprob are the ones stored with its observation (all fields flattened the same way)."""
    memory, data = _filled(room, fresh_seed(2))
    for mb in memory.get_minibatches(data["next_value"], 0.9, 0.8):
        rows = _rows(mb)
        for name in ("actions", "logprobs"):
            want = torch.stack([data[name][s, e] for s, e in rows])
            assert_tensor_close(getattr(mb, name), want.to(getattr(mb, name).dtype),
                                call=f"minibatch.{name} for the rows whose obs say (step, env) = {rows}",
                                dims="minibatch")


def test_advantages_and_returns(room):
    """Each row's advantage is GAE's (gamma 0.9, lambda 0.8, bootstrapped from next_value, cut at dones) and its return is advantage + value."""
    memory, data = _filled(room, fresh_seed(3))
    adv = _gae(data["next_value"], data["rewards"], data["values"], data["dones"], 0.9, 0.8)
    for mb in memory.get_minibatches(data["next_value"], 0.9, 0.8):
        rows = _rows(mb)
        want = torch.stack([adv[s, e] for s, e in rows])
        assert_tensor_close(mb.advantages, want, atol=1e-5,
                            call=f"minibatch.advantages for (step, env) rows {rows}", dims="minibatch")
        values = torch.stack([data["values"][s, e] for s, e in rows])
        assert_tensor_close(mb.returns, want + values, atol=1e-5,
                            call=f"minibatch.returns for (step, env) rows {rows}", dims="minibatch")
