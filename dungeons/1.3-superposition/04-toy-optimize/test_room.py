"""Cases for ToyModel.optimize: a few steps against an oracle loop from the same weights and
seed (Adam made once, zeroed gradients), the schedule applied at every step, one float per
step, one fresh batch per step; then 8 instances trained across sparsities (a pentagon)."""

import copy
import math

import torch

import toy_model
from arena_dungeon.testing import (assert_number_close, assert_tensor_close, call, curve, fail,
                                   load_asset_module, note, progress, show_picture)
from toy_base import ToyModelConfig, linear_lr

ref = load_asset_module(__file__, "reference")


def _pair(room, n_inst=3, feats=5, p=0.3, imp=1.0, seed=0):
    """The player's ToyModel and the given one, with the same initial weights."""
    torch.manual_seed(seed)
    cfg = ToyModelConfig(n_inst=n_inst, n_features=feats)
    mine = room.ToyModel(cfg, feature_probability=p, importance=imp)
    oracle = toy_model.ToyModel(cfg, feature_probability=p, importance=imp)
    oracle.load_state_dict(copy.deepcopy(mine.state_dict()))
    return mine, oracle


def _run(model, seed, **kw):
    torch.manual_seed(seed)
    return call(model.optimize, **kw)


def _same_params(mine, oracle, what):
    for name in ("W", "b_final"):
        assert_tensor_close(getattr(mine, name).detach(), getattr(oracle, name).detach(),
                            call=f"model.{name} after {what}", atol=1e-5, rtol=1e-4)


def test_three_steps_match_oracle(room):
    """3 steps, batch 64, lr 0.01, constant schedule: same weights as an oracle loop from the same start."""
    mine, oracle = _pair(room)
    _run(mine, 7, batch_size=64, steps=3, log_freq=100, lr=0.01)
    ref.train_toy(oracle, steps=3, batch_size=64, lr=0.01, seed=7)
    _same_params(mine, oracle, "optimize(batch_size=64, steps=3, lr=0.01)")


def test_lr_schedule_every_step(room):
    """A schedule returning 1, 0, 0.5, 2 at steps 0-3: called with (step, 4), applied before each step."""
    calls = []

    def schedule(step, steps):
        calls.append((step, steps))
        return [1.0, 0.0, 0.5, 2.0][step] if 0 <= step < 4 else 0.0

    mine, oracle = _pair(room, seed=1)
    _run(mine, 8, batch_size=32, steps=4, log_freq=100, lr=0.02, lr_scale=schedule)
    got_calls = sorted(set(calls))
    if got_calls != [(0, 4), (1, 4), (2, 4), (3, 4)]:
        fail(f"lr_scale was called with {got_calls}, expected (step, steps) for steps 0-3 of 4",
             kind="value", details="Call lr_scale(step, steps) once per step, with the 0-based step.")
    ref.train_toy(oracle, steps=4, batch_size=32, lr=0.02, seed=8,
                  lr_scale=lambda s, n: [1.0, 0.0, 0.5, 2.0][s])
    _same_params(mine, oracle, "4 steps with lr_scale 1, 0, 0.5, 2 (lr = 0.02 * lr_scale)")


def test_one_loss_per_step(room):
    """6 steps with linear_lr: 6 plain floats, each the loss an oracle sees at that step."""
    mine, oracle = _pair(room, seed=2)
    losses = _run(mine, 9, batch_size=32, steps=6, log_freq=100, lr=0.01, lr_scale=linear_lr)
    if not isinstance(losses, list) or len(losses) != 6:
        fail(f"optimize(steps=6) returned {type(losses).__name__}"
             f"{f' of {len(losses)}' if isinstance(losses, (list, tuple)) else ''}, expected a "
             "list of 6 floats", kind="type")
    if not all(isinstance(v, float) for v in losses):
        fail(f"the losses are {type(losses[0]).__name__}, expected plain floats (loss.item())",
             kind="type")
    expected = ref.train_toy(oracle, steps=6, batch_size=32, lr=0.01, seed=9, lr_scale=linear_lr)
    for i, (g, e) in enumerate(zip(losses, expected)):
        assert_number_close(g, e, rtol=1e-4, call=f"optimize(steps=6) loss at step {i}")


def test_draws_one_batch_per_step(room):
    """generate_batch is called once per step, with batch_size."""
    sizes = []

    class Counting(room.ToyModel):
        def generate_batch(self, batch_size):
            sizes.append(batch_size)
            return super().generate_batch(batch_size)

    torch.manual_seed(3)
    model = Counting(ToyModelConfig(n_inst=2), feature_probability=0.3)
    _run(model, 10, batch_size=48, steps=5, log_freq=100, lr=0.01)
    if sizes != [48] * 5:
        fail(f"generate_batch was called {len(sizes)} times with batch sizes "
             f"{sorted(set(sizes))}, expected 5 calls with 48 (one fresh batch per step)",
             kind="value")


def test_training_finds_the_pentagon(room):
    """8 instances, 5 features in 2-D, p from 1 to 0.02: the sparsest stores all 5, 72° apart."""
    n_inst, steps = 8, 500
    p = (50 ** -torch.linspace(0, 1, n_inst))[:, None]

    class Reporting(room.ToyModel):
        calls = 0

        def generate_batch(self, batch_size):
            Reporting.calls += 1
            if Reporting.calls % 25 == 0:
                progress(min(Reporting.calls, steps), steps, f"training step {Reporting.calls}")
            return super().generate_batch(batch_size)

    torch.manual_seed(0)
    model = Reporting(ToyModelConfig(n_inst=n_inst), feature_probability=p,
                      importance=0.9 ** torch.arange(5))
    losses = _run(model, 0, batch_size=256, steps=steps, log_freq=10_000, lr=0.05,
                  lr_scale=linear_lr)
    if isinstance(losses, list) and losses:
        curve("loss (summed over the 8 instances)", losses)
    W = model.W.detach()
    show_picture(ref.features_2d(W), "columns of W per instance, feature probability 1 (top "
                 "left) to 0.02 (bottom right); yellow = most important feature")
    counts = ref.columns_represented(W)
    note("features stored (column norm > 0.5), dense to sparse: " + " ".join(map(str, counts.tolist())))
    angles = torch.atan2(W[-1, 1], W[-1, 0]).sort().values
    gaps = torch.diff(torch.cat([angles, angles[:1] + 2 * math.pi])) * 180 / math.pi
    if counts[-1] != 5 or (gaps - 72).abs().max() > 12:
        fail(f"the sparsest instance stores {int(counts[-1])} features, at angles "
             f"{', '.join(f'{g:.0f}°' for g in gaps)} apart; expected all 5, about 72° apart",
             kind="value", details="Training went wrong: check the schedule and the optimizer step.")
    if counts[0] > 3:
        fail(f"the densest instance stores {int(counts[0])} features; with every feature always "
             "present, a trained model keeps only 2 or 3", kind="value")
