"""Cases for ToyModel.forward: a one-instance model checked by hand, the bias inside the
ReLU, instances kept apart (vs a per-instance loop), any leading batch dims, gradients."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, fail, load_asset_module
from toy_base import ToyModelConfig

ref = load_asset_module(__file__, "reference")


def _model(room, W, b):
    """The player's ToyModel with W (inst, d_hidden, feats) and b_final (inst, feats) set."""
    n_inst, d_hidden, feats = W.shape
    model = room.ToyModel(ToyModelConfig(n_inst=n_inst, n_features=feats, d_hidden=d_hidden))
    with torch.no_grad():
        model.W.copy_(W)
        model.b_final.copy_(b)
    return model


def _oracle(x, W, b):
    return ref.toy_forward_loop(x, W, b)


def test_single_instance_by_hand(room):
    """W = [[1, -1]], b_final = [0.25, 0.5], x = [1, 0]: h = 1, out = ReLU([1.25, -0.5]) = [1.25, 0]."""
    model = _model(room, torch.tensor([[[1.0, -1.0]]]), torch.tensor([[0.25, 0.5]]))
    x = torch.tensor([[[1.0, 0.0]]])
    got = call(model, x)
    assert_tensor_close(got, torch.tensor([[[1.25, 0.0]]]), call="forward(x = [[[1, 0]]])",
                        dims="batch inst feats")


def test_bias_inside_the_relu(room):
    """A negative bias must be able to cut a positive pre-activation to zero: ReLU(Wᵀh + b)."""
    W = torch.tensor([[[1.0, 0.5, 0.0]]])
    b = torch.tensor([[-0.2, -1.0, 0.3]])
    model = _model(room, W, b)
    x = torch.tensor([[[1.0, 0.0, 0.0]], [[0.0, 1.0, 0.0]]])
    got = call(model, x)
    expected = _oracle(x, W, b)  # [[0.8, 0, 0.3], [0.3, 0, 0.3]]
    assert_tensor_close(got, expected, call="forward(x) with b_final = [-0.2, -1, 0.3]",
                        dims="batch inst feats")


def test_instances_have_their_own_weights(room):
    """3 instances, d_hidden 3, 7 features, batch 6: instance i only uses W[i] and b_final[i]."""
    torch.manual_seed(fresh_seed(0))
    W = torch.randn(3, 3, 7)
    b = torch.randn(3, 7) * 0.3
    model = _model(room, W, b)
    x = torch.rand(6, 3, 7)
    got = call(model, x)
    assert_tensor_close(got, _oracle(x, W, b), call="forward(x) with x (6, 3, 7), 3 instances",
                        dims="batch inst feats", atol=1e-5)


def test_any_leading_batch_dims(room):
    """Input (2, 4, inst, feats) and input (inst, feats) with no batch dim at all."""
    torch.manual_seed(fresh_seed(1))
    W = torch.randn(2, 2, 5)
    b = torch.randn(2, 5) * 0.3
    model = _model(room, W, b)
    x = torch.rand(2, 4, 2, 5)
    assert_tensor_close(call(model, x), _oracle(x, W, b), call="forward(x) with x (2, 4, 2, 5)",
                        dims="b1 b2 inst feats", atol=1e-5)
    x1 = torch.rand(2, 5)
    assert_tensor_close(call(model, x1), _oracle(x1, W, b), call="forward(x) with x (2, 5)",
                        dims="inst feats", atol=1e-5)


def test_gradients_reach_W_and_b(room):
    """out.sum().backward() gives W and b_final gradients equal to autograd on the oracle."""
    torch.manual_seed(fresh_seed(2))
    W = torch.randn(2, 2, 4)
    b = torch.randn(2, 4) * 0.3
    model = _model(room, W, b)
    x = torch.rand(5, 2, 4)
    out = model(x)
    if not isinstance(out, torch.Tensor) or not out.requires_grad:
        fail("forward(x) returned a tensor that autograd cannot trace back to W and b_final",
             kind="value", details="No .data, .detach() or torch.no_grad() in the forward pass.")
    out.sum().backward()
    Wr, br = W.clone().requires_grad_(True), b.clone().requires_grad_(True)
    _oracle_grad = torch.relu(torch.einsum("nih,ihf->nif", torch.einsum("nif,ihf->nih", x, Wr), Wr) + br)
    _oracle_grad.sum().backward()
    for name, got, exp in (("W", model.W.grad, Wr.grad), ("b_final", model.b_final.grad, br.grad)):
        if got is None:
            fail(f"after out.sum().backward(), model.{name}.grad is None", kind="value",
                 details="Use the parameter itself in the forward pass, not a detached copy.")
        assert_tensor_close(got, exp, call=f"model.{name}.grad after out.sum().backward()",
                            atol=1e-5)
