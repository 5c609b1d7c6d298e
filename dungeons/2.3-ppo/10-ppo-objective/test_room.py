"""Cases for PPOTrainer.compute_ppo_objective: its value on a fixed minibatch against the
three terms written out, gradients reaching both networks, and whole PPO runs on the five
probe environments of dungeon 2.2 (values for probes 1-3, actions for probes 4-5)."""

import torch
from contextlib import contextmanager

from arena_dungeon.testing import assert_number_close, fail, fresh_seed, note, progress
from ppo_agent import PPOArgs
from ppo_parts import ReplayMinibatch

GAMMA = 0.9
PROBE_ARGS = dict(gamma=GAMMA, seed=1, num_envs=4, num_steps_per_rollout=16, total_timesteps=64 * 6,
                  learning_rate=2e-2, num_minibatches=2, hidden=16)


@contextmanager
def one_thread():
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)


def _minibatch(seed):
    g = torch.Generator().manual_seed(seed)
    obs = torch.randn(16, 4, generator=g)
    return ReplayMinibatch(obs=obs, actions=torch.randint(0, 2, (16,), generator=g),
                           logprobs=torch.log(torch.rand(16, generator=g) * 0.5 + 0.25),
                           advantages=torch.randn(16, generator=g) * 2, returns=torch.randn(16, generator=g) + 1)


def _oracle(trainer, mb):
    a = trainer.args
    logp_all = torch.log_softmax(trainer.actor(mb.obs), -1)
    logp = logp_all.gather(-1, mb.actions[:, None]).squeeze(-1)
    ratio = (logp - mb.logprobs).exp()
    adv = (mb.advantages - mb.advantages.mean()) / (mb.advantages.std() + 1e-8)
    surrogate = torch.minimum(ratio * adv, ratio.clamp(1 - a.clip_coef, 1 + a.clip_coef) * adv).mean()
    values = trainer.critic(mb.obs)[:, 0]
    value_loss = 0.5 * a.vf_coef * ((values - mb.returns) ** 2).mean()
    entropy = -(logp_all.exp() * logp_all).sum(-1).mean()
    return float(surrogate - value_loss + a.ent_coef * entropy)


def test_objective_on_a_fixed_minibatch(room):
    """CartPole's networks, a random 16-row minibatch, vf_coef 0.5, ent_coef 0.1: the objective equals surrogate - 0.5 * vf_coef * MSE + ent_coef * mean entropy."""
    trainer = room.PPOTrainer(PPOArgs(seed=fresh_seed(0), num_envs=2, vf_coef=0.5, ent_coef=0.1, total_timesteps=1024))
    mb = _minibatch(fresh_seed(0))
    got = trainer.compute_ppo_objective(mb)
    with torch.no_grad():
        want = _oracle(trainer, mb)
    assert_number_close(got, want, atol=1e-5, call="compute_ppo_objective(random 16-row minibatch)")


def test_gradient_reaches_both_networks(room):
    """After objective.backward(), every parameter of the actor and of the critic has a non-zero gradient."""
    trainer = room.PPOTrainer(PPOArgs(seed=fresh_seed(1), num_envs=2, total_timesteps=1024))
    objective = trainer.compute_ppo_objective(_minibatch(fresh_seed(1)))
    if not isinstance(objective, torch.Tensor) or not objective.requires_grad:
        fail("compute_ppo_objective returned something without a gradient: return the tensor "
             "(no .item()), computed from the networks' outputs", kind="value")
    objective.backward()
    for name, net in (("actor", trainer.actor), ("critic", trainer.critic)):
        for pname, p in net.named_parameters():
            if p.grad is None or p.grad.abs().max() == 0:
                fail(f"{name}.{pname} got no gradient from the objective: recompute the {name}'s "
                     "outputs on minibatch.obs with gradients (nothing detached, no "
                     "inference_mode)", kind="value")


def _train_probe(room, env_id, obs):
    trainer = room.PPOTrainer(PPOArgs(env_id=env_id, **PROBE_ARGS))
    trainer.train()
    with torch.inference_mode():
        o = torch.tensor(obs)
        return trainer.critic(o).squeeze(-1), trainer.actor(o).softmax(-1)


def test_probes_learn_values(room):
    """Probes 1-3, 6 phases of 64 steps each: the critic's values reach the true ones within 0.08 (Probe1: 1; Probe2: the observation; Probe3: gamma = 0.9, then 1)."""
    cases = [("Probe1-v0", [[0.0]], [1.0]), ("Probe2-v0", [[-1.0], [1.0]], [-1.0, 1.0]),
             ("Probe3-v0", [[0.0], [1.0]], [GAMMA, 1.0])]
    with one_thread():
        for i, (env_id, obs, want) in enumerate(cases):
            progress(i, len(cases), f"training on {env_id}")
            values, _ = _train_probe(room, env_id, obs)
            note(f"{env_id}: V at {obs} = {[round(v, 3) for v in values.tolist()]} (true {want})")
            worst = (values - torch.tensor(want)).abs().max().item()
            if worst > 0.08:
                fail(f"after training on {env_id}, the critic gives {[round(v, 3) for v in values.tolist()]} "
                     f"at {obs}, expected {want} (within 0.08). The critic learns from the value loss: "
                     "subtracted from the objective, on critic(obs) squeezed to (minibatch,), against "
                     "minibatch.returns", kind="value")
        progress(len(cases), len(cases), "done")


def test_probes_learn_actions(room):
    """Probes 4-5, 6 phases of 64 steps each: the actor puts probability 0.9+ on the rewarded action (Probe4: action 1; Probe5: the action equal to the observation)."""
    cases = [("Probe4-v0", [[0.0]], [1]), ("Probe5-v0", [[0.0], [1.0]], [0, 1])]
    with one_thread():
        for i, (env_id, obs, best) in enumerate(cases):
            progress(i, len(cases), f"training on {env_id}")
            _, probs = _train_probe(room, env_id, obs)
            p_best = probs[torch.arange(len(best)), torch.tensor(best)]
            note(f"{env_id}: pi(best action) at {obs} = {[round(p, 3) for p in p_best.tolist()]}")
            if p_best.min().item() < 0.9:
                fail(f"after training on {env_id}, the actor gives the rewarded action probability "
                     f"{[round(p, 3) for p in p_best.tolist()]} at {obs}, expected 0.9 or more. The "
                     "actor learns from the clipped surrogate, added to the objective, on "
                     "Categorical(logits=actor(obs))", kind="value")
        progress(len(cases), len(cases), "done")
