"""Cases for SGD: hand-checked momentum and weight decay, clearing gradients, a generator of
parameters, skipping parameters with no gradient, and three configurations against
torch.optim.SGD on a small MLP trained on two moons."""

import torch

from arena_dungeon.testing import assert_tensor_close, fail, load_asset_module

ref = load_asset_module(__file__, "reference")


def _linear_loss_steps(room, w0, g, n_steps, **kwargs):
    """Optimise loss = (g * w).sum() (gradient g everywhere); w after each step."""
    w = torch.nn.Parameter(torch.tensor(w0))
    opt = ref.optimizer_or_fail(lambda _: room.SGD([w], **kwargs), None, f"SGD([w], {kwargs})")
    out = []
    for _ in range(n_steps):
        opt.zero_grad()
        (torch.tensor(g) * w).sum().backward()
        opt.step()
        out.append(w.detach().clone())
    return out


def test_momentum_hand_checked(room):
    """Gradient (1, 2) every step, lr=0.1, momentum=0.9: steps of 0.1*g then 0.19*g."""
    got = _linear_loss_steps(room, [1.0, -2.0], [1.0, 2.0], 2, lr=0.1, momentum=0.9)
    assert_tensor_close(got[0], torch.tensor([0.9, -2.2]),
                        call="w after step 1 of SGD(lr=0.1, momentum=0.9) (the buffer starts as g)")
    assert_tensor_close(got[1], torch.tensor([0.71, -2.58]),
                        call="w after step 2 of SGD(lr=0.1, momentum=0.9) (buffer = 0.9*g + g)")


def test_weight_decay_hand_checked(room):
    """Zero loss gradient, weight_decay=0.5, lr=0.1: each step shrinks w by a factor 0.95."""
    got = _linear_loss_steps(room, [1.0, -2.0], [0.0, 0.0], 2, lr=0.1, weight_decay=0.5)
    assert_tensor_close(got[1], torch.tensor([1.0, -2.0]) * 0.95 ** 2,
                        call="w after 2 steps of SGD(lr=0.1, weight_decay=0.5) with a zero gradient")


def test_zero_grad_clears_gradients(room):
    """After backward then zero_grad, every .grad is None or all zeros."""
    model = ref.make_net(0)
    opt = ref.optimizer_or_fail(lambda m: room.SGD(m.parameters(), lr=0.1), model, "SGD(params, lr=0.1)")
    x, _ = ref.two_moons(16)
    model(x).sum().backward()
    opt.zero_grad()
    for name, p in model.named_parameters():
        if p.grad is not None and p.grad.abs().sum() != 0:
            fail(f"after zero_grad(), `{name}.grad` still holds the old gradient", kind="value",
                 details="backward() adds into .grad; zero_grad must clear it (p.grad = None).")


def test_parameters_from_a_generator(room):
    """SGD(model.parameters(), ...) must keep working on the second step (store a list)."""
    model = ref.make_net(1)
    opt = ref.optimizer_or_fail(lambda m: room.SGD(m.parameters(), lr=0.1), model, "SGD(params, lr=0.1)")
    x, y = ref.two_moons(32)
    for step in (1, 2):
        before = [p.detach().clone() for p in model.parameters()]
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        opt.step()
        if all(torch.equal(b, p) for b, p in zip(before, model.parameters())):
            fail(f"step {step} did not move any parameter", kind="value",
                 details="model.parameters() is a generator: it can be looped over only once. "
                         "Keep `list(params)` in __init__.")


def test_parameter_without_gradient_is_skipped(room):
    """A parameter whose .grad is None is left alone (no error)."""
    used = torch.nn.Parameter(torch.tensor([1.0, 1.0]))
    unused = torch.nn.Parameter(torch.tensor([5.0]))
    opt = room.SGD([used, unused], lr=0.1, momentum=0.9, weight_decay=0.1)
    for _ in range(2):
        opt.zero_grad()
        used.sum().backward()
        try:
            opt.step()
        except (TypeError, AttributeError, RuntimeError) as e:
            fail(f"step() failed on a parameter whose .grad is None: {type(e).__name__}: {e}",
                 kind="exception", details="Skip parameters with `p.grad is None`, as torch does.")
    assert_tensor_close(unused.detach(), torch.tensor([5.0]),
                        call="a parameter that never got a gradient, after 2 steps")


def _against_torch(room, **kwargs):
    label = "SGD(" + ", ".join(f"{k}={v}" for k, v in kwargs.items()) + ")"
    ref.compare_with_torch(
        ref.make_net,
        lambda m: ref.optimizer_or_fail(lambda mm: room.SGD(mm.parameters(), **kwargs), m, label),
        lambda m: torch.optim.SGD(m.parameters(), **kwargs),
        label)


def test_plain_sgd_matches_torch(room):
    """lr=0.1, no momentum, no decay: six mini-batch steps against torch.optim.SGD."""
    _against_torch(room, lr=0.1)


def test_momentum_matches_torch(room):
    """lr=0.05, momentum=0.9: six steps against torch.optim.SGD."""
    _against_torch(room, lr=0.05, momentum=0.9)


def test_momentum_and_weight_decay_match_torch(room):
    """lr=0.1, momentum=0.7, weight_decay=0.05: six steps against torch.optim.SGD."""
    _against_torch(room, lr=0.1, momentum=0.7, weight_decay=0.05)


def test_gradient_left_as_backward_made_it(room):
    """SGD(lr=0.1, momentum=0.5, weight_decay=0.2): after step(), each .grad still holds the
    loss gradient backward() put there; the decay term is added to a new tensor, not into
    .grad."""
    w = torch.nn.Parameter(torch.tensor([1.0, -2.0, 3.0]))
    opt = ref.optimizer_or_fail(lambda _: room.SGD([w], lr=0.1, momentum=0.5, weight_decay=0.2),
                                None, "SGD([w], lr=0.1, momentum=0.5, weight_decay=0.2)")
    g = torch.tensor([0.5, 1.0, -1.5])
    (g * w).sum().backward()
    opt.step()
    assert_tensor_close(w.grad, g, call="w.grad after backward() then step()")
    assert_tensor_close(w.detach(), torch.tensor([1.0, -2.0, 3.0]) - 0.1 * (g + 0.2 * torch.tensor([1.0, -2.0, 3.0])),
                        call="w after one step")
