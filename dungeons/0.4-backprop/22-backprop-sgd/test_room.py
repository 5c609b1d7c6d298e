"""Cases for SGD: hand-checked step, generator input, in-place updates, a torch oracle."""

import numpy as np
import torch
import torch.nn.functional as F

import backprop_framework as framework  # the given module the player's file imports
from arena_dungeon.testing import describe, fail, load_asset_module

ref = load_asset_module(__file__, "framework_reference")


def _two_params(room):
    p1 = framework.Parameter(framework.Tensor([1.0]))
    p2 = framework.Parameter(framework.Tensor([2.0]))
    p1.grad, p2.grad = framework.Tensor([1.0]), framework.Tensor([2.0])
    return p1, p2


def test_one_step_hand_checked(room):
    """Parameters [1] and [2] with grads [1] and [2], lr 0.1: one step gives [0.9] and [1.8]."""
    p1, p2 = _two_params(room)
    room.SGD([p1, p2], lr=0.1).step()
    ref.check_array(p1.array, [0.9], call="p1 after one step")
    ref.check_array(p2.array, [1.8], call="p2 after one step")


def test_accepts_a_generator(room):
    """Built from a generator (like model.parameters()), a second step still updates."""
    p1, p2 = _two_params(room)
    opt = room.SGD((p for p in (p1, p2)), lr=0.1)
    opt.step()
    opt.step()
    ref.check_array(p1.array, [0.8], call="p1 after two steps with lr 0.1 and grad 1")
    ref.check_array(p2.array, [1.6], call="p2 after two steps with lr 0.1 and grad 2")


def test_updates_the_models_own_parameters(room):
    """After step() the model holds the same Parameter objects, updated, still leaves."""
    np.random.seed(0)
    layer = room.Linear(3, 2)
    weight, before = layer.weight, layer.weight.array.copy()
    opt = room.SGD(layer.parameters(), lr=0.5)
    layer(framework.Tensor(np.ones((4, 3)))).sum().backward()
    grad = layer.weight.grad.array.copy()
    opt.step()
    if layer.weight is not weight:
        fail("after step() layer.weight is a different object", kind="value")
    ref.check_array(layer.weight.array, before - 0.5 * grad,
                    call="layer.weight after one step with lr 0.5")
    if not weight.requires_grad or weight.recipe is not None:
        fail(f"after step() the weight has requires_grad={weight.requires_grad} and recipe="
             f"{describe(weight.recipe)}; it must stay a leaf that requires grad", kind="value",
             details="Do the update inside `with NoGrad():` so nothing is recorded.")
    if framework.grad_tracking_enabled is not True:
        fail("after step(), grad_tracking_enabled is still False: tracking must be switched "
             "back on (NoGrad's __exit__ does that for you)", kind="value")


def test_zero_grad_clears(room):
    """zero_grad() leaves every parameter's grad None (or all zeros)."""
    p1, p2 = _two_params(room)
    room.SGD([p1, p2], lr=0.1).zero_grad()
    for name, p in (("p1", p1), ("p2", p2)):
        if p.grad is not None and np.any(p.grad.array != 0):
            fail(f"after zero_grad(), {name}.grad is {p.grad.array}, expected None", kind="value")


def test_three_training_steps_match_torch(room):
    """Linear(4, 3) + cross-entropy, 3 steps of zero_grad/backward/step vs torch (lr 0.3)."""
    np.random.seed(1)
    layer = room.Linear(4, 3)
    tl = torch.nn.Linear(4, 3).double()
    with torch.no_grad():
        tl.weight.copy_(torch.tensor(layer.weight.array))
        tl.bias.copy_(torch.tensor(layer.bias.array))
    opt = room.SGD(layer.parameters(), lr=0.3)
    rng = np.random.default_rng(19)
    for _ in range(3):
        x = rng.normal(size=(5, 4)).astype(np.float32)
        y = rng.integers(0, 3, size=5)
        opt.zero_grad()
        loss = room.cross_entropy(layer(framework.Tensor(x)), framework.Tensor(y)).sum() / 5
        loss.backward()
        opt.step()
        tl.zero_grad()
        F.cross_entropy(tl(torch.tensor(x, dtype=torch.float64)), torch.tensor(y)).backward()
        with torch.no_grad():  # the oracle: torch's gradients, the textbook update
            for p in tl.parameters():
                p -= 0.3 * p.grad
    ref.check_array(layer.weight.array, tl.weight.detach().numpy(),
                    call="layer.weight after 3 steps", atol=1e-5)
    ref.check_array(layer.bias.array, tl.bias.detach().numpy(), call="layer.bias after 3 steps",
                    atol=1e-5)
