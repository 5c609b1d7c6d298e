"""Cases for PPOScheduler and make_optimizer: the learning rate after each step (a straight
line from initial_lr to end_lr over total_phases calls), every param group updated, and the
optimiser: Adam over both networks' parameters, eps 1e-5, maximising."""

import torch
from torch import nn

from arena_dungeon.testing import assert_equal, assert_number_close, curve, fail


def _nets():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 2)), nn.Sequential(nn.Linear(4, 8), nn.Linear(8, 1))


def test_learning_rate_falls_in_a_line(room):
    """initial 1e-3, end 0, 4 phases: after 1, 2, 3, 4 step() calls the lr is 7.5e-4, 5e-4, 2.5e-4, 0."""
    opt = torch.optim.SGD([nn.Parameter(torch.zeros(1))], lr=1e-3)
    sched = room.PPOScheduler(opt, 1e-3, 0.0, 4)
    lrs = []
    for _ in range(4):
        sched.step()
        lrs.append(opt.param_groups[0]["lr"])
    curve("your learning rate after each scheduler step (1e-3 -> 0 over 4 phases)", lrs)
    for k, (got, want) in enumerate(zip(lrs, [7.5e-4, 5e-4, 2.5e-4, 0.0]), start=1):
        assert_number_close(got, want, atol=1e-12, call=f"optimizer lr after {k} step() call(s)")


def test_towards_a_nonzero_end(room):
    """initial 0.01, end 0.002, 8 phases: after 2 steps 0.008, after 8 steps 0.002."""
    opt = torch.optim.SGD([nn.Parameter(torch.zeros(1))], lr=0.01)
    sched = room.PPOScheduler(opt, 0.01, 0.002, 8)
    sched.step()
    sched.step()
    assert_number_close(opt.param_groups[0]["lr"], 0.008, atol=1e-12, call="lr after 2 of 8 steps (0.01 -> 0.002)")
    for _ in range(6):
        sched.step()
    assert_number_close(opt.param_groups[0]["lr"], 0.002, atol=1e-12, call="lr after 8 of 8 steps (0.01 -> 0.002)")


def test_every_param_group_is_updated(room):
    """An optimiser with two param groups: one step() sets both groups' lr."""
    opt = torch.optim.SGD([{"params": [nn.Parameter(torch.zeros(1))]}, {"params": [nn.Parameter(torch.zeros(1))]}], lr=1.0)
    room.PPOScheduler(opt, 1.0, 0.0, 2).step()
    got = [g["lr"] for g in opt.param_groups]
    if got != [0.5, 0.5]:
        fail(f"after one step of 2 (1.0 -> 0) the groups' lrs are {got}, expected [0.5, 0.5]: "
             "loop over optimizer.param_groups and set each one's 'lr'", kind="value")


def test_make_optimizer(room):
    """make_optimizer(actor, critic, 10, 2.5e-4): Adam over exactly the parameters of both networks, lr 2.5e-4, eps 1e-5, maximize=True, and a scheduler driving it."""
    actor, critic = _nets()
    opt, sched = room.make_optimizer(actor, critic, 10, 2.5e-4)
    if not isinstance(opt, torch.optim.Adam):
        fail(f"make_optimizer returned a {type(opt).__name__}, expected torch.optim.Adam", kind="type")
    got = {id(p) for g in opt.param_groups for p in g["params"]}
    want = {id(p) for p in [*actor.parameters(), *critic.parameters()]}
    if got != want:
        fail(f"the optimiser holds {len(got)} parameter tensors, expected the {len(want)} of the actor "
             "and the critic together (one optimiser trains both)", kind="value")
    group = opt.param_groups[0]
    assert_number_close(group["lr"], 2.5e-4, atol=1e-12, call="the optimiser's starting lr")
    assert_number_close(group["eps"], 1e-5, atol=1e-12, call="Adam's eps")
    assert_equal(bool(group["maximize"]), True, call="the optimiser's maximize flag (the PPO objective "
                 "is maximised)")
    sched.step()
    assert_number_close(group["lr"], 2.25e-4, atol=1e-12, call="the lr after one step of the returned scheduler "
                        "(2.5e-4 -> 0 over 10 phases)")
