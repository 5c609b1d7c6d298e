"""Cases for DoubleDQNTrainer.training_step: a hand-checked target where the two networks
disagree on the best next action, three steps against an oracle, no future after terminated,
no gradient into the target network and the sync every trains_per_target_update steps, and
less overestimation than plain DQN on a world where every action is worth 0."""

import copy

import numpy as np
import torch
from torch import nn

from arena_dungeon.testing import fresh_seed, assert_number_close, assert_tensor_close, fail, note
from dqn_agent import DQNArgs
from dqn_parts import ReplayBuffer

GAMMA = 0.9
STEPS = 150


def _trainer(room, env_id="Probe5-v0", **kw):
    settings = dict(env_id=env_id, seed=0, buffer_size=64, batch_size=16, total_timesteps=400,
                    learning_rate=0.01, gamma=GAMMA, steps_per_train=1, trains_per_target_update=1000,
                    exploration_fraction=0.5, hidden_sizes=[8])
    settings.update(kw)
    return room.DoubleDQNTrainer(DQNArgs(**settings))


def _buffer(obs, actions, rewards, terminated, next_obs, seed=0):
    buffer = ReplayBuffer(1, (np.shape(obs)[-1],), (), len(rewards), seed)
    buffer.add(np.asarray(obs, dtype=np.float32), np.asarray(actions), np.asarray(rewards, dtype=np.float32),
               np.asarray(terminated, dtype=bool), np.asarray(next_obs, dtype=np.float32))
    return buffer


def _linear(weight, bias):
    layer = nn.Linear(1, len(bias))
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(weight).reshape(-1, 1))
        layer.bias.copy_(torch.tensor(bias))
    return layer


def _random_buffer(seed, n=64, num_actions=2):
    rng = np.random.default_rng(seed)
    return _buffer(rng.uniform(-1, 1, (n, 1)), rng.integers(0, num_actions, n), rng.normal(size=n),
                   rng.random(n) < 0.3, rng.uniform(-1, 1, (n, 1)), seed)


def test_online_chooses_target_scores(room):
    """One transition ([0.], action 0, reward 1, next [1.]); online Q(next) = [1, 2] picks action 1, target Q(next) = [5, 3] scores it 3: target 1 + 0.9 x 3 = 3.7, loss 3.7^2 = 13.69 (plain DQN: 30.25)."""
    trainer = _trainer(room)
    trainer.buffer = _buffer([[0.0]], [0], [1.0], [False], [[1.0]])
    trainer.q_network = _linear([1.0, 2.0], [0.0, 0.0])
    trainer.target_network = _linear([5.0, 3.0], [0.0, 0.0])
    trainer.optimizer = torch.optim.SGD(trainer.q_network.parameters(), lr=0.0)
    got = float(trainer.training_step(1))
    if abs(got - 13.69) > 1e-4:
        known = {30.25: " (30.25: the target network chose the action too; that is plain DQN)",
                 7.84: " (7.84: the online network also scored the action)",
                 23.04: " (23.04: the target network chose and the online one scored)"}
        extra = next((why for value, why in known.items() if abs(got - value) < 1e-3), "")
        fail(f"training_step on the hand-made transition returned the loss {got:.4f}, expected "
             f"13.69{extra}", kind="value")


