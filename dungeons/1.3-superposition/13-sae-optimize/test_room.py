"""Cases for ToySAE.optimize: five steps against an oracle loop (Adam, betas (0, 0.999)),
the lr schedule, the resample calls and their window, the log; then a run on the pentagon
toy model with a test-side resampler, drawn."""

import copy

import torch

import sae_model
from arena_dungeon.testing import (assert_equal, assert_number_close, assert_shape,
                                   assert_tensor_close, call, describe, fail, load_asset_module,
                                   note, progress, show_picture)
from toy_base import ToyModelConfig, ToySAEConfig
from toy_model import ToyModel

ref = load_asset_module(__file__, "reference")


def _pair(room, seed=0, n_inst=2, d_sae=4, cls=None):
    """The player's SAE (or a subclass) and the given one, with the same weights and model."""
    torch.manual_seed(seed)
    model = ToyModel(ToyModelConfig(n_inst=n_inst, n_features=5, d_hidden=2), feature_probability=0.2)
    cfg = ToySAEConfig(n_inst=n_inst, d_in=2, d_sae=d_sae)
    mine = (cls or room.ToySAE)(cfg, model)
    oracle = sae_model.ToySAE(cfg, copy.deepcopy(model))
    oracle.load_state_dict(copy.deepcopy(mine.state_dict()))
    return mine, oracle


def _oracle_run(sae, steps, batch_size, lr, seed, lr_scale=lambda s, n: 1.0):
    torch.manual_seed(seed)
    opt = ref.Adam(sae.parameters(), lr=lr, betas=(0.0, 0.999))
    losses, fracs = [], []
    for step in range(steps):
        opt.lr = lr * lr_scale(step, steps)
        _, loss, acts, _ = sae(sae.generate_batch(batch_size))
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
        fracs.append((acts.detach().abs() > 1e-8).float().mean(0))
    return losses, fracs


def _run(sae, seed, **kw):
    torch.manual_seed(seed)
    log = call(sae.optimize, **kw)
    if not isinstance(log, list) or not all(isinstance(e, dict) for e in log):
        fail(f"optimize returned {describe(log)}, expected a list of dicts (the log)", kind="type")
    return log


def _same(mine, oracle, what):
    for name in ("W_enc", "_W_dec", "b_enc", "b_dec"):
        assert_tensor_close(getattr(mine, name).detach(), getattr(oracle, name).detach(),
                            call=f"{name} after {what}", atol=1e-5, rtol=1e-4)


def test_five_steps_match_oracle(room):
    """5 steps, batch 64, lr 0.01: the same weights as an oracle loop from the same start and seed."""
    mine, oracle = _pair(room)
    _run(mine, 5, batch_size=64, steps=5, log_freq=100, lr=0.01)
    _oracle_run(oracle, 5, 64, 0.01, seed=5)
    _same(mine, oracle, "optimize(batch_size=64, steps=5, lr=0.01)")


def test_lr_schedule(room):
    """A schedule of 1, 0.1, 3, 0 over 4 steps, applied before each step."""
    sched = lambda s, n: [1.0, 0.1, 3.0, 0.0][s]  # noqa: E731
    mine, oracle = _pair(room, seed=1)
    _run(mine, 6, batch_size=32, steps=4, log_freq=100, lr=0.01, lr_scale=sched)
    _oracle_run(oracle, 4, 32, 0.01, seed=6, lr_scale=sched)
    _same(mine, oracle, "4 steps with lr_scale 1, 0.1, 3, 0")


def _spy_class(room, calls):
    class Spy(room.ToySAE):
        def forward(self, h):
            out = super().forward(h)
            calls.append(("acts", (out[2].detach().abs() > 1e-8).float().mean(0)))
            return out

        def resample_simple(self, window, resample_scale):
            calls.append(("simple", window.detach().clone(), resample_scale))

        def resample_advanced(self, window, resample_scale, batch_size):
            calls.append(("advanced", window.detach().clone(), resample_scale, batch_size))
    return Spy


