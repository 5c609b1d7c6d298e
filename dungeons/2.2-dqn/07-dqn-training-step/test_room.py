"""Cases for DQNTrainer.training_step: three steps against an oracle (target network, max over
next actions, the action taken, mean squared error, one Adam step each), no future after
terminated, no gradient into the target network, the target synced every
trains_per_target_update steps, and Probe3 and Probe5 learned to their true Q-values."""

import copy

import numpy as np
import torch
from torch import nn

from arena_dungeon.testing import fresh_seed, assert_number_close, assert_tensor_close, curve, fail, note, progress
from dqn_agent import DQNArgs
from dqn_parts import ReplayBuffer

GAMMA = 0.9


def _trainer(room, env_id="Probe3-v0", seed=0, fill=True, **kw):
    settings = dict(env_id=env_id, seed=seed, buffer_size=64, batch_size=16, total_timesteps=400,
                    learning_rate=0.01, gamma=GAMMA, steps_per_train=1, trains_per_target_update=1000,
                    exploration_fraction=0.5, hidden_sizes=[8])
    settings.update(kw)
    trainer = room.DQNTrainer(DQNArgs(**settings))
    if fill:
        trainer.prepopulate_replay_buffer()
    return trainer


def _nudge(net: nn.Module, seed: int) -> None:
    """Move a network's weights off its twin's: a target network synced a while ago."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in net.parameters():
            p.add_(torch.randn(p.shape, generator=g) * 0.5)


def _random_buffer(seed: int, n: int = 64) -> ReplayBuffer:
    """n made-up transitions of a 1-d, 2-action world: random observations, actions, rewards,
    30% terminated, so both the target network and the action taken matter."""
    rng = np.random.default_rng(seed)
    buffer = ReplayBuffer(1, (1,), (), n, seed)
    buffer.add(rng.uniform(-1, 1, (n, 1)).astype(np.float32), rng.integers(0, 2, n),
               rng.normal(size=n).astype(np.float32), rng.random(n) < 0.3,
               rng.uniform(-1, 1, (n, 1)).astype(np.float32))
    return buffer


def _oracle_losses(trainer, n_steps):
    """Replays n training steps on copies: the same batches (a copy of the buffer and its rng),
    the TD target from the target network, MSE, a fresh Adam."""
    buffer, online = copy.deepcopy(trainer.buffer), copy.deepcopy(trainer.q_network)
    target, args = trainer.target_network, trainer.args
    opt = torch.optim.Adam(online.parameters(), lr=args.learning_rate)
    losses = []
    for _ in range(n_steps):
        b = buffer.sample(args.batch_size)
        with torch.no_grad():
            best_next = target(b.next_obs).max(-1).values
        y = b.rewards + args.gamma * best_next * (~b.terminated).float()
        q = online(b.obs)[torch.arange(len(b.actions)), b.actions]
        loss = ((q - y) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return losses, online


def _rounded(x) -> list:
    return [[round(float(v), 3) for v in row] for row in x.tolist()]


def test_three_steps_against_an_oracle(room):
    """64 random transitions (2 actions, 30% terminated), a target network off the online one: three training_step()s return the oracle's losses and leave the same weights."""
    trainer = _trainer(room, "Probe5-v0", fill=False)
    trainer.buffer = _random_buffer(0)
    _nudge(trainer.target_network, 1)
    want, online = _oracle_losses(trainer, 3)
    for step in (1, 2, 3):
        got = trainer.training_step(step)
        assert_number_close(got, want[step - 1], atol=1e-5, rtol=1e-4,
                            call=f"training_step({step}) (the batch's mean squared TD error)")
    for (name, p), q in zip(trainer.q_network.named_parameters(), online.parameters()):
        assert_tensor_close(p.detach(), q.detach(), atol=1e-5, rtol=1e-4,
                            call=f"q_network.{name} after three training steps")


def test_no_future_after_terminated(room):
    """Probe1's buffer (every step terminated, reward 1), target net scaled x10: the loss is mean (1 - Q)^2, whatever the target says."""
    torch.manual_seed(fresh_seed(1))
    trainer = _trainer(room, "Probe1-v0")
    with torch.no_grad():
        for p in trainer.target_network.parameters():
            p.mul_(10).add_(1)
        q = trainer.q_network(torch.zeros(1, 1))[0, 0].item()
    got = trainer.training_step(1)
    want = (1 - q) ** 2
    if abs(float(got) - want) > 1e-4 * max(1, want):
        fail(f"on Probe1 (every transition terminated, reward 1, Q = {q:.4f}) training_step "
             f"returned the loss {float(got):.4f}, expected (1 - Q)^2 = {want:.4f}: a terminated "
             "transition's target is its reward alone; multiply the future by (1 - terminated)",
             kind="value")


