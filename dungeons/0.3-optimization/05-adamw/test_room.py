"""Cases for AdamW: decoupled decay hand-checked (alone, and with a gradient), and three
configurations against torch.optim.AdamW on a small MLP trained on two moons."""

import torch

from arena_dungeon.testing import assert_tensor_close, fail, load_asset_module

ref = load_asset_module(__file__, "reference")


def _steps(room, w0, grads, **kwargs):
    w = torch.nn.Parameter(torch.tensor(w0))
    opt = ref.optimizer_or_fail(lambda _: room.AdamW([w], **kwargs), None, f"AdamW([w], {kwargs})")
    out = []
    for g in grads:
        opt.zero_grad()
        (torch.tensor(g) * w).sum().backward()
        opt.step()
        out.append(w.detach().clone())
    return out


def test_decay_alone_hand_checked(room):
    """Zero gradient, lr=0.1, weight_decay=0.5: each step only shrinks w by a factor 0.95."""
    got = _steps(room, [1.0, -2.0], [[0.0, 0.0]] * 2, lr=0.1, weight_decay=0.5)
    assert_tensor_close(got[0], torch.tensor([0.95, -1.9]),
                        call="w after one step of AdamW(lr=0.1, weight_decay=0.5) with a zero gradient")
    assert_tensor_close(got[1], torch.tensor([0.9025, -1.805]),
                        call="w after two steps of AdamW(lr=0.1, weight_decay=0.5) with a zero gradient")


def test_decay_plus_adam_step_hand_checked(room):
    """Gradient (2, 2), lr=0.1, weight_decay=0.5: w -> 0.95 w - 0.1 (decay, then a unit Adam step)."""
    got = _steps(room, [1.0, -2.0], [[2.0, 2.0]], lr=0.1, weight_decay=0.5)
    assert_tensor_close(got[0], torch.tensor([0.85, -2.0]),
                        call="w after one step of AdamW(lr=0.1, weight_decay=0.5) with gradient (2, 2)")


def test_zero_grad_clears_gradients(room):
    """After backward then zero_grad, every .grad is None or all zeros."""
    model = ref.make_net(0)
    opt = ref.optimizer_or_fail(lambda m: room.AdamW(m.parameters()), model, "AdamW(params)")
    x, _ = ref.two_moons(16)
    model(x).sum().backward()
    opt.zero_grad()
    for name, p in model.named_parameters():
        if p.grad is not None and p.grad.abs().sum() != 0:
            fail(f"after zero_grad(), `{name}.grad` still holds the old gradient", kind="value")


def _against_torch(room, **kwargs):
    label = "AdamW(" + ", ".join(f"{k}={v}" for k, v in kwargs.items()) + ")"
    ref.compare_with_torch(
        ref.make_net,
        lambda m: ref.optimizer_or_fail(lambda mm: room.AdamW(mm.parameters(), **kwargs), m, label),
        lambda m: torch.optim.AdamW(m.parameters(), **kwargs),
        label)


def test_no_decay_matches_torch(room):
    """lr=0.01, weight_decay=0 (plain Adam): six steps against torch.optim.AdamW."""
    _against_torch(room, lr=0.01, weight_decay=0.0)


def test_decay_matches_torch(room):
    """lr=0.01, weight_decay=0.1: six steps against torch.optim.AdamW."""
    _against_torch(room, lr=0.01, weight_decay=0.1)


def test_betas_and_strong_decay_match_torch(room):
    """lr=0.005, betas=(0.8, 0.95), weight_decay=0.5: six steps against torch.optim.AdamW."""
    _against_torch(room, lr=0.005, betas=(0.8, 0.95), weight_decay=0.5)
