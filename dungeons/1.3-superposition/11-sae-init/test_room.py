"""Cases for ToySAE's parts: shapes and trainable parameters, the kaiming-uniform draws,
the frozen model, tied weights sharing W_enc's storage, W_dec_normalized (unit rows,
eps, gradients) and generate_batch (the model's batch through its W)."""

import torch

from arena_dungeon.testing import assert_tensor_close, call, describe, fail
from toy_base import ToyModelConfig, ToySAEConfig
from toy_model import ToyModel


def _sae(room, n_inst=2, d_in=3, d_sae=5, feats=4, seed=0, **kw):
    torch.manual_seed(seed)
    model = ToyModel(ToyModelConfig(n_inst=n_inst, n_features=feats, d_hidden=d_in),
                     feature_probability=0.5)
    torch.manual_seed(seed + 100)
    return room.ToySAE(ToySAEConfig(n_inst=n_inst, d_in=d_in, d_sae=d_sae, **kw), model)


def _trainable(sae):
    return {n: p for n, p in sae.named_parameters() if p.requires_grad}


def test_parameter_shapes(room):
    """Untied, 2 instances, d_in 3, d_sae 5: trainable W_enc, _W_dec, b_enc, b_dec of the right shapes."""
    sae = _sae(room)
    params = _trainable(sae)
    expected = {"W_enc": (2, 3, 5), "_W_dec": (2, 5, 3), "b_enc": (2, 5), "b_dec": (2, 3)}
    got = {n: tuple(p.shape) for n, p in params.items()}
    if got != expected:
        fail(f"the SAE's trainable parameters are {got}, expected {expected}", kind="shape",
             details="nn.Parameter attributes named W_enc, _W_dec, b_enc, b_dec; the toy "
                     "model is kept as self.model with requires_grad_(False).")
    for name in ("b_enc", "b_dec"):
        if params[name].abs().max() != 0:
            fail(f"{name} starts at {describe(params[name])} with non-zero values, expected zeros")
    if any(p.requires_grad for p in sae.model.parameters()):
        fail("the toy model's parameters still require gradients", kind="value",
             details="self.model = model.requires_grad_(False): the SAE must not train it.")


def test_init_draws_match_kaiming_uniform(room):
    """With the same seed: W_enc then _W_dec equal nn.init.kaiming_uniform_ on empty tensors."""
    sae = _sae(room, seed=7)
    torch.manual_seed(107)
    W_enc = torch.nn.init.kaiming_uniform_(torch.empty((2, 3, 5)))
    W_dec = torch.nn.init.kaiming_uniform_(torch.empty((2, 5, 3)))
    assert_tensor_close(sae.W_enc.detach(), W_enc, call="W_enc after __init__ (seeded)",
                        dims="inst d_in d_sae")
    assert_tensor_close(sae._W_dec.detach(), W_dec, call="_W_dec after __init__ (seeded, drawn after W_enc)",
                        dims="inst d_sae d_in")


def test_tied_weights_share_storage(room):
    """tied_weights=True: no _W_dec; W_dec is W_enc transposed, and a gradient through it reaches W_enc."""
    sae = _sae(room, tied_weights=True)
    if getattr(sae, "_W_dec", "missing") is not None:
        fail(f"with tied weights, _W_dec is {describe(getattr(sae, '_W_dec', 'missing'))}, expected None",
             kind="value")
    if set(_trainable(sae)) != {"W_enc", "b_enc", "b_dec"}:
        fail(f"with tied weights the trainable parameters are {sorted(_trainable(sae))}, "
             "expected W_enc, b_enc, b_dec", kind="value")
    W_dec = sae.W_dec
    assert_tensor_close(W_dec.detach(), sae.W_enc.detach().transpose(-1, -2),
                        call="W_dec with tied weights", dims="inst d_sae d_in")
    (W_dec * torch.arange(15.0).reshape(1, 5, 3)).sum().backward()
    if sae.W_enc.grad is None:
        fail("a loss computed from W_dec gives W_enc no gradient", kind="value",
             details="Return self.W_enc.transpose(-1, -2): a view, still in the autograd graph.")
    assert_tensor_close(sae.W_enc.grad, torch.arange(15.0).reshape(5, 3).T.expand(2, 3, 5),
                        call="W_enc.grad after (W_dec * k).sum().backward()")


def test_w_dec_normalized_unit_rows(room):
    """Rows (3, 4, 0) and (0, 0, 2): divided by their norms plus eps, over d_in."""
    sae = _sae(room, n_inst=1, d_in=3, d_sae=2)
    with torch.no_grad():
        sae._W_dec.copy_(torch.tensor([[[3.0, 4.0, 0.0], [0.0, 0.0, 2.0]]]))
    got = sae.W_dec_normalized
    assert_tensor_close(got, torch.tensor([[[0.6, 0.8, 0.0], [0.0, 0.0, 1.0]]]), atol=1e-6,
                        call="W_dec_normalized for rows (3, 4, 0), (0, 0, 2)", dims="inst d_sae d_in")
    torch.manual_seed(3)
    sae = _sae(room, n_inst=2, d_in=4, d_sae=6, weight_normalize_eps=0.5)
    W = sae.W_dec.detach()
    assert_tensor_close(sae.W_dec_normalized.detach(), W / (W.norm(dim=-1, keepdim=True) + 0.5),
                        call="W_dec_normalized with weight_normalize_eps 0.5", atol=1e-6)


def test_w_dec_normalized_zero_row_and_gradient(room):
    """A zero row stays zero (no NaN), and the normalised decoder passes gradients to _W_dec."""
    sae = _sae(room, n_inst=1, d_in=2, d_sae=2)
    with torch.no_grad():
        sae._W_dec.copy_(torch.tensor([[[0.0, 0.0], [1.0, 1.0]]]))
    got = sae.W_dec_normalized
    if torch.isnan(got).any():
        fail("a zero decoder row gave NaN", kind="nan", details="Add cfg.weight_normalize_eps to the norm.")
    if not got.requires_grad:
        fail("W_dec_normalized is cut from the autograd graph", kind="value",
             details="Compute it from the parameter itself, without .data, .detach() or no_grad.")
    got.sum().backward()
    if sae._W_dec.grad is None or sae._W_dec.grad.abs().sum() == 0:
        fail("W_dec_normalized.sum().backward() gave _W_dec no gradient", kind="value")


def test_generate_batch_maps_features_to_hidden(room):
    """generate_batch(4) = the model's features (4, inst, feats) times its W, per instance."""
    sae = _sae(room, n_inst=2, d_in=3, feats=4)
    features = torch.rand(4, 2, 4)
    sae.model.generate_batch = lambda batch_size: features[:batch_size]
    h = call(sae.generate_batch, 4)
    expected = torch.stack([torch.stack([sae.model.W[i] @ features[b, i] for i in range(2)])
                            for b in range(4)])
    assert_tensor_close(h, expected.detach(), call="generate_batch(4)", dims="batch inst d_in", atol=1e-6)
