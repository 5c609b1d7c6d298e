"""Boss cases: the player's feature_recovery_score by hand (signs, dead latents, the
threshold, unnormalised inputs), then recover_features run once on the shipped 8-in-3
toy model (4 instances, d_sae 8): the SAE's shape, the measured score (>= 0.9 at
cosine > 0.9), and the player's score agreeing with the test's."""

import time
from types import SimpleNamespace

import torch

import sae_resampling
from arena_dungeon.testing import (assert_tensor_close, call, describe, fail, load_asset_module,
                                   note, show_picture)
from toy_model import ToyModel

ref = load_asset_module(__file__, "reference")
PASS_MARK, THRESHOLD, CPU_LIMIT = 0.9, 0.9, 30.0

W_TRUE = torch.tensor([[[1.0, 0.0, -1.0], [0.0, 1.0, 0.0]]])           # (1, 2, 3): features (1,0), (0,1), (-1,0)
W_DEC = torch.tensor([[[0.95, 0.3122], [0.0, -1.0], [-0.8, -0.6]]])     # cos 0.95 with f0, -1 with f1, 0.8 with f2


def _score(room, W_true, W_dec, alive, threshold=0.9, what=""):
    got = call(room.feature_recovery_score, W_true, W_dec, alive, threshold)
    if not isinstance(got, torch.Tensor) or got.shape != (W_true.shape[0],):
        fail(f"feature_recovery_score({what}) returned {describe(got)}, expected one score per instance "
             f"({W_true.shape[0]},)", kind="shape")
    return got


def test_score_by_hand(room):
    """Features (1,0), (0,1), (-1,0); rows at cosine 0.95, -1 and 0.8: only the first matches -> 1/3."""
    alive = torch.ones(1, 3, dtype=torch.bool)
    got = _score(room, W_TRUE, W_DEC, alive, what="the hand example")
    assert_tensor_close(got, torch.tensor([1 / 3]), atol=1e-6,
                        call="feature_recovery_score: cosines 0.95 (match), -1 (opposite: no), 0.8 (no)")
    got = _score(room, W_TRUE, W_DEC, alive, threshold=0.5, what="the hand example, threshold 0.5")
    assert_tensor_close(got, torch.tensor([2 / 3]), atol=1e-6,
                        call="feature_recovery_score with threshold 0.5 (0.8 now matches too)")


def test_score_ignores_dead_latents(room):
    """A perfect decoder row for each feature, but the one for feature 1 is dead: 2/3."""
    W_dec = torch.tensor([[[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0]]])
    alive = torch.tensor([[True, False, True]])
    got = _score(room, W_TRUE, W_dec, alive, what="a dead latent")
    assert_tensor_close(got, torch.tensor([2 / 3]), atol=1e-6,
                        call="feature_recovery_score when the latent matching feature 1 is dead")


def test_score_normalises_both_sides(room):
    """Random unnormalised W_true (3, 4, 6) and W_dec (3, 9, 4), some rows planted near features."""
    torch.manual_seed(0)
    W_true = torch.randn(3, 4, 6) * 1.7
    W_dec = torch.randn(3, 9, 4) * 0.3
    W_dec[:, :4] = 5 * W_true[:, :, :4].transpose(1, 2) + 0.3 * torch.randn(3, 4, 4)
    alive = torch.rand(3, 9) > 0.2
    got = _score(room, W_true, W_dec, alive, what="random W_true (3, 4, 6), W_dec (3, 9, 4)")
    assert_tensor_close(got, ref.matched_features(W_true, W_dec, alive, THRESHOLD), atol=1e-6,
                        call="feature_recovery_score on random unnormalised inputs", dims="inst")


_RUN = {}


def _run(room):
    if "run" in _RUN:
        return _RUN["run"]
    model = ref.load_toy("boss", ToyModel, n_inst=4)
    torch.manual_seed(0)
    start = time.process_time()  # CPU seconds: a busy machine does not count against you
    sae = call(room.recover_features, model, 8)
    seconds = time.process_time() - start
    if not isinstance(sae, sae_resampling.ToySAE):
        fail(f"recover_features returned {describe(sae)}, expected a sae_resampling.ToySAE", kind="type")
    with torch.no_grad():
        torch.manual_seed(1234)
        acts = sae(sae.generate_batch(2048))[2]
    alive = (acts > 1e-8).any(dim=0)
    W_dec = sae.W_dec_normalized.detach()
    _RUN["run"] = SimpleNamespace(model=model, sae=sae, seconds=seconds, alive=alive, W_dec=W_dec,
                                  score=ref.matched_features(model.W.detach(), W_dec, alive, THRESHOLD))
    return _RUN["run"]


def test_recovers_the_true_features(room):
    """recover_features(8-in-3 toy model x 4, d_sae=8): mean score >= 0.9 at cosine > 0.9, under 30 s of CPU."""
    run = _run(room)
    cfg = run.sae.cfg
    if (cfg.n_inst, cfg.d_in, cfg.d_sae) != (4, 3, 8) or run.W_dec.shape != (4, 8, 3):
        fail(f"the SAE has n_inst {cfg.n_inst}, d_in {cfg.d_in}, d_sae {cfg.d_sae} (decoder "
             f"{tuple(run.W_dec.shape)}); expected 4, 3 and exactly 8 latents", kind="shape")
    true_unit = run.model.W.detach() / run.model.W.detach().norm(dim=1, keepdim=True)
    cos = torch.einsum("isd,idf->isf", run.W_dec, true_unit)
    show_picture(ref.grid([ref.signed_heatmap(c * run.alive[i, :, None], cell=2, vmax=1.0)
                           for i, c in enumerate(cos)], 4, gap=3),
                 "per instance: cosine of each latent's decoder row (rows, dead ones black) with "
                 "each true feature (columns); red = aligned, blue = opposite")
    note(f"features recovered at cosine > {THRESHOLD}, per instance: "
         + ", ".join(f"{s:.0%}" for s in run.score.tolist()) + f" (mean {run.score.mean():.0%}); "
         f"alive latents: {', '.join(str(int(a.sum())) for a in run.alive)} of 8")
    if run.score.mean() < PASS_MARK:
        fail(f"your SAE recovers {run.score.mean():.0%} of the true features (per instance "
             f"{', '.join(f'{s:.0%}' for s in run.score.tolist())}); the pass mark is {PASS_MARK:.0%}",
             kind="value", details="Look at the alive latents: with 8 latents for 8 features, "
                                   "each dead or duplicated latent costs a feature.")
    if run.seconds > CPU_LIMIT:
        fail(f"recover_features used {run.seconds:.1f} s of CPU; keep it under {CPU_LIMIT:.0f} s "
             "(a few thousand steps at batch 256 take a few seconds)", kind="slow")


def test_your_score_agrees(room):
    """Your feature_recovery_score on the trained SAE equals the test's measurement."""
    run = _run(room)
    got = _score(room, run.model.W.detach(), run.W_dec, run.alive, what="your trained SAE")
    assert_tensor_close(got, run.score, atol=1e-6, dims="inst",
                        call="feature_recovery_score(model.W, sae.W_dec_normalized, alive) on your SAE")