def test_no_gradient_into_the_target(room):
    """After a training step the target network has no gradients and the same weights; the online network has moved."""
    torch.manual_seed(fresh_seed(2))
    trainer = _trainer(room, "Probe3-v0")
    _nudge(trainer.target_network, 2)
    before_t = copy.deepcopy(trainer.target_network.state_dict())
    before_q = copy.deepcopy(trainer.q_network.state_dict())
    trainer.training_step(1)
    for name, p in trainer.target_network.named_parameters():
        if p.grad is not None and p.grad.abs().sum() > 0:
            fail(f"target_network.{name} has a gradient after training_step: compute the TD target "
                 "under torch.inference_mode() (or detach it). It is a label, not a prediction",
                 kind="value")
        if not torch.equal(p.detach(), before_t[name]):
            fail(f"target_network.{name} changed during training_step(1) (trains_per_target_update "
                 "1000): only the online network is trained", kind="value")
    if all(torch.equal(p.detach(), before_q[n]) for n, p in trainer.q_network.named_parameters()):
        fail("q_network's weights did not change in training_step(1): backward, then "
             "optimizer.step()", kind="value")


def test_target_synced_every_n_steps(room):
    """trains_per_target_update 3: after steps 1 and 2 the target holds its old weights; after 3 it equals the online net; after 4 it still holds step 3's."""
    torch.manual_seed(fresh_seed(3))
    trainer = _trainer(room, "Probe4-v0", trains_per_target_update=3)
    _nudge(trainer.target_network, 3)
    old = copy.deepcopy(trainer.target_network.state_dict())

    def same(a, b):
        return all(torch.equal(a[k], b[k]) for k in a)

    for step in (1, 2, 3, 4):
        trainer.training_step(step)
        now = trainer.target_network.state_dict()
        if step < 3 and not same(now, old):
            fail(f"the target network changed at step {step}, expected a sync only when step % 3 "
                 "== 0", kind="value")
        if step == 3:
            if not same(now, trainer.q_network.state_dict()):
                fail("after training_step(3) with trains_per_target_update 3, the target network "
                     "differs from the online one: copy it with load_state_dict", kind="value")
            synced = copy.deepcopy(now)
            if trainer.target_network is trainer.q_network:
                fail("target_network is the same object as q_network: load the weights into "
                     "the target, don't rebind it", kind="value")
    if not same(trainer.target_network.state_dict(), synced):
        fail("the target network changed at step 4 (the next sync is at 6): it must hold still "
             "between syncs", kind="value")


def test_learns_probe3_and_probe5(room):
    """400 agent steps each (seeded): Probe3 reaches Q([0]) = gamma = 0.9, Q([1]) = 1; Probe5 reaches [[1, -1], [-1, 1]], within 0.05."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        results = []
        for i, (env_id, obs, want) in enumerate((
                ("Probe3-v0", [[0.0], [1.0]], [[GAMMA], [1.0]]),
                ("Probe5-v0", [[0.0], [1.0]], [[1.0, -1.0], [-1.0, 1.0]]))):
            progress(i, 2, f"training on {env_id}")
            trainer = _trainer(room, env_id, seed=1, fill=False, buffer_size=100,
                               trains_per_target_update=25)
            trainer.train()
            with torch.inference_mode():
                q = trainer.q_network(torch.tensor(obs))
            results.append((env_id, obs, q, torch.tensor(want), trainer.losses))
        progress(2, 2, "done")
    finally:
        torch.set_num_threads(threads)
    curve("Probe3: loss per training step", results[0][4])
    for env_id, obs, q, want, _ in results:
        note(f"{env_id}: Q at {obs} = {_rounded(q)}, true {_rounded(want)}")
    for env_id, obs, q, want, _ in results:
        assert_tensor_close(q, want, atol=0.05, rtol=0,
                            call=f"q_network({obs}) after training on {env_id}", dims="obs actions")
