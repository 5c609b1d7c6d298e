"""Cases for resample_simple: dead latents get a random unit decoder row, an encoder column
of resample_scale times it and a zero bias; live ones stay; 'dead' means silent all
window; directions are random and fresh; the parameters change in place; then training
on the pentagon toy model with the player's resampler."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, fail, load_asset_module
from toy_base import ToyModelConfig, ToySAEConfig
from toy_model import ToyModel

ref = load_asset_module(__file__, "reference")


def _sae(room, n_inst=2, d_in=3, d_sae=5, seed=0, **kw):
    torch.manual_seed(seed)
    model = ToyModel(ToyModelConfig(n_inst=n_inst, n_features=5, d_hidden=d_in), feature_probability=0.2)
    sae = room.ToySAE(ToySAEConfig(n_inst=n_inst, d_in=d_in, d_sae=d_sae, **kw), model)
    with torch.no_grad():
        sae.b_enc.normal_()
        sae.b_dec.normal_()
    return sae


def _snapshot(sae):
    return {n: p.detach().clone() for n, p in sae.named_parameters()}


def _window(dead_mask, steps=4):
    """(steps, inst, d_sae) rates: 0 for dead latents, 0.3 at one step (else 0) for live ones."""
    w = torch.zeros(steps, *dead_mask.shape)
    w[1][~dead_mask] = 0.3
    return w


DEAD = torch.tensor([[True, False, True, False, False], [False, True, False, False, False]])


def _resample(room, sae, window, scale):
    out = call(sae.resample_simple, window, scale)
    if out is not None:
        fail(f"resample_simple returned {type(out).__name__}, expected None (it changes the SAE in place)",
             kind="type")


def test_dead_latents_get_unit_directions(room):
    """Latents (0, 0), (0, 2), (1, 1) dead: unit W_dec rows, W_enc columns = 0.4 x row, b_enc 0."""
    sae = _sae(room)
    torch.manual_seed(fresh_seed(1))
    _resample(room, sae, _window(DEAD), 0.4)
    W_dec, W_enc, b_enc = sae.W_dec.detach(), sae.W_enc.detach(), sae.b_enc.detach()
    for i, j in DEAD.nonzero().tolist():
        row = W_dec[i, j]
        if abs(row.norm().item() - 1) > 1e-4:
            fail(f"dead latent ({i}, {j}) has a decoder row of norm {row.norm():.4f}, expected 1",
                 kind="value", details="Normalise each random vector: v / (v.norm(dim=-1, keepdim=True) + eps).")
        assert_tensor_close(W_enc[i, :, j], 0.4 * row, atol=1e-5,
                            call=f"W_enc[{i}, :, {j}] after resampling with resample_scale 0.4 (0.4 x its new decoder row)")
        assert_tensor_close(b_enc[i, j], torch.tensor(0.0), call=f"b_enc[{i}, {j}] after resampling")


def test_live_latents_untouched(room):
    """Every live latent's W_enc column, W_dec row and b_enc, and all of b_dec, are unchanged."""
    sae = _sae(room, seed=2)
    before = _snapshot(sae)
    torch.manual_seed(fresh_seed(2))
    _resample(room, sae, _window(DEAD), 0.5)
    live = ~DEAD
    checks = [("W_dec", sae.W_dec.detach()[live], before["_W_dec"][live]),
              ("W_enc", sae.W_enc.detach().transpose(-1, -2)[live], before["W_enc"].transpose(-1, -2)[live]),
              ("b_enc", sae.b_enc.detach()[live], before["b_enc"][live]),
              ("b_dec", sae.b_dec.detach(), before["b_dec"])]
    for name, got, exp in checks:
        assert_tensor_close(got, exp, call=f"{name} of the live latents after resampling")


def test_dead_means_silent_all_window(room):
    """A latent that fired at one step only (rate 0.001), first or last, is alive; silent everywhere is dead."""
    sae = _sae(room, n_inst=1, d_sae=4, seed=3)
    before = _snapshot(sae)
    w = torch.zeros(5, 1, 4)
    w[0, 0, 0] = 0.001   # fired at the oldest step only
    w[4, 0, 1] = 0.001   # fired at the newest step only
    w[:, 0, 2] = 0.5     # always fires; latent 3 never does
    torch.manual_seed(fresh_seed(3))
    _resample(room, sae, w, 0.5)
    changed = (sae.W_dec.detach() != before["_W_dec"]).any(-1)[0].tolist()
    if changed != [False, False, False, True]:
        fail(f"resampling changed latents {[j for j, c in enumerate(changed) if c]}, expected only "
             "latent 3 (the only one that never fired in the window)", kind="value",
             details="Dead = below 1e-8 at every step: (frac_active_in_window < 1e-8).all(dim=0).")


def test_directions_random_and_fresh(room):
    """200 dead latents in 3-D: different, spread over the sphere (mean near 0); a second call draws new ones."""
    sae = _sae(room, n_inst=1, d_sae=200, seed=4)
    dead = torch.zeros(3, 1, 200)
    torch.manual_seed(fresh_seed(4))
    _resample(room, sae, dead, 0.5)
    first = sae.W_dec.detach()[0].clone()
    if first.mean(0).norm() > 0.2:
        fail(f"the 200 new directions have mean {first.mean(0).tolist()}, expected near 0 "
             "(directions spread evenly over the sphere)", kind="value",
             details="torch.randn gives directions in every orientation; torch.rand only positive ones.")
    if torch.unique(first.round(decimals=4), dim=0).shape[0] < 200:
        fail("several dead latents got the same direction", kind="value",
             details="Draw one random vector per dead latent: (n_dead, d_in).")
    _resample(room, sae, dead, 0.5)
    if torch.allclose(first, sae.W_dec.detach()[0]):
        fail("a second resampling gave the same directions", kind="value",
             details="Don't seed the generator inside resample_simple.")


def test_parameters_changed_in_place(room):
    """The SAE keeps the same Parameter objects (the optimizer's), with requires_grad still on."""
    sae = _sae(room, seed=5)
    ids = {n: id(p) for n, p in sae.named_parameters()}
    torch.manual_seed(fresh_seed(5))
    _resample(room, sae, _window(DEAD), 0.5)
    for n, p in sae.named_parameters():
        if ids.get(n) != id(p):
            fail(f"after resampling, {n} is a new object; the optimizer still holds the old one",
                 kind="value", details="Write into .data[...] instead of assigning a new nn.Parameter.")
        if n in ("W_enc", "_W_dec", "b_enc", "b_dec") and not p.requires_grad:
            fail(f"after resampling, {n} no longer requires gradients", kind="value")


def test_trains_with_your_resampler(room):
    """The pentagon toy model, 4 instances, d_sae 8, given optimize with resample_method='simple'."""
    ref.resample_demo(room.ToySAE, "simple")
