"""Cases for JumpReLUToySAE.forward: an example by hand, every output against a slow oracle
(the JumpReLU coefficient used), the thresholds trained by the L0 term and not the encoder,
gradients; then training on the pentagon toy model, with the learned thresholds noted."""

import math

import torch

from arena_dungeon.testing import (as_number, assert_number_close, assert_tensor_close, fail, load_asset_module, note, progress, show_picture)
from toy_base import ToyModelConfig, ToySAEConfig
from toy_model import ToyModel

ref = load_asset_module(__file__, "reference")


def _sae(room, n_inst=2, d_in=3, d_sae=5, seed=0, **kw):
    torch.manual_seed(seed)
    model = ToyModel(ToyModelConfig(n_inst=n_inst, n_features=5, d_hidden=d_in), feature_probability=0.3)
    kw = {"jumprelu_init_threshold": 0.3, "jumprelu_bandwidth": 0.2, **kw}
    sae = room.JumpReLUToySAE(ToySAEConfig(n_inst=n_inst, d_in=d_in, d_sae=d_sae, **kw), model)
    with torch.no_grad():
        sae.b_enc.normal_(0, 0.3)
        sae.b_dec.normal_(0, 0.3)
    return sae


def _forward(sae, h, what):
    return ref.sae_forward(sae, h, what)


def _oracle(sae, h):
    W_enc, b_enc, b_dec = sae.W_enc.detach(), sae.b_enc.detach(), sae.b_dec.detach()
    W_dec = sae.W_dec.detach()
    W_dec = W_dec / (W_dec.norm(dim=-1, keepdim=True) + sae.cfg.weight_normalize_eps)
    theta = sae.log_threshold.detach().exp()
    pre = torch.einsum("bid,ids->bis", h - b_dec, W_enc) + b_enc
    on = (pre > theta).float()
    acts = pre * on
    rec = torch.einsum("bis,isd->bid", acts, W_dec) + b_dec
    d = {"L_reconstruction": ((rec - h) ** 2).mean(-1), "L_sparsity": on.sum(-1)}
    loss = (d["L_reconstruction"] + sae.cfg.jumprelu_sparsity_coeff * d["L_sparsity"]).mean(0).sum()
    return d, loss.item(), acts, rec


def test_one_instance_by_hand(room):
    """W_enc = W_dec = I, biases 0, threshold 0.5, h = [1, 0.3]: acts [1, 0], loss 0.045 + 0.1 x 1."""
    sae = _sae(room, n_inst=1, d_in=2, d_sae=2, jumprelu_sparsity_coeff=0.1)
    with torch.no_grad():
        sae.W_enc.copy_(torch.eye(2)[None])
        sae._W_dec.copy_(torch.eye(2)[None])
        sae.b_enc.zero_()
        sae.b_dec.zero_()
        sae.log_threshold.fill_(math.log(0.5))
    d, loss, acts, rec = _forward(sae, torch.tensor([[[1.0, 0.3]]]), "h = [[[1, 0.3]]]")
    assert_tensor_close(acts, torch.tensor([[[1.0, 0.0]]]), call="acts for h = [1, 0.3], threshold 0.5",
                        dims="batch inst d_sae")
    assert_tensor_close(d["L_reconstruction"], torch.tensor([[0.045]]), call='loss_dict["L_reconstruction"]')
    assert_tensor_close(d["L_sparsity"], torch.tensor([[1.0]]), call='loss_dict["L_sparsity"] (one latent on)')
    assert_number_close(as_number(loss), 0.145, call="loss (0.045 + 0.1 x 1)")