def test_three_steps_against_an_oracle(room):
    """64 random transitions (2 actions, 30% terminated), target off the online network: three steps return the oracle's losses and leave the same weights."""
    trainer = _trainer(room)
    trainer.buffer = _random_buffer(0)
    g = torch.Generator().manual_seed(fresh_seed(1))
    with torch.no_grad():
        for p in trainer.target_network.parameters():
            p.add_(torch.randn(p.shape, generator=g) * 0.5)
    buffer, online = copy.deepcopy(trainer.buffer), copy.deepcopy(trainer.q_network)
    opt = torch.optim.Adam(online.parameters(), lr=0.01)
    want = []
    for _ in range(3):
        b = buffer.sample(16)
        with torch.no_grad():
            choice = online(b.next_obs).argmax(-1)
            future = trainer.target_network(b.next_obs)[torch.arange(16), choice]
        y = b.rewards + GAMMA * future * (~b.terminated).float()
        loss = ((online(b.obs)[torch.arange(16), b.actions] - y) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        want.append(loss.item())
    for step in (1, 2, 3):
        assert_number_close(trainer.training_step(step), want[step - 1], atol=1e-5, rtol=1e-4,
                            call=f"training_step({step})")
    for (name, p), q in zip(trainer.q_network.named_parameters(), online.parameters()):
        assert_tensor_close(p.detach(), q.detach(), atol=1e-5, rtol=1e-4,
                            call=f"q_network.{name} after three steps")


def test_no_future_after_terminated(room):
    """Every transition terminated with reward 1: the loss is mean (1 - Q(obs)[action])^2 whatever either network says about the next state."""
    trainer = _trainer(room)
    trainer.buffer = _buffer([[0.0]], [1], [1.0], [True], [[1.0]])
    trainer.q_network = _linear([0.0, 7.0], [0.5, -0.5])
    trainer.target_network = _linear([9.0, 8.0], [3.0, 3.0])
    trainer.optimizer = torch.optim.SGD(trainer.q_network.parameters(), lr=0.0)
    got = float(trainer.training_step(1))
    if abs(got - 2.25) > 1e-4:
        fail(f"on a terminated transition (reward 1, Q(obs)[1] = -0.5) training_step returned "
             f"the loss {got:.4f}, expected (1 - (-0.5))^2 = 2.25: no future after the end",
             kind="value")


def test_target_frozen_between_syncs(room):
    """trains_per_target_update 2: the target network gets no gradient and keeps its weights at step 1, equals the online network after step 2."""
    trainer = _trainer(room, trains_per_target_update=2)
    trainer.buffer = _random_buffer(2)
    with torch.no_grad():
        for p in trainer.target_network.parameters():
            p.mul_(-1)
    before = copy.deepcopy(trainer.target_network.state_dict())
    trainer.training_step(1)
    for name, p in trainer.target_network.named_parameters():
        if p.grad is not None and p.grad.abs().sum() > 0:
            fail(f"target_network.{name} has a gradient after a training step: compute the whole "
                 "TD target (the choice and the score) without gradients", kind="value")
        if not torch.equal(p.detach(), before[name]):
            fail(f"target_network.{name} changed at step 1 (sync every 2)", kind="value")
    trainer.training_step(2)
    for (name, p), q in zip(trainer.target_network.named_parameters(), trainer.q_network.parameters()):
        if not torch.equal(p.detach(), q.detach()):
            fail(f"after step 2 (sync every 2) target_network.{name} differs from the online "
                 "network: load_state_dict at step % trains_per_target_update == 0", kind="value")


def test_less_overestimation(room):
    """Ten actions, every reward noise around 0 and every transition continuing (gamma 0.9): after 150 steps your mean Q is lower than plain DQN's, which the max over noisy estimates inflates."""
    rng = np.random.default_rng(5)
    n = 256
    buffer = _buffer(rng.uniform(-1, 1, (n, 1)), rng.integers(0, 10, n), rng.normal(0, 1, n),
                     np.zeros(n, dtype=bool), rng.uniform(-1, 1, (n, 1)), seed=5)
    probe = torch.linspace(-1, 1, 21)[:, None]
    means, threads = {}, torch.get_num_threads()
    torch.set_num_threads(1)
    for kind in ("plain", "double"):
        trainer = _trainer(room, hidden_sizes=[32], trains_per_target_update=20, batch_size=32)
        trainer.q_network = nn.Sequential(nn.Linear(1, 32), nn.ReLU(), nn.Linear(32, 10))
        torch.manual_seed(fresh_seed(6))
        for p in trainer.q_network.parameters():
            nn.init.normal_(p, std=0.3)
        trainer.target_network = copy.deepcopy(trainer.q_network)
        trainer.optimizer = torch.optim.Adam(trainer.q_network.parameters(), lr=0.01)
        trainer.buffer = copy.deepcopy(buffer)
        if kind == "plain":
            def plain_step(step, tr=trainer):
                b = tr.buffer.sample(32)
                with torch.no_grad():
                    y = b.rewards + GAMMA * tr.target_network(b.next_obs).max(-1).values
                loss = ((tr.q_network(b.obs)[torch.arange(32), b.actions] - y) ** 2).mean()
                tr.optimizer.zero_grad()
                loss.backward()
                tr.optimizer.step()
                if step % 20 == 0:
                    tr.target_network.load_state_dict(tr.q_network.state_dict())
            step_fn = plain_step
        else:
            step_fn = trainer.training_step
        for step in range(1, STEPS + 1):
            step_fn(step)
        with torch.no_grad():
            means[kind] = trainer.q_network(probe).mean().item()
    torch.set_num_threads(threads)
    note(f"mean Q after {STEPS} steps on pure noise (true value 0): plain DQN {means['plain']:.3f}, "
         f"yours {means['double']:.3f}")
    if means["double"] > means["plain"] - 0.05:
        fail(f"on a world where every action is worth 0, your mean Q after {STEPS} steps is "
             f"{means['double']:.3f}, plain DQN's {means['plain']:.3f}: Double DQN should "
             "overestimate clearly less (the online network chooses, the target network scores)",
             kind="value")
