"""Cases for NeuronComputationModel: the abs circuit by hand, forward against a loop,
batches in [-1, 1) with the right frequencies, the |batch| target and the reductions;
then 3 instances trained on the player's methods, checked on fresh data and drawn."""

import torch

from arena_dungeon.testing import (as_number, assert_number_close, assert_shape,
                                   assert_tensor_close, call, fail, load_asset_module, note,
                                   progress, show_picture)
from toy_base import ToyModelConfig

ref = load_asset_module(__file__, "reference")


def _model(room, n_inst=1, feats=1, d_hidden=2, **kw):
    cfg = ToyModelConfig(n_inst=n_inst, n_features=feats, d_hidden=d_hidden)
    return room.NeuronComputationModel(cfg, **kw)


def _set(model, W1, W2, b):
    with torch.no_grad():
        model.W1.copy_(W1)
        model.W2.copy_(W2)
        model.b_final.copy_(b)
    return model


def _oracle_forward(x, W1, W2, b):
    flat = x.reshape(-1, *x.shape[-2:])
    out = torch.zeros_like(flat)
    for n in range(flat.shape[0]):
        for i in range(W1.shape[0]):
            out[n, i] = torch.relu(W2[i] @ torch.relu(W1[i] @ flat[n, i]) + b[i])
    return out.reshape(x.shape)


def _oracle_loss(out, batch, imp):
    return (imp * (batch.abs() - out) ** 2).mean(dim=(0, 2)).sum().item()


def test_abs_circuit_by_hand(room):
    """W1 = [[1], [-1]], W2 = [[1, 1]], b = 0: x = -0.5, 0.5, 0 give 0.5, 0.5, 0."""
    model = _set(_model(room), torch.tensor([[[1.0], [-1.0]]]), torch.tensor([[[1.0, 1.0]]]),
                 torch.zeros(1, 1))
    x = torch.tensor([[[-0.5]], [[0.5]], [[0.0]]])
    assert_tensor_close(call(model, x), torch.tensor([[[0.5]], [[0.5]], [[0.0]]]),
                        call="forward(x = -0.5, 0.5, 0) with the abs circuit", dims="batch inst feats")


def test_forward_vs_loop(room):
    """3 instances, 6 features, 4 neurons, batch 5 (and a batch of shape (2, 2)): against a loop."""
    torch.manual_seed(0)
    W1, W2, b = torch.randn(3, 4, 6), torch.randn(3, 6, 4), torch.randn(3, 6) * 0.3
    model = _set(_model(room, 3, 6, 4), W1, W2, b)
    for x in (torch.rand(5, 3, 6) * 2 - 1, torch.rand(2, 2, 3, 6) * 2 - 1):
        assert_tensor_close(call(model, x), _oracle_forward(x, W1, W2, b), atol=1e-5,
                            call=f"forward(x) with x {tuple(x.shape)}")


def test_generate_batch_signs_and_range(room):
    """p = 1: every value in [-1, 1), half of them negative, |x| uniform (mean 0.5)."""
    model = _model(room, 2, 5, 3, feature_probability=1.0)
    torch.manual_seed(1)
    x = call(model.generate_batch, 10_000)
    assert_shape(x, (10_000, 2, 5), call="generate_batch(10000)", dims="batch inst feats")
    if x.min() < -1 or x.max() >= 1:
        fail(f"values range from {x.min():.3f} to {x.max():.3f}, expected [-1, 1)", kind="value")
    neg = (x < 0).float().mean().item()
    if abs(neg - 0.5) > 0.02:
        fail(f"{neg:.1%} of the values are negative, expected half (uniform in [-1, 1))",
             kind="value", details="2 * torch.rand(...) - 1 is uniform in [-1, 1).")
    ref.check_uniform_magnitudes(x.abs(), "|generate_batch(10000)|")


