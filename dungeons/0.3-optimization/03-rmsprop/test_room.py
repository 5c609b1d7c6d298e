"""Cases for RMSprop: a hand-checked first step (no bias correction), zero_grad, and four
configurations against torch.optim.RMSprop on a small MLP trained on two moons."""

import torch

from arena_dungeon.testing import assert_tensor_close, fail, load_asset_module

ref = load_asset_module(__file__, "reference")


def _steps(room, w0, g, n_steps, **kwargs):
    w = torch.nn.Parameter(torch.tensor(w0))
    opt = ref.optimizer_or_fail(lambda _: room.RMSprop([w], **kwargs), None, f"RMSprop([w], {kwargs})")
    out = []
    for _ in range(n_steps):
        opt.zero_grad()
        (torch.tensor(g) * w).sum().backward()
        opt.step()
        out.append(w.detach().clone())
    return out


def test_first_step_hand_checked(room):
    """Gradient (1, -4), lr=0.01, alpha=0.99: v = 0.01 g^2, so the first step is 0.1 * sign(g)."""
    got = _steps(room, [1.0, -2.0], [1.0, -4.0], 1, lr=0.01, alpha=0.99)
    assert_tensor_close(got[0], torch.tensor([0.9, -1.9]),
                        call="w after one step of RMSprop(lr=0.01, alpha=0.99) with gradient (1, -4)")


def test_second_step_hand_checked(room):
    """Same gradient again: v = 0.0199 g^2, so the second step is 0.01 / sqrt(0.0199) ~ 0.0709."""
    got = _steps(room, [1.0, -2.0], [1.0, -4.0], 2, lr=0.01, alpha=0.99)
    move = 0.1 + 0.01 / 0.0199 ** 0.5
    assert_tensor_close(got[1], torch.tensor([1.0 - move, -2.0 + move]),
                        call="w after two steps of RMSprop(lr=0.01, alpha=0.99) with gradient (1, -4)")


def test_zero_grad_clears_gradients(room):
    """After backward then zero_grad, every .grad is None or all zeros."""
    model = ref.make_net(0)
    opt = ref.optimizer_or_fail(lambda m: room.RMSprop(m.parameters()), model, "RMSprop(params)")
    x, _ = ref.two_moons(16)
    model(x).sum().backward()
    opt.zero_grad()
    for name, p in model.named_parameters():
        if p.grad is not None and p.grad.abs().sum() != 0:
            fail(f"after zero_grad(), `{name}.grad` still holds the old gradient", kind="value")


def _against_torch(room, **kwargs):
    label = "RMSprop(" + ", ".join(f"{k}={v}" for k, v in kwargs.items()) + ")"
    ref.compare_with_torch(
        ref.make_net,
        lambda m: ref.optimizer_or_fail(lambda mm: room.RMSprop(mm.parameters(), **kwargs), m, label),
        lambda m: torch.optim.RMSprop(m.parameters(), **kwargs),
        label)


def test_defaults_match_torch(room):
    """lr=0.01 and every other argument at its default: six steps against torch.optim.RMSprop."""
    _against_torch(room, lr=0.01)


def test_alpha_matches_torch(room):
    """lr=0.005, alpha=0.9: six steps against torch.optim.RMSprop."""
    _against_torch(room, lr=0.005, alpha=0.9)


def test_momentum_matches_torch(room):
    """lr=0.003, alpha=0.95, momentum=0.8: six steps against torch.optim.RMSprop."""
    _against_torch(room, lr=0.003, alpha=0.95, momentum=0.8)


def test_weight_decay_and_momentum_match_torch(room):
    """lr=0.003, alpha=0.95, weight_decay=0.1, momentum=0.5: six steps against torch."""
    _against_torch(room, lr=0.003, alpha=0.95, weight_decay=0.1, momentum=0.5)


def test_gradient_left_as_backward_made_it(room):
    """RMSprop(lr=0.01, weight_decay=0.2): after step(), .grad still holds the loss gradient backward() put there;
    the decay term goes into a new tensor, not into .grad."""
    w = torch.nn.Parameter(torch.tensor([1.0, -2.0, 3.0]))
    opt = ref.optimizer_or_fail(lambda _: room.RMSprop([w], lr=0.01, weight_decay=0.2), None, "RMSprop([w], lr=0.01, weight_decay=0.2)")
    g = torch.tensor([0.5, 1.0, -1.5])
    (g * w).sum().backward()
    opt.step()
    assert_tensor_close(w.grad, g, call="w.grad after backward() then step()")
