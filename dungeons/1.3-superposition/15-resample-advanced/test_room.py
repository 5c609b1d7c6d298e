"""Cases for resample_advanced: one badly reconstructed input claims every dead latent,
the encoder scale comes from the live latents (1.0 when none is), instances are separate
and perfect ones skipped, draws weighted by the squared loss, parameters changed in place;
then training on the pentagon toy model with the player's resampler."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, fail, load_asset_module
from toy_base import ToyModelConfig, ToySAEConfig
from toy_model import ToyModel

ref = load_asset_module(__file__, "reference")


def _sae(room, n_inst=2, d_in=3, d_sae=4, seed=0):
    """An SAE whose latents never fire (b_enc = -100), so it reconstructs every input as b_dec."""
    torch.manual_seed(seed)
    model = ToyModel(ToyModelConfig(n_inst=n_inst, n_features=5, d_hidden=d_in), feature_probability=0.2)
    sae = room.ToySAE(ToySAEConfig(n_inst=n_inst, d_in=d_in, d_sae=d_sae), model)
    with torch.no_grad():
        sae.b_enc.fill_(-100.0)
        sae.b_dec.normal_()
    return sae


def _feed(sae, h):
    """Make generate_batch return exactly h, whatever batch_size is asked for."""
    sae.generate_batch = lambda batch_size: h
    return h


def _resample(sae, window, scale, batch_size):
    out = call(sae.resample_advanced, window, scale, batch_size)
    if out is not None:
        fail(f"resample_advanced returned {type(out).__name__}, expected None", kind="type")


def _window(dead):
    w = torch.zeros(3, *dead.shape)
    w[2][~dead] = 0.2
    return w


def test_worst_input_claims_dead_latents(room):
    """Instance 0: every input is b_dec except row 2; its dead latents 1 and 3 get row 2's direction."""
    sae = _sae(room, seed=1)
    b_dec = sae.b_dec.detach().clone()
    h = b_dec.expand(6, 2, 3).clone()
    h[2, 0] += torch.tensor([3.0, 0.0, 4.0])
    h[4, 1] += torch.tensor([0.0, 1.0, 0.0])
    _feed(sae, h)
    dead = torch.tensor([[False, True, False, True], [False, False, False, False]])
    torch.manual_seed(fresh_seed(1))
    _resample(sae, _window(dead), 0.5, 6)
    for j in (1, 3):
        assert_tensor_close(sae.W_dec.detach()[0, j], torch.tensor([0.6, 0.0, 0.8]), atol=1e-5,
                            call=f"W_dec[0, {j}] (dead) after resampling: the direction of h[2, 0] - b_dec[0]")
        assert_tensor_close(sae.b_enc.detach()[0, j], torch.tensor(0.0), call=f"b_enc[0, {j}] after resampling")


def test_encoder_scale_from_live_latents(room):
    """Live encoder columns of norm 2 and 4 (mean 3), scale 0.5: the dead columns are 1.5 x the new direction."""
    sae = _sae(room, n_inst=1, seed=2)
    with torch.no_grad():
        sae.W_enc.zero_()
        sae.W_enc[0, 0, 0] = 2.0
        sae.W_enc[0, 1, 2] = -4.0
    h = sae.b_dec.detach().expand(5, 1, 3).clone()
    h[0, 0] += torch.tensor([0.0, 0.0, 2.0])
    _feed(sae, h)
    dead = torch.tensor([[False, True, False, True]])
    torch.manual_seed(fresh_seed(2))
    _resample(sae, _window(dead), 0.5, 5)
    for j in (1, 3):
        assert_tensor_close(sae.W_enc.detach()[0, :, j], torch.tensor([0.0, 0.0, 1.5]), atol=1e-5,
                            call=f"W_enc[0, :, {j}]: 0.5 x mean live encoder norm 3 x direction (0, 0, 1)")
    assert_tensor_close(sae.W_enc.detach()[0, :, 0], torch.tensor([2.0, 0.0, 0.0]),
                        call="W_enc[0, :, 0] (a live latent): unchanged")


def test_no_live_latent_uses_norm_one(room):
    """All latents dead: the encoder columns are 1.0 x resample_scale x the new direction."""
    sae = _sae(room, n_inst=1, seed=3)
    h = sae.b_dec.detach().expand(4, 1, 3).clone()
    h[3, 0] += torch.tensor([0.0, -5.0, 0.0])
    _feed(sae, h)
    torch.manual_seed(fresh_seed(3))
    _resample(sae, torch.zeros(3, 1, 4), 0.25, 4)
    assert_tensor_close(sae.W_enc.detach()[0].T, torch.tensor([0.0, -0.25, 0.0]).expand(4, 3), atol=1e-5,
                        call="W_enc[0].T with every latent dead (scale 0.25 x norm 1.0 x direction (0, -1, 0))")


def test_perfect_instance_skipped(room):
    """Instance 1 reconstructs every input exactly (loss 0): its dead latents stay as they were, no NaN."""
    sae = _sae(room, seed=4)
    h = sae.b_dec.detach().expand(5, 2, 3).clone()
    h[0, 0] += 1.0
    _feed(sae, h)
    before = sae.W_dec.detach()[1].clone()
    dead = torch.ones(2, 4, dtype=torch.bool)
    torch.manual_seed(fresh_seed(4))
    _resample(sae, _window(dead), 0.5, 5)
    if not torch.isfinite(sae.W_dec.detach()).all() or not torch.isfinite(sae.W_enc.detach()).all():
        fail("resampling an instance with zero reconstruction loss gave NaN weights", kind="nan",
             details="Skip an instance whose largest loss is below 1e-6.")
    assert_tensor_close(sae.W_dec.detach()[1], before, call="W_dec[1] (an instance with zero loss)")


def test_sampling_weights_are_squared_losses(room):
    """Two bad inputs, losses 1 : 2, and 400 dead latents: about 4/5 pick the worse one (loss squared)."""
    sae = _sae(room, n_inst=1, d_in=2, d_sae=400, seed=5)
    b = sae.b_dec.detach()[0]
    h = b.expand(3, 1, 2).clone()
    h[0, 0] += torch.tensor([1.0, 0.0])              # squared error per dim: mean 0.5
    h[1, 0] += torch.tensor([0.0, 2 ** 0.5])         # mean 1.0: twice the loss
    _feed(sae, h)
    torch.manual_seed(fresh_seed(5))
    _resample(sae, torch.zeros(2, 1, 400), 0.5, 3)
    share = (sae.W_dec.detach()[0, :, 1] > 0.5).float().mean().item()
    if abs(share - 0.8) > 0.06:
        fail(f"{share:.0%} of the dead latents took the input with twice the loss; drawing with "
             "probability proportional to the loss squared gives 80% (proportional to the loss: 67%)",
             kind="value")


def test_trains_with_your_resampler(room):
    """The pentagon toy model, 4 instances, d_sae 8, given optimize with resample_method='advanced'."""
    ref.resample_demo(room.ToySAE, "advanced")
