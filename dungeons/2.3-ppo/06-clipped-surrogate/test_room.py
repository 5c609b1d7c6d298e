"""Cases for calc_clipped_surrogate_objective: a hand-checked minibatch with ratios inside
and outside the clip range, the advantages normalised (shifting and scaling them changes
nothing), the gradient stopping only where the clip protects, and a random minibatch
against an element-by-element oracle."""

import torch
from torch.distributions import Categorical

from arena_dungeon.testing import assert_number_close, as_number, call, fail, fresh_seed


def _oracle(logits, actions, advantages, old_logprobs, clip):
    new = torch.log_softmax(logits, -1).gather(-1, actions[:, None]).squeeze(-1)
    ratio = (new - old_logprobs).exp()
    a = (advantages - advantages.mean()) / (advantages.std() + 1e-8)
    total = 0.0
    for r, adv in zip(ratio.tolist(), a.tolist()):
        capped = min(r, 1 + clip) if adv > 0 else max(r, 1 - clip)   # the pessimistic side
        total += capped * adv
    return total / len(ratio)


def _minibatch(ratios, advantages):
    """Two actions, uniform new policy (log 0.5); old logprobs chosen so ratio = the given values."""
    n = len(ratios)
    logits = torch.zeros(n, 2, requires_grad=True)
    actions = torch.zeros(n, dtype=torch.long)
    old = torch.log(torch.tensor(0.5)) - torch.log(torch.tensor(ratios))
    return logits, actions, torch.tensor(advantages), old


def test_hand_checked_minibatch(room):
    """Ratios 0.5, 0.9, 1.1, 1.5 with advantages +1, -1, +1, -1 (already mean 0), clip 0.2: the objective is the oracle's mean of min(r A, clip(r) A)."""
    logits, actions, adv, old = _minibatch([0.5, 0.9, 1.1, 1.5], [1.0, -1.0, 1.0, -1.0])
    got = call(room.calc_clipped_surrogate_objective, Categorical(logits=logits), actions, adv, old, 0.2)
    want = _oracle(logits.detach(), actions, adv, old, 0.2)
    assert_number_close(got, want, atol=1e-5, call="calc_clipped_surrogate_objective(ratios [0.5, "
                        "0.9, 1.1, 1.5], advantages [1, -1, 1, -1], clip 0.2)")


def test_advantages_are_normalised(room):
    """Advantages A and 10 A + 5 give the same objective: they are normalised over the minibatch (minus the mean, over the std) first."""
    g = torch.Generator().manual_seed(fresh_seed(0))
    logits = torch.randn(16, 3, generator=g)
    actions = torch.randint(0, 3, (16,), generator=g)
    old = torch.log_softmax(logits + 0.3 * torch.randn(16, 3, generator=g), -1).gather(-1, actions[:, None]).squeeze(-1)
    adv = torch.randn(16, generator=g)
    fn = room.calc_clipped_surrogate_objective
    base = as_number(fn(Categorical(logits=logits), actions, adv, old, 0.2), call="the objective for A")
    moved = as_number(fn(Categorical(logits=logits), actions, 10 * adv + 5, old, 0.2),
                      call="the objective for 10 A + 5")
    if abs(base - moved) > 1e-4:
        fail(f"the objective is {base:.5f} for advantages A and {moved:.5f} for 10 A + 5, expected "
             "the same: normalise the advantages over the minibatch, (A - mean) / (std + eps), so "
             "their scale and offset don't set the step size", kind="value")


def test_gradient_stops_only_where_clipped(room):
    """Positive advantages: a sample whose ratio already rose past 1 + clip gets no gradient, but one whose ratio fell below 1 - clip still does (the min never clips a move the wrong way)."""
    logits, actions, adv, old = _minibatch([1.5, 0.5, 1.0, 1.0], [2.0, 2.0, -1.0, -3.0])
    objective = room.calc_clipped_surrogate_objective(Categorical(logits=logits), actions, adv, old, 0.2)
    torch.as_tensor(objective).backward()
    if logits.grad is None:
        fail("no gradient reached the logits: compute the ratio from probs.log_prob(mb_action) "
             "without detaching it", kind="value")
    grads = logits.grad.abs().sum(-1)
    if grads[0] > 1e-7:
        fail(f"sample 0 (ratio 1.5, advantage > 0) got a gradient of size {grads[0]:.4f}, expected 0: "
             "past 1 + clip_coef the clipped term is smaller, and the min picks it (constant in the "
             "ratio)", kind="value")
    if grads[1] < 1e-4:
        fail("sample 1 (ratio 0.5, advantage > 0) got no gradient: below 1 - clip_coef the unclipped "
             "term r * A is the smaller one, so the min keeps it and the gradient flows. Take "
             "min(r * A, clip(r) * A), not the clipped term alone", kind="value")


def test_random_minibatch_against_oracle(room):
    """A random minibatch (64 rows, 4 actions, old policy perturbed so some ratios leave [0.9, 1.1]), clip 0.1: the oracle's value."""
    g = torch.Generator().manual_seed(fresh_seed(1))
    logits = torch.randn(64, 4, generator=g)
    actions = torch.randint(0, 4, (64,), generator=g)
    old = torch.log_softmax(logits + 0.5 * torch.randn(64, 4, generator=g), -1).gather(-1, actions[:, None]).squeeze(-1)
    adv = torch.randn(64, generator=g) * 3 + 1
    got = call(room.calc_clipped_surrogate_objective, Categorical(logits=logits), actions, adv, old, 0.1)
    assert_number_close(got, _oracle(logits, actions, adv, old, 0.1), atol=1e-5,
                        call="calc_clipped_surrogate_objective(random 64-row minibatch, clip 0.1)")
