"""Cases for sweep_config and update_args: the config's schema, update_args touching only
three fields, and the distributions of 2000 seeded random-search samples."""

import dataclasses
import math

from arena_dungeon.testing import curve, fail, load_asset_module, note

ref = load_asset_module(__file__, "reference")
N = 2000


def _config(room):
    cfg = getattr(room, "sweep_config", None)
    if not isinstance(cfg, dict) or not isinstance(cfg.get("parameters"), dict) or not cfg["parameters"]:
        fail(f"sweep_config is {cfg!r:.60}: expected a dict with 'method', 'metric' and a "
             "non-empty 'parameters' dict", kind="type")
    return cfg


def _samples(room):
    """N samples from the player's config, each applied to fresh args by their update_args."""
    cfg = _config(room)
    try:
        samples = ref.sample_sweep(cfg, N, seed=0)
    except Exception as e:  # noqa: BLE001
        fail(f"could not sample from sweep_config: {type(e).__name__}: {e}", kind="exception")
    out = []
    for s in samples:
        args = room.update_args(room.FinetuningArgs(), dict(s))
        if not isinstance(args, room.FinetuningArgs):
            fail(f"update_args(args, sample) returned {type(args).__name__}, expected the "
                 "FinetuningArgs it was given", kind="type")
        out.append(args)
    return out


def test_config_schema(room):
    """method 'random', metric accuracy to maximize, and each parameter a known kind of spec."""
    cfg = _config(room)
    if cfg.get("method") != "random":
        fail(f"sweep_config['method'] is {cfg.get('method')!r}, expected 'random'", kind="value")
    if cfg.get("metric") != {"name": "accuracy", "goal": "maximize"}:
        fail(f"sweep_config['metric'] is {cfg.get('metric')!r}, expected "
             "{'name': 'accuracy', 'goal': 'maximize'}", kind="value")
    for name, spec in cfg["parameters"].items():
        if not isinstance(spec, dict) or set(spec) not in ref.SPEC_KEYS:
            fail(f"sweep_config['parameters']['{name}'] is {spec!r}: its keys should be one of "
                 "{values}, {values, probabilities}, {min, max}, {min, max, distribution}",
                 kind="value")
        if "distribution" in spec and spec["distribution"] not in ref.DISTRIBUTIONS:
            fail(f"parameter '{name}' has distribution {spec['distribution']!r}; known here: "
                 f"{sorted(ref.DISTRIBUTIONS)}", kind="value")


def test_update_args_changes_only_three_fields(room):
    """update_args sets learning_rate, batch_size, weight_decay from the sample; the rest stays."""
    cfg = _config(room)
    sample = ref.sample_sweep(cfg, 1, seed=5)[0]
    before = room.FinetuningArgs(epochs=7, wandb_name="mine")
    kept = dataclasses.asdict(before)
    args = room.update_args(before, dict(sample))
    if not isinstance(args, room.FinetuningArgs):
        fail(f"update_args returned {type(args).__name__}, expected a FinetuningArgs", kind="type")
    after = dataclasses.asdict(args)
    changed = sorted(k for k in kept if kept[k] != after[k])
    extra = sorted(set(changed) - {"learning_rate", "batch_size", "weight_decay"})
    if extra:
        fail(f"update_args also changed {extra} (sample {sample}); only learning_rate, "
             "batch_size and weight_decay should change", kind="value")
    if after["learning_rate"] == kept["learning_rate"] or after["batch_size"] not in (32, 64, 128, 256):
        fail(f"update_args(args, {sample}) gave learning_rate={after['learning_rate']}, "
             f"batch_size={after['batch_size']}: copy them from the sample", kind="value")


def test_learning_rate_is_log_uniform(room):
    """2000 samples: learning rates within [1e-4, 1e-1], about half below 10^-2.5 (log-uniform)."""
    lrs = [a.learning_rate for a in _samples(room)]
    lo, hi = min(lrs), max(lrs)

    def out_of_range():
        fail(f"over {N} samples the learning rate ranged over [{lo:.3g}, {hi:.3g}], expected "
             "about [1e-4, 1e-1]", kind="value",
             details="With distribution 'log_uniform' wandb reads min/max as exponents; "
                     "'log_uniform_values' takes the values themselves.")

    if lo < 1e-4 * 0.999 or hi > 1e-1 * 1.001:
        out_of_range()
    below = sum(lr < 10 ** -2.5 for lr in lrs) / N
    if abs(below - 0.5) > 0.05:
        fail(f"{below:.0%} of the learning rates are below 10^-2.5 (the midpoint in log scale), "
             "expected about 50%: sample uniformly in log space", kind="value",
             details="A plain uniform over [1e-4, 1e-1] puts only ~3% of samples below 10^-2.5.")
    if lo > 1.2e-4 or hi < 0.08:
        out_of_range()
    bins = [0] * 12
    for lr in lrs:
        bins[min(int((math.log10(lr) + 4) / 3 * 12), 11)] += 1
    curve("learning rates sampled: count per bin of log10(lr), from -4 to -1", bins)


def test_batch_sizes_are_uniform(room):
    """2000 samples: batch sizes 32, 64, 128, 256, each about 500 times (plus or minus 100)."""
    counts: dict = {}
    for a in _samples(room):
        counts[a.batch_size] = counts.get(a.batch_size, 0) + 1
    if set(counts) != {32, 64, 128, 256}:
        fail(f"batch sizes sampled: {sorted(counts)}, expected exactly 32, 64, 128 and 256",
             kind="value")
    for size, count in sorted(counts.items()):
        if abs(count - N / 4) > 100:
            fail(f"batch size {size} came up {count} times in {N} samples, expected about "
                 f"{N // 4}: {dict(sorted(counts.items()))}", kind="value")


def test_weight_decay_half_zero_half_log_uniform(room):
    """2000 samples: about 1000 zero weight decays; the rest in [1e-4, 1e-2], half below 1e-3."""
    wds = [a.weight_decay for a in _samples(room)]
    zeros = sum(wd == 0 for wd in wds)
    if abs(zeros - N / 2) > 100:
        fail(f"{zeros} of {N} sampled weight decays are 0, expected about {N // 2}: zero with "
             "probability 1/2 (e.g. an extra boolean hyperparameter)", kind="value")
    rest = [wd for wd in wds if wd != 0]
    lo, hi = min(rest), max(rest)
    if lo < 1e-4 * 0.999 or hi > 1e-2 * 1.001 or lo > 1.3e-4 or hi < 0.008:
        fail(f"nonzero weight decays ranged over [{lo:.3g}, {hi:.3g}], expected about "
             "[1e-4, 1e-2]", kind="value")
    below = sum(wd < 1e-3 for wd in rest) / len(rest)
    if abs(below - 0.5) > 0.06:
        fail(f"{below:.0%} of the nonzero weight decays are below 1e-3, expected about 50% "
             "(log-uniform)", kind="value")
    note(f"{zeros} of {N} samples had no weight decay; the others spanned [{lo:.2g}, {hi:.2g}]")