def test_resampler_gets_the_window(room):
    """12 steps, resample_freq 5, window 3: resample_simple runs before steps 4 and 9 with the last 3 rates."""
    calls = []
    sae, _ = _pair(room, seed=2, cls=_spy_class(room, calls))
    _run(sae, 7, batch_size=32, steps=12, log_freq=100, lr=0.01, resample_method="simple",
         resample_freq=5, resample_window=3, resample_scale=0.25)
    rates = [c[1] for c in calls if c[0] == "acts"]
    resamples = [(len([c for c in calls[:k] if c[0] == "acts"]), c) for k, c in enumerate(calls)
                 if c[0] != "acts"]
    assert_equal([step for step, _ in resamples], [4, 9],
                 call="the steps before which resample_simple was called (resample_freq 5, 12 steps)")
    for step, c in resamples:
        if c[0] != "simple" or c[2] != 0.25:
            fail(f"before step {step} the loop called resample_{c[0]} with scale {c[2]}, expected "
                 "resample_simple(window, 0.25)", kind="value")
        assert_shape(c[1], (3, 2, 4), call=f"the window passed before step {step}", dims="window inst d_sae")
        assert_tensor_close(c[1], torch.stack(rates[step - 3:step]), dims="window inst d_sae",
                            call=f"the window passed before step {step} (firing rates of steps "
                                 f"{step - 3}-{step - 1}, oldest first)")


def test_advanced_and_none(room):
    """resample_method 'advanced' also gets batch_size; None never resamples."""
    calls = []
    sae, _ = _pair(room, seed=3, cls=_spy_class(room, calls))
    _run(sae, 8, batch_size=16, steps=4, log_freq=100, lr=0.01, resample_method="advanced",
         resample_freq=2, resample_window=10, resample_scale=0.5)
    got = [(c[0], c[1].shape[0], c[3]) for c in calls if c[0] != "acts"]
    assert_equal(got, [("advanced", 1, 16), ("advanced", 3, 16)],
                 call="(method, window length, batch_size) of each resample call (freq 2, 4 steps)")
    calls.clear()
    _run(sae, 9, batch_size=16, steps=6, log_freq=100, lr=0.01, resample_freq=2)
    if any(c[0] != "acts" for c in calls):
        fail("with resample_method=None the loop still resampled", kind="value")


def test_log_entries(room):
    """steps 10, log_freq 4: entries at steps 0, 4, 8, 9 with the oracle's loss and firing rates."""
    mine, oracle = _pair(room, seed=4)
    log = _run(mine, 10, batch_size=32, steps=10, log_freq=4, lr=0.01)
    losses, fracs = _oracle_run(oracle, 10, 32, 0.01, seed=10)
    assert_equal([e.get("step") for e in log], [0, 4, 8, 9], call="the logged steps")
    for e in log:
        s = e["step"]
        assert_number_close(e.get("loss"), losses[s], rtol=1e-4, call=f'log entry {s}: "loss"')
        assert_tensor_close(e.get("frac_active"), fracs[s], dims="inst d_sae",
                            call=f'log entry {s}: "frac_active"')


def _resample_simple(sae, window, scale):
    """The test's own resampler: dead latents get a random unit decoder row."""
    with torch.no_grad():
        dead = (window < 1e-8).all(dim=0)
        v = torch.randn(int(dead.sum()), sae.cfg.d_in)
        v = v / v.norm(dim=-1, keepdim=True)
        sae._W_dec.data[dead] = v
        sae.W_enc.data.transpose(-1, -2)[dead] = scale * v
        sae.b_enc.data[dead] = 0.0


def test_trains_with_resampling(room):
    """The pentagon toy model, 4 instances, d_sae 8, 600 steps, resampling every 150: drawn."""
    model = ref.load_toy("pentagon", ToyModel, n_inst=4)
    done = []

    class WithResampler(room.ToySAE):
        def resample_simple(self, window, resample_scale):
            _resample_simple(self, window, resample_scale)

        def generate_batch(self, batch_size):
            done.append(1)
            if len(done) % 50 == 0:
                progress(len(done), 600, "training the SAE")
            return super().generate_batch(batch_size)

    torch.manual_seed(0)
    sae = WithResampler(ToySAEConfig(n_inst=4, d_in=2, d_sae=8), model)
    log = _run(sae, 0, batch_size=256, steps=600, log_freq=100, lr=0.01, resample_method="simple",
               resample_freq=150, resample_window=100)
    alive = log[-1]["frac_active"] > 0
    show_picture(ref.sae_2d(model.W[0], sae.W_dec_normalized, alive),
                 "4 SAE instances with 8 latents: the 5 true features (grey), decoder rows "
                 "(yellow alive, dark red dead)")
    score = ref.matched_features(model.W.detach(), sae.W_dec_normalized.detach(), alive)
    note("features matched at cosine > 0.9, per instance: " + ", ".join(f"{s:.0%}" for s in score.tolist()))
    note("latents alive at the end: " + ", ".join(str(int(a.sum())) for a in alive) + " of 8")
