"""Cases for calc_entropy_bonus: a uniform policy (log of the number of actions), a
deterministic one (0), a random minibatch against -sum p log p, and the gradient pushing
towards uniform (a bonus, maximised)."""

import math

import torch
from torch.distributions import Categorical

from arena_dungeon.testing import assert_number_close, call, fail, fresh_seed


def test_uniform_policy(room):
    """Three rows, each uniform over 4 actions, ent_coef 0.01: 0.01 * log 4."""
    got = call(room.calc_entropy_bonus, Categorical(logits=torch.zeros(3, 4)), 0.01)
    assert_number_close(got, 0.01 * math.log(4), atol=1e-7,
                        call="calc_entropy_bonus(uniform over 4 actions, ent_coef=0.01)")


def test_certain_policy_has_no_bonus(room):
    """Rows that put (almost) all probability on one action: the bonus is (almost) 0."""
    logits = torch.tensor([[50.0, 0.0, 0.0], [0.0, 0.0, 50.0]])
    got = call(room.calc_entropy_bonus, Categorical(logits=logits), 1.0)
    assert_number_close(got, 0.0, atol=1e-6, call="calc_entropy_bonus(a near-certain policy, ent_coef=1)")


def test_random_minibatch(room):
    """A random minibatch of 32 distributions over 5 actions, ent_coef 0.05: 0.05 * mean over rows of -sum p log p (natural log)."""
    g = torch.Generator().manual_seed(fresh_seed(0))
    logits = torch.randn(32, 5, generator=g) * 2
    p = logits.softmax(-1)
    want = 0.05 * float(-(p * p.log()).sum(-1).mean())
    got = call(room.calc_entropy_bonus, Categorical(logits=logits), 0.05)
    assert_number_close(got, want, atol=1e-6, call="calc_entropy_bonus(random 32 x 5 logits, ent_coef=0.05)")


def test_gradient_ascent_flattens_the_policy(room):
    """One step of gradient ascent on the bonus, from logits [2, 0, -1], makes the policy more uniform (its entropy rises)."""
    logits = torch.tensor([[2.0, 0.0, -1.0]], requires_grad=True)
    bonus = room.calc_entropy_bonus(Categorical(logits=logits), 0.1)
    if not isinstance(bonus, torch.Tensor) or not bonus.requires_grad:
        fail("the bonus carries no gradient: compute it from dist.entropy() with torch operations",
             kind="value")
    bonus.backward()
    before = float(Categorical(logits=logits.detach()).entropy())
    after = float(Categorical(logits=logits.detach() + 5.0 * logits.grad).entropy())
    if after <= before:
        fail(f"a step up the gradient of your bonus took the entropy from {before:.4f} to "
             f"{after:.4f}: the bonus must grow with the entropy (it is added to an objective we "
             "maximise; ent_coef is positive)", kind="value")
