"""Cases for ToySAE.forward: a one-instance example by hand, every output against a slow
oracle, the loss's reductions, the normalised decoder, gradients and tied weights; then
the player's SAE trained on the shipped pentagon toy model and drawn."""

import torch

from arena_dungeon.testing import (as_number, assert_number_close, assert_tensor_close, curve, fail, load_asset_module, note, progress,
                                   show_picture)
from toy_base import ToyModelConfig, ToySAEConfig
from toy_model import ToyModel

ref = load_asset_module(__file__, "reference")


def _sae(room, n_inst=2, d_in=3, d_sae=6, seed=0, **kw):
    torch.manual_seed(seed)
    model = ToyModel(ToyModelConfig(n_inst=n_inst, n_features=5, d_hidden=d_in), feature_probability=0.3)
    sae = room.ToySAE(ToySAEConfig(n_inst=n_inst, d_in=d_in, d_sae=d_sae, **kw), model)
    with torch.no_grad():
        sae.b_enc.normal_(0, 0.3)
        sae.b_dec.normal_(0, 0.3)
    return sae


def _forward(sae, h, what):
    return ref.sae_forward(sae, h, what)


def _oracle(sae, h):
    """Slow: instance by instance, row by row."""
    W_enc, b_enc, b_dec = sae.W_enc.detach(), sae.b_enc.detach(), sae.b_dec.detach()
    W_dec = sae.W_dec.detach()
    W_dec = W_dec / (W_dec.norm(dim=-1, keepdim=True) + sae.cfg.weight_normalize_eps)
    B, n_inst, _ = h.shape
    acts = torch.zeros(B, n_inst, W_enc.shape[-1])
    rec = torch.zeros_like(h)
    for b in range(B):
        for i in range(n_inst):
            acts[b, i] = torch.relu((h[b, i] - b_dec[i]) @ W_enc[i] + b_enc[i])
            rec[b, i] = acts[b, i] @ W_dec[i] + b_dec[i]
    L_rec = ((rec - h) ** 2).mean(-1)
    L_sp = acts.abs().sum(-1)
    loss = (L_rec + sae.cfg.sparsity_coeff * L_sp).mean(0).sum().item()
    return {"L_reconstruction": L_rec, "L_sparsity": L_sp}, loss, acts, rec


def test_one_instance_by_hand(room):
    """W_enc = I, W_dec rows (2, 0), (0, 1), b_enc = [0, -0.5], b_dec = [0.1, 0], h = [1.1, 1]: loss 0.425."""
    sae = _sae(room, n_inst=1, d_in=2, d_sae=2, sparsity_coeff=0.2)
    with torch.no_grad():
        sae.W_enc.copy_(torch.eye(2)[None])
        sae._W_dec.copy_(torch.tensor([[[2.0, 0.0], [0.0, 1.0]]]))
        sae.b_enc.copy_(torch.tensor([[0.0, -0.5]]))
        sae.b_dec.copy_(torch.tensor([[0.1, 0.0]]))
    loss_dict, loss, acts, rec = _forward(sae, torch.tensor([[[1.1, 1.0]]]), "h = [[[1.1, 1]]]")
    what = "forward(h = [[[1.1, 1]]])"
    assert_tensor_close(acts, torch.tensor([[[1.0, 0.5]]]), call=f"acts from {what}", dims="batch inst d_sae")
    assert_tensor_close(rec, torch.tensor([[[1.1, 0.5]]]), call=f"h_reconstructed from {what}",
                        dims="batch inst d_in")
    assert_tensor_close(loss_dict["L_reconstruction"], torch.tensor([[0.125]]),
                        call=f"L_reconstruction from {what}", dims="batch inst")
    assert_tensor_close(loss_dict["L_sparsity"], torch.tensor([[1.5]]), call=f"L_sparsity from {what}",
                        dims="batch inst")
    assert_number_close(as_number(loss), 0.425, call=f"loss from {what}")


def test_random_vs_oracle(room):
    """2 instances, d_in 3, d_sae 6, batch 5, random parameters: all four outputs against a loop."""
    sae = _sae(room, seed=1, sparsity_coeff=0.3)
    h = torch.randn(5, 2, 3)
    loss_dict, loss, acts, rec = _forward(sae, h, "h (5, 2, 3)")
    exp_dict, exp_loss, exp_acts, exp_rec = _oracle(sae, h)
    assert_tensor_close(acts, exp_acts, call="acts", dims="batch inst d_sae", atol=1e-5)
    assert_tensor_close(rec, exp_rec, call="h_reconstructed", dims="batch inst d_in", atol=1e-5)
    for key in exp_dict:
        assert_tensor_close(loss_dict[key], exp_dict[key], call=f'loss_dict["{key}"]',
                            dims="batch inst", atol=1e-5)
    assert_number_close(as_number(loss), exp_loss, rtol=1e-5, call="loss")


