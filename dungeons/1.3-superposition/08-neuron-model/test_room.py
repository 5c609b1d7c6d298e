"""Cases for NeuronModel.forward: the hidden ReLU by hand, the bias inside the output ReLU,
instances kept apart (vs a loop), leading batch dims; then 7 instances trained from dense
to sparse and drawn as neuron x feature heatmaps."""

import torch

from arena_dungeon.testing import (assert_tensor_close, call, load_asset_module, note,
                                   progress, show_picture)
from toy_base import ToyModelConfig

ref = load_asset_module(__file__, "reference")


def _model(room, W, b, **kw):
    n_inst, d_hidden, feats = W.shape
    model = room.NeuronModel(ToyModelConfig(n_inst=n_inst, n_features=feats, d_hidden=d_hidden), **kw)
    with torch.no_grad():
        model.W.copy_(W)
        model.b_final.copy_(b)
    return model


def _oracle(x, W, b):
    return ref.toy_forward_loop(x, W, b, hidden_relu=True)


def test_hidden_relu_by_hand(room):
    """W = [[1, -1]], b_final = [0.1, 0.2], x = [0, 1]: the neuron is ReLU(-1) = 0, out = [0.1, 0.2]."""
    model = _model(room, torch.tensor([[[1.0, -1.0]]]), torch.tensor([[0.1, 0.2]]))
    got = call(model, torch.tensor([[[0.0, 1.0]]]))
    assert_tensor_close(got, torch.tensor([[[0.1, 0.2]]]), call="forward(x = [[[0, 1]]])",
                        dims="batch inst feats")


def test_bias_inside_output_relu(room):
    """A negative b_final cuts a positive readout to zero: ReLU(Wᵀh + b)."""
    W = torch.tensor([[[1.0, 0.5, -0.5]]])
    b = torch.tensor([[-0.2, -1.0, 0.3]])
    x = torch.tensor([[[1.0, 0.0, 0.0]], [[0.0, 0.0, 1.0]]])
    got = call(_model(room, W, b), x)
    assert_tensor_close(got, _oracle(x, W, b), call="forward(x) with b_final = [-0.2, -1, 0.3]",
                        dims="batch inst feats")


def test_instances_vs_loop(room):
    """3 instances, 4 neurons, 7 features, batch 6: against a per-instance loop."""
    torch.manual_seed(0)
    W, b = torch.randn(3, 4, 7), torch.randn(3, 7) * 0.3
    x = torch.rand(6, 3, 7)
    assert_tensor_close(call(_model(room, W, b), x), _oracle(x, W, b), atol=1e-5,
                        call="forward(x) with x (6, 3, 7)", dims="batch inst feats")


def test_any_leading_batch_dims(room):
    """Input (2, 3, inst, feats) and input (inst, feats)."""
    torch.manual_seed(1)
    W, b = torch.randn(2, 3, 5), torch.randn(2, 5) * 0.3
    model = _model(room, W, b)
    for x, dims in ((torch.rand(2, 3, 2, 5), "b1 b2 inst feats"), (torch.rand(2, 5), "inst feats")):
        assert_tensor_close(call(model, x), _oracle(x, W, b), atol=1e-5, dims=dims,
                            call=f"forward(x) with x {tuple(x.shape)}")


def test_trained_neurons(room):
    """7 instances, 10 features, 5 neurons, p from 0.75 to 0.01: more features fit as they get sparse."""
    p = torch.tensor([0.75, 0.35, 0.15, 0.1, 0.06, 0.02, 0.01])
    torch.manual_seed(0)
    model = room.NeuronModel(ToyModelConfig(n_inst=7, n_features=10, d_hidden=5),
                             feature_probability=p[:, None], importance=0.75 ** torch.arange(10))
    ref.train_toy(model, steps=500, batch_size=256, lr=0.05, seed=0,
                  lr_scale=lambda s, n: 1 - s / n, report=lambda d, n: progress(d, n, "training"))
    W = model.W.detach()
    show_picture(ref.grid([ref.signed_heatmap(w, cell=2, vmax=1.2) for w in W], 3, gap=2),
                 "W per instance, p = 0.75 (top left) to 0.01: rows = 5 neurons, columns = 10 "
                 "features by importance (red +, blue -)")
    counts = ref.columns_represented(W)
    note("features represented (column norm > 0.5), dense to sparse: " + " ".join(map(str, counts.tolist())))