def test_generate_batch_frequency(room):
    """Instances with p = 0.1, 0.4, 0.8: the share of non-zeros matches each p."""
    p = torch.tensor([0.1, 0.4, 0.8])
    model = _model(room, 3, 4, 2, feature_probability=p[:, None])
    torch.manual_seed(2)
    x = call(model.generate_batch, 20_000)
    assert_shape(x, (20_000, 3, 4), call="generate_batch(20000)", dims="batch inst feats")
    share = (x != 0).float().mean(0)
    ref.check_share(share, p[:, None].expand_as(share), "share of rows in which a feature is present",
                    tol=0.02)


def test_loss_target_is_abs(room):
    """batch [[-1, 0.5]], out [[1, 0.5]]: a perfect |x|, loss 0; then a random case vs the oracle."""
    model = _model(room, 1, 2, 2)
    got = call(model.calculate_loss, torch.tensor([[[1.0, 0.5]]]), torch.tensor([[[-1.0, 0.5]]]))
    assert_number_close(as_number(got), 0.0, atol=1e-7,
                        call="calculate_loss(out=[[[1, 0.5]]], batch=[[[-1, 0.5]]])")
    torch.manual_seed(3)
    imp = torch.rand(2, 3)
    model = _model(room, 2, 3, 2, importance=imp)
    out, batch = torch.rand(4, 2, 3), torch.rand(4, 2, 3) * 2 - 1
    assert_number_close(as_number(call(model.calculate_loss, out, batch)), _oracle_loss(out, batch, imp),
                        rtol=1e-5, call="calculate_loss(out, batch) with importance (2, 3)")


def test_loss_reductions(room):
    """3 identical instances score 3x one; repeating the batch rows keeps the loss."""
    torch.manual_seed(4)
    out, batch = torch.rand(6, 1, 3), torch.rand(6, 1, 3) * 2 - 1
    one = as_number(call(_model(room, 1, 3, 2).calculate_loss, out, batch))
    three = as_number(call(_model(room, 3, 3, 2).calculate_loss, out.repeat(1, 3, 1), batch.repeat(1, 3, 1)))
    rows = as_number(call(_model(room, 1, 3, 2).calculate_loss, out.repeat(2, 1, 1), batch.repeat(2, 1, 1)))
    assert_number_close(three, 3 * one, rtol=1e-5, call="calculate_loss on 3 copies of one instance")
    assert_number_close(rows, one, rtol=1e-5, call="calculate_loss with every batch row twice")


def test_trained_computes_abs(room):
    """3 instances (p = 0.5, 0.1, 0.02), 8 features, 8 neurons: the dense one learns |x| well."""
    p = torch.tensor([0.5, 0.1, 0.02])
    torch.manual_seed(0)
    model = _model(room, 3, 8, 8, feature_probability=p[:, None], importance=0.85 ** torch.arange(8))
    ref.train_toy(model, steps=800, batch_size=256, lr=0.02, seed=0,
                  lr_scale=lambda s, n: 1 - s / n, report=lambda d, n: progress(d, n, "training"))
    gen = torch.Generator().manual_seed(99)
    shape = (4000, 3, 8)
    x = torch.where(torch.rand(shape, generator=gen) <= p[:, None], 2 * torch.rand(shape, generator=gen) - 1, 0.0)
    with torch.no_grad():
        out = model(x)
    err = (model.importance * (x.abs() - out) ** 2).mean(dim=(0, 2))
    base = (model.importance * x.abs() ** 2).mean(dim=(0, 2))
    ratio = err / base
    show_picture(ref.grid([ref.signed_heatmap(w, cell=3, vmax=1.5) for w in model.W1.detach()], 3, gap=2),
                 "W1 per instance, p = 0.5, 0.1, 0.02: rows = 8 neurons, columns = 8 features "
                 "(red +, blue -); a feature read by a red and a blue neuron is an abs circuit")
    note("error on fresh data as a share of predicting 0 (lower is better): "
         + ", ".join(f"p={q:.2f}: {r:.2f}" for q, r in zip(p.tolist(), ratio.tolist())))
    if not ratio[0] < 0.5:
        fail(f"after training on your batches and loss, the densest instance's error on fresh "
             f"data is {ratio[0]:.2f} of predicting 0; a model that learned |x| gets below 0.5",
             kind="value")