def test_random_vs_oracle(room):
    """2 instances, d_in 3, d_sae 5, batch 7; sparsity_coeff 0.7 but jumprelu_sparsity_coeff 0.05."""
    sae = _sae(room, seed=1, sparsity_coeff=0.7, jumprelu_sparsity_coeff=0.05)
    with torch.no_grad():
        sae.log_threshold.uniform_(-2.0, 0.0)
    h = torch.randn(7, 2, 3)
    d, loss, acts, rec = _forward(sae, h, "h (7, 2, 3)")
    ed, eloss, eacts, erec = _oracle(sae, h)
    assert_tensor_close(acts, eacts, call="acts", dims="batch inst d_sae", atol=1e-5)
    assert_tensor_close(rec, erec, call="h_reconstructed", dims="batch inst d_in", atol=1e-5)
    for key in ed:
        assert_tensor_close(d[key], ed[key], call=f'loss_dict["{key}"]', dims="batch inst", atol=1e-5)
    assert_number_close(as_number(loss), eloss, rtol=1e-5, call="loss (with jumprelu_sparsity_coeff 0.05)")


def test_sparsity_trains_the_threshold(room):
    """L_sparsity.sum().backward(): log_threshold gets a gradient, W_enc none (L0 moves thresholds only)."""
    sae = _sae(room, seed=2, jumprelu_bandwidth=1.0)
    d = _forward(sae, torch.randn(16, 2, 3), "h (16, 2, 3)")[0]
    if not d["L_sparsity"].requires_grad:
        fail('loss_dict["L_sparsity"] has no gradient', kind="value",
             details="Count active latents with Heaviside.apply(pre, threshold, bandwidth), which has an STE gradient.")
    d["L_sparsity"].sum().backward()
    if sae.log_threshold.grad is None or sae.log_threshold.grad.abs().max() == 0:
        fail("the L0 term gives log_threshold no gradient", kind="value",
             details="Pass self.threshold (computed from log_threshold) to Heaviside.apply.")
    if sae.W_enc.grad is not None and sae.W_enc.grad.abs().max() > 0:
        fail("the L0 term sends a gradient into W_enc", kind="value",
             details="Heaviside gives no gradient to its input: the penalty acts on thresholds only.")


def test_reconstruction_trains_encoder_and_threshold(room):
    """loss.backward() reaches W_enc, _W_dec, b_enc, b_dec and log_threshold."""
    sae = _sae(room, seed=3, jumprelu_bandwidth=1.0)
    _forward(sae, torch.randn(16, 2, 3), "h (16, 2, 3)")[1].backward()
    for name in ("W_enc", "_W_dec", "b_enc", "b_dec", "log_threshold"):
        if getattr(sae, name).grad is None:
            fail(f"after loss.backward(), {name}.grad is None", kind="value")


def test_trains_on_the_pentagon(room):
    """The pentagon toy model, 4 instances, d_sae 5, threshold from 0.1, 600 steps: thresholds move."""
    model = ref.load_toy("pentagon", ToyModel, n_inst=4)
    torch.manual_seed(0)
    sae = room.JumpReLUToySAE(ToySAEConfig(n_inst=4, d_in=2, d_sae=5, jumprelu_init_threshold=0.1,
                                           jumprelu_bandwidth=0.05, jumprelu_sparsity_coeff=0.01), model)
    _, fired = ref.train_sae(sae, steps=600, report=lambda d, n: progress(d, n, "training the JumpReLU SAE"))
    theta = sae.threshold.detach()
    with torch.no_grad():
        torch.manual_seed(1)
        h = sae.generate_batch(4000)
        acts = sae(h)[2]
        nonempty = h.norm(dim=-1) > 0
        l0 = (acts > 0).float().sum(-1)[nonempty].mean().item()
    show_picture(ref.sae_2d(model.W[0], sae.W_dec_normalized, fired > 0),
                 "4 JumpReLU SAE instances: true features (grey), decoder rows (yellow alive, dark red dead)")
    note(f"learned thresholds: mean {theta.mean():.3f} (from 0.100), range {theta.min():.3f}-{theta.max():.3f}; "
         f"active latents per non-empty input: {l0:.2f}")
    if not torch.isfinite(theta).all() or (theta - 0.1).abs().max() < 0.01:
        fail(f"after 600 steps the thresholds are still {theta.flatten()[:5].tolist()}...; the L0 and "
             "reconstruction terms should have moved them", kind="value")