def test_loss_reductions(room):
    """3 copies of one instance score 3x its loss; repeating the batch rows keeps the loss."""
    sae1 = _sae(room, n_inst=1, seed=2)
    sae3 = _sae(room, n_inst=3, seed=2)
    with torch.no_grad():
        for name in ("W_enc", "_W_dec", "b_enc", "b_dec"):
            getattr(sae3, name).copy_(getattr(sae1, name).expand_as(getattr(sae3, name)))
    h = torch.randn(4, 1, 3)
    one = as_number(_forward(sae1, h, "h (4, 1, 3)")[1])
    three = as_number(_forward(sae3, h.repeat(1, 3, 1), "h (4, 3, 3)")[1])
    rows = as_number(_forward(sae1, h.repeat(2, 1, 1), "h (8, 1, 3)")[1])
    assert_number_close(three, 3 * one, rtol=1e-5, call="loss on 3 copies of one instance")
    assert_number_close(rows, one, rtol=1e-5, call="loss with every batch row twice")


def test_decoder_is_normalised(room):
    """Scaling every decoder row by 5 changes nothing: the forward pass uses W_dec_normalized."""
    sae = _sae(room, seed=3)
    h = torch.randn(6, 2, 3)
    before = [x.detach().clone() for x in _forward(sae, h, "h (6, 2, 3)")[2:]]
    with torch.no_grad():
        sae._W_dec.mul_(5.0)
    after = _forward(sae, h, "h (6, 2, 3), decoder rows scaled by 5")[2:]
    for name, a, b in zip(("acts", "h_reconstructed"), after, before):
        assert_tensor_close(a, b, call=f"{name} after scaling W_dec by 5", atol=1e-5, rtol=1e-4)


def test_gradients_and_tied_weights(room):
    """loss.backward() reaches W_enc, _W_dec, b_enc, b_dec (not the toy model); tied weights work too."""
    for tied in (False, True):
        sae = _sae(room, seed=4, tied_weights=tied)
        h = torch.randn(5, 2, 3)
        loss = _forward(sae, h, f"h (5, 2, 3), tied_weights={tied}")[1]
        if not isinstance(loss, torch.Tensor) or not loss.requires_grad:
            fail("the loss is not connected to the SAE's parameters", kind="value")
        loss.backward()
        names = ["W_enc", "b_enc", "b_dec"] + ([] if tied else ["_W_dec"])
        for name in names:
            if getattr(sae, name).grad is None:
                fail(f"after loss.backward() (tied_weights={tied}), {name}.grad is None", kind="value")
        exp = _oracle(sae, h)[1]
        assert_number_close(as_number(loss), exp, rtol=1e-5, call=f"loss with tied_weights={tied}")


def test_trains_on_the_pentagon(room):
    """The shipped pentagon toy model, 4 SAE instances, d_sae 5, 600 steps: the loss falls, drawn."""
    model = ref.load_toy("pentagon", ToyModel, n_inst=4)
    torch.manual_seed(0)
    sae = room.ToySAE(ToySAEConfig(n_inst=4, d_in=2, d_sae=5), model)
    losses, fired = ref.train_sae(sae, steps=600, report=lambda d, n: progress(d, n, "training the SAE"))
    curve("SAE loss (summed over 4 instances)", losses)
    alive = fired > 0
    show_picture(ref.sae_2d(model.W[0], sae.W_dec_normalized, alive),
                 "4 SAE instances: the toy model's 5 features (grey) and the decoder rows "
                 "(yellow alive, dark red dead)")
    score = ref.matched_features(model.W.detach(), sae.W_dec_normalized.detach(), alive)
    note("features matched at cosine > 0.9, per instance: " + ", ".join(f"{s:.0%}" for s in score.tolist())
         + f"; dead latents: {int((~alive).sum())} of 20")
    if not sum(losses[-50:]) / 50 < 0.5 * sum(losses[:50]) / 50:
        fail(f"training your SAE took the loss from {sum(losses[:50]) / 50:.4f} (first 50 steps) "
             f"to {sum(losses[-50:]) / 50:.4f} (last 50); expected it to at least halve", kind="value")
