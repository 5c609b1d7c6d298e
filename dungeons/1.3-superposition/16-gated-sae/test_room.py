"""Cases for GatedToySAE.forward: two inputs by hand, the gate deciding (not sizing),
every output against a slow oracle, L_aux detached from the decoder, gradients to the
magnitude parameters; then a gated and a standard SAE trained side by side (shrinkage)."""

import math

import torch

import sae_trainer
from arena_dungeon.testing import (as_number, assert_number_close, assert_tensor_close, fail, load_asset_module, note, progress, show_picture)
from toy_base import ToyModelConfig, ToySAEConfig
from toy_model import ToyModel

ref = load_asset_module(__file__, "reference")
KEYS = ("L_reconstruction", "L_sparsity", "L_aux")


def _sae(room, n_inst=2, d_in=3, d_sae=5, seed=0, **kw):
    torch.manual_seed(seed)
    model = ToyModel(ToyModelConfig(n_inst=n_inst, n_features=5, d_hidden=d_in), feature_probability=0.3)
    sae = room.GatedToySAE(ToySAEConfig(n_inst=n_inst, d_in=d_in, d_sae=d_sae, **kw), model)
    with torch.no_grad():
        for p in (sae.b_enc, sae.b_dec, sae.r_mag, sae.b_mag):
            p.normal_(0, 0.3)
    return sae


def _forward(sae, h, what):
    return ref.sae_forward(sae, h, what, KEYS)


def _oracle(sae, h):
    W_gate, b_gate, b_dec = sae.W_enc.detach(), sae.b_enc.detach(), sae.b_dec.detach()
    W_mag = sae.r_mag.detach().exp()[:, None, :] * W_gate
    b_mag = sae.b_mag.detach()
    W_dec = sae.W_dec.detach()
    W_dec = W_dec / (W_dec.norm(dim=-1, keepdim=True) + sae.cfg.weight_normalize_eps)
    B, n_inst, _ = h.shape
    acts = torch.zeros(B, n_inst, W_gate.shape[-1])
    rec, via = torch.zeros_like(h), torch.zeros_like(h)
    L_sp = torch.zeros(B, n_inst)
    for b in range(B):
        for i in range(n_inst):
            x = h[b, i] - b_dec[i]
            pg, pm = x @ W_gate[i] + b_gate[i], x @ W_mag[i] + b_mag[i]
            acts[b, i] = (pg > 0).float() * torch.relu(pm)
            rec[b, i] = acts[b, i] @ W_dec[i] + b_dec[i]
            via[b, i] = torch.relu(pg) @ W_dec[i] + b_dec[i]
            L_sp[b, i] = torch.relu(pg).sum()
    d = {"L_reconstruction": ((rec - h) ** 2).mean(-1), "L_sparsity": L_sp, "L_aux": ((via - h) ** 2).mean(-1)}
    loss = (d["L_reconstruction"] + sae.cfg.sparsity_coeff * d["L_sparsity"] + d["L_aux"]).mean(0).sum()
    return d, loss.item(), acts, rec


def _hand_sae(room):
    sae = _sae(room, n_inst=1, d_in=2, d_sae=2, sparsity_coeff=0.2)
    with torch.no_grad():
        sae.W_enc.copy_(torch.eye(2)[None])
        sae._W_dec.copy_(torch.eye(2)[None])
        sae.r_mag.copy_(torch.tensor([[0.0, math.log(2)]]))
        sae.b_enc.copy_(torch.tensor([[0.0, -0.5]]))
        sae.b_mag.copy_(torch.tensor([[0.1, -0.3]]))
        sae.b_dec.zero_()
    return sae


def test_two_inputs_by_hand(room):
    """h = [1, 1]: acts [1.1, 1.7], loss 0.675; h = [1, 0.4]: latent 1 gated off, acts [1.1, 0]."""
    sae = _hand_sae(room)
    d, loss, acts, rec = _forward(sae, torch.tensor([[[1.0, 1.0]]]), "h = [[[1, 1]]]")
    assert_tensor_close(acts, torch.tensor([[[1.1, 1.7]]]), call="acts for h = [1, 1]", dims="batch inst d_sae")
    for key, value in zip(KEYS, (0.25, 1.5, 0.125)):
        assert_tensor_close(d[key], torch.tensor([[value]]), call=f'loss_dict["{key}"] for h = [1, 1]')
    assert_number_close(as_number(loss), 0.675, call="loss for h = [1, 1] (0.25 + 0.2 x 1.5 + 0.125)")
    acts = _forward(sae, torch.tensor([[[1.0, 0.4]]]), "h = [[[1, 0.4]]]")[2]
    assert_tensor_close(acts, torch.tensor([[[1.1, 0.0]]]), call="acts for h = [1, 0.4] (pi_gate = [1, -0.1])",
                        dims="batch inst d_sae")


