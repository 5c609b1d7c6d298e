"""Cases for Adam: hand-checked first steps (bias correction), an eps that matters, a
parameter without gradient, zero_grad, and three configurations against torch.optim.Adam
on a small MLP trained on two moons."""

import torch

from arena_dungeon.testing import assert_tensor_close, fail, load_asset_module, note

ref = load_asset_module(__file__, "reference")


def _steps(room, w0, grads, **kwargs):
    """Optimise loss = (g_k * w).sum() at step k; w after each step."""
    w = torch.nn.Parameter(torch.tensor(w0))
    opt = ref.optimizer_or_fail(lambda _: room.Adam([w], **kwargs), None, f"Adam([w], {kwargs})")
    out = []
    for g in grads:
        opt.zero_grad()
        (torch.tensor(g) * w).sum().backward()
        opt.step()
        out.append(w.detach().clone())
    return out


def test_first_steps_hand_checked(room):
    """Constant gradient (0.5, -3), lr=0.1: bias correction makes every step exactly lr * sign(g)."""
    got = _steps(room, [1.0, -2.0], [[0.5, -3.0]] * 3, lr=0.1)
    for k, w in enumerate(got, start=1):
        assert_tensor_close(w, torch.tensor([1.0 - 0.1 * k, -2.0 + 0.1 * k]),
                            call=f"w after step {k} of Adam(lr=0.1) with gradient (0.5, -3) every step")


def test_gradient_flips_sign_hand_checked(room):
    """Gradients (1,) then (-1,), lr=0.1, betas (0.5, 0.5): step 2 moves by 0.1 * (1/3)/1 = 0.0333."""
    got = _steps(room, [0.0], [[1.0], [-1.0]], lr=0.1, betas=(0.5, 0.5))
    # step 1: m_hat = 1, v_hat = 1 -> w = -0.1
    # step 2: m = 0.5*0.5 - 0.5 = -0.25, m_hat = -0.25/0.75 = -1/3; v = 0.25 + 0.5 = 0.75, v_hat = 1
    assert_tensor_close(got[0], torch.tensor([-0.1]), call="w after step 1 of Adam(lr=0.1, betas=(0.5, 0.5))")
    assert_tensor_close(got[1], torch.tensor([-0.1 + 0.1 / 3]),
                        call="w after step 2 (gradient 1 then -1) of Adam(lr=0.1, betas=(0.5, 0.5))")


def test_eps_outside_the_square_root(room):
    """Tiny gradient 1e-4 with eps=1e-3: the step is lr * 1e-4 / (1e-4 + 1e-3)."""
    got = _steps(room, [0.0], [[1e-4]], lr=1.0, eps=1e-3)
    assert_tensor_close(got[0], torch.tensor([-1e-4 / (1e-4 + 1e-3)]), atol=1e-6,
                        call="w after one step of Adam(lr=1.0, eps=1e-3) with gradient 1e-4")


def test_parameter_without_gradient_is_skipped(room):
    """A parameter whose .grad is None is left alone (no error)."""
    used = torch.nn.Parameter(torch.tensor([1.0, 1.0]))
    unused = torch.nn.Parameter(torch.tensor([5.0]))
    opt = room.Adam([used, unused], lr=0.1, weight_decay=0.1)
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


def test_zero_grad_clears_gradients(room):
    """After backward then zero_grad, every .grad is None or all zeros."""
    model = ref.make_net(0)
    opt = ref.optimizer_or_fail(lambda m: room.Adam(m.parameters()), model, "Adam(params)")
    x, _ = ref.two_moons(16)
    model(x).sum().backward()
    opt.zero_grad()
    for name, p in model.named_parameters():
        if p.grad is not None and p.grad.abs().sum() != 0:
            fail(f"after zero_grad(), `{name}.grad` still holds the old gradient", kind="value")


def _against_torch(room, **kwargs):
    label = "Adam(" + ", ".join(f"{k}={v}" for k, v in kwargs.items()) + ")"
    ref.compare_with_torch(
        ref.make_net,
        lambda m: ref.optimizer_or_fail(lambda mm: room.Adam(mm.parameters(), **kwargs), m, label),
        lambda m: torch.optim.Adam(m.parameters(), **kwargs),
        label)


def test_defaults_match_torch(room):
    """lr=0.01, betas and eps at their defaults: six steps against torch.optim.Adam."""
    _against_torch(room, lr=0.01)


def test_betas_match_torch(room):
    """lr=0.005, betas=(0.8, 0.95): six steps against torch.optim.Adam."""
    _against_torch(room, lr=0.005, betas=(0.8, 0.95))


def test_weight_decay_matches_torch(room):
    """lr=0.005, betas=(0.85, 0.9), weight_decay=0.1 (added to the gradient): six steps."""
    _against_torch(room, lr=0.005, betas=(0.85, 0.9), weight_decay=0.1)
    x, y = ref.two_moons(256, seed=7)
    losses = []
    model = ref.make_net()
    opt = room.Adam(model.parameters(), lr=0.01)
    for _ in range(40):
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    acc = (model(x).argmax(-1) == y).float().mean().item()
    note(f"your Adam(lr=0.01), 40 full-batch steps on two moons: loss {losses[0]:.3f} -> "
         f"{losses[-1]:.3f}, accuracy {acc:.0%}")


def test_gradient_left_as_backward_made_it(room):
    """Adam(lr=0.01, weight_decay=0.2): after step(), .grad still holds the loss gradient backward() put there;
    the decay term goes into a new tensor, not into .grad."""
    w = torch.nn.Parameter(torch.tensor([1.0, -2.0, 3.0]))
    opt = ref.optimizer_or_fail(lambda _: room.Adam([w], lr=0.01, weight_decay=0.2), None, "Adam([w], lr=0.01, weight_decay=0.2)")
    g = torch.tensor([0.5, 1.0, -1.5])
    (g * w).sum().backward()
    opt.step()
    assert_tensor_close(w.grad, g, call="w.grad after backward() then step()")
