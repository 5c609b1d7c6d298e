"""Cases for soft_update: a hand-checked mix of two one-number modules, every parameter of a
random network mixed by tau, tau 1 a copy and tau 0 nothing, the online network untouched, and
the target's own Parameter objects updated in place (an optimiser holding them still sees the
update)."""

import copy

import torch
from torch import nn

from arena_dungeon.testing import assert_tensor_close, fail


def _pair(seed):
    torch.manual_seed(seed)
    make = lambda: nn.Sequential(nn.Linear(3, 5), nn.ReLU(), nn.Linear(5, 2))  # noqa: E731
    return make(), make()


def _mixed(target, online, tau):
    return [tau * o.detach() + (1 - tau) * p.detach() for p, o in zip(target.parameters(), online.parameters())]


def test_one_number_hand_checked(room):
    """Target weight 10, online weight 0, tau 0.1: the target becomes 9; then 8.1 after a second call."""
    target, online = nn.Linear(1, 1, bias=False), nn.Linear(1, 1, bias=False)
    with torch.no_grad():
        target.weight.fill_(10.0)
        online.weight.fill_(0.0)
    for want in (9.0, 8.1):
        room.soft_update(target, online, 0.1)
        got = target.weight.item()
        if abs(got - want) > 1e-5:
            fail(f"soft_update(target (weight {want / 0.9:.3g}), online (weight 0), tau=0.1) left "
                 f"the target weight at {got:.4f}, expected {want}: tau of the online weight plus "
                 "1 - tau of the target's", kind="value")


def test_every_parameter_mixed(room):
    """Two random 3->5->2 MLPs, tau 0.3: each of the target's four parameter tensors becomes 0.3 online + 0.7 target."""
    target, online = _pair(0)
    want = _mixed(target, online, 0.3)
    room.soft_update(target, online, 0.3)
    for (name, p), w in zip(target.named_parameters(), want):
        assert_tensor_close(p.detach(), w, atol=1e-6, call=f"target.{name} after soft_update(tau=0.3)")


def test_tau_one_copies_tau_zero_keeps(room):
    """tau 1 makes the target a copy of the online network; tau 0 leaves it as it was."""
    target, online = _pair(1)
    before = copy.deepcopy(target)
    room.soft_update(target, online, 0.0)
    for (name, p), q in zip(target.named_parameters(), before.parameters()):
        assert_tensor_close(p.detach(), q.detach(), atol=1e-7, call=f"target.{name} after soft_update(tau=0)")
    room.soft_update(target, online, 1.0)
    for (name, p), q in zip(target.named_parameters(), online.parameters()):
        assert_tensor_close(p.detach(), q.detach(), atol=1e-7, call=f"target.{name} after soft_update(tau=1)")


def test_online_untouched(room):
    """soft_update(target, online, 0.5) leaves every parameter of the online network as it was."""
    target, online = _pair(2)
    before = copy.deepcopy(online)
    room.soft_update(target, online, 0.5)
    for (name, p), q in zip(online.named_parameters(), before.parameters()):
        if not torch.equal(p.detach(), q.detach()):
            fail(f"soft_update changed online.{name}: only the target moves (towards the online "
                 "network)", kind="mutation")


def test_updated_in_place(room):
    """The target keeps its own Parameter objects (an optimiser or a reference held elsewhere sees the new values), still leaves without a grad_fn."""
    target, online = _pair(3)
    held = list(target.parameters())
    want = _mixed(target, online, 0.25)
    room.soft_update(target, online, 0.25)
    now = list(target.parameters())
    if any(a is not b for a, b in zip(held, now)):
        fail("after soft_update the target holds new Parameter objects: update the existing ones "
             "in place (under torch.no_grad(), with mul_/add_, lerp_ or copy_)", kind="value")
    for (name, p), w in zip(target.named_parameters(), want):
        if p.grad_fn is not None or not p.requires_grad:
            fail(f"target.{name} is no longer a trainable leaf after soft_update: do the update "
                 "under torch.no_grad()", kind="value")
        assert_tensor_close(p.detach(), w, atol=1e-6, call=f"target.{name} (a reference held before soft_update)")