def test_gate_decides_magnitude_sizes(room):
    """pi_gate > 0 with pi_mag < 0 gives 0; a big pi_gate does not make a latent bigger."""
    sae = _hand_sae(room)
    with torch.no_grad():
        sae.b_mag.copy_(torch.tensor([[-2.0, 0.0]]))
        sae.b_enc.copy_(torch.tensor([[5.0, 5.0]]))
    acts = _forward(sae, torch.tensor([[[1.0, 0.5]]]), "h = [[[1, 0.5]]]")[2]
    assert_tensor_close(acts, torch.tensor([[[0.0, 1.0]]]), dims="batch inst d_sae",
                        call="acts with b_gate = [5, 5], b_mag = [-2, 0], h = [1, 0.5] (pi_mag = [-1, 1])")


def test_random_vs_oracle(room):
    """2 instances, d_in 3, d_sae 5, batch 6, random parameters: every output against a loop."""
    sae = _sae(room, seed=1, sparsity_coeff=0.3)
    h = torch.randn(6, 2, 3)
    d, loss, acts, rec = _forward(sae, h, "h (6, 2, 3)")
    ed, eloss, eacts, erec = _oracle(sae, h)
    assert_tensor_close(acts, eacts, call="acts", dims="batch inst d_sae", atol=1e-5)
    assert_tensor_close(rec, erec, call="h_reconstructed", dims="batch inst d_in", atol=1e-5)
    for key in KEYS:
        assert_tensor_close(d[key], ed[key], call=f'loss_dict["{key}"]', dims="batch inst", atol=1e-5)
    assert_number_close(as_number(loss), eloss, rtol=1e-5, call="loss")


def test_aux_loss_leaves_the_decoder_alone(room):
    """L_aux.sum().backward() gives _W_dec no gradient, and W_enc (the gate) some."""
    sae = _sae(room, seed=2)
    d = _forward(sae, torch.randn(5, 2, 3), "h (5, 2, 3)")[0]
    d["L_aux"].sum().backward()
    g = sae._W_dec.grad
    if g is not None and g.abs().max() > 0:
        fail("L_aux sends a gradient into the decoder (_W_dec)", kind="value",
             details="Decode ReLU(pi_gate) with self.W_dec_normalized.detach() and self.b_dec.detach().")
    if sae.W_enc.grad is None or sae.W_enc.grad.abs().max() == 0:
        fail("L_aux gives the gate's weights (W_enc) no gradient", kind="value",
             details="Use ReLU(pi_gate), a differentiable function of W_gate, not the 0/1 gate.")


def test_gradients_reach_magnitude(room):
    """loss.backward() reaches r_mag, b_mag, W_enc, b_enc, _W_dec and b_dec."""
    sae = _sae(room, seed=3)
    loss = _forward(sae, torch.randn(8, 2, 3), "h (8, 2, 3)")[1]
    loss.backward()
    for name in ("r_mag", "b_mag", "W_enc", "b_enc", "_W_dec", "b_dec"):
        if getattr(sae, name).grad is None:
            fail(f"after loss.backward(), {name}.grad is None", kind="value")


def _single_feature_length(sae, model):
    """Mean |h_reconstructed - b_dec·0| / |h| over inputs holding one feature at value 1."""
    with torch.no_grad():
        x = torch.eye(5)[:, None, :].expand(5, model.cfg.n_inst, 5)
        h = torch.einsum("bif,ihf->bih", x, model.W)
        rec = sae(h)[3]
        return ((rec * h).sum(-1) / (h * h).sum(-1)).mean().item()


def test_gated_vs_standard(room):
    """Gated and standard SAEs trained side by side on the pentagon toy model: shrinkage compared."""
    model = ref.load_toy("pentagon", ToyModel, n_inst=4)
    cfg = ToySAEConfig(n_inst=4, d_in=2, d_sae=5, sparsity_coeff=0.2)
    torch.manual_seed(0)
    gated = room.GatedToySAE(cfg, model)
    torch.manual_seed(0)
    standard = sae_trainer.ToySAE(cfg, model)
    ref.train_sae(gated, steps=500, report=lambda d, n: progress(d, 2 * n, "training the gated SAE"))
    ref.train_sae(standard, steps=500, report=lambda d, n: progress(n + d, 2 * n, "training a standard SAE"))
    W = gated.W_dec_normalized.detach()
    if not torch.isfinite(W).all():
        fail("training your gated SAE gave NaN decoder weights", kind="nan")
    show_picture(ref.grid([ref.sae_2d(model.W[0], W, per_row=4),
                           ref.sae_2d(model.W[0], standard.W_dec_normalized, per_row=4)], 1, gap=2),
                 "top: your gated SAE (4 instances); bottom: a standard SAE, same steps; "
                 "grey = true features")
    note(f"single-feature inputs rebuilt at {_single_feature_length(gated, model):.0%} of their length "
         f"by the gated SAE, {_single_feature_length(standard, model):.0%} by the standard one (L1 shrinkage)")
