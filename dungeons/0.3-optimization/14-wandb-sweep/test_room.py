"""Cases for train(), one run of a sweep: the test plays wandb's sweep agent offline. For
each of three settings sampled from sweep_config it writes the sample where wandb.init
looks for a sweep's parameters (as wandb.agent does), calls train(), and reads the run
back from its file: one finished run per call, in the args' project, with the sample in
its config and a loss history equal to training with that sample."""

import importlib.util
import sys
from pathlib import Path

import wandb
import yaml

from arena_dungeon.testing import fail, load_asset_module, note

# The run-file reader and wandb's offline folder (its service started at import) are the
# previous room's: one copy of that code.
_spec = importlib.util.spec_from_file_location(
    "wandb_trainer_cases", Path(__file__).resolve().parents[1] / "13-wandb-resnet-finetuner" / "test_room.py")
tracked = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = tracked
_spec.loader.exec_module(tracked)

ref = load_asset_module(__file__, "reference")
COUNT = 3
_sweeps: dict = {}


def run_sweep(room) -> list:
    """The agent: COUNT samples, one train() each; per sample (sample, runs it wrote)."""
    if id(room) in _sweeps:
        return _sweeps[id(room)]
    samples = ref.sample_sweep(room.sweep_config, COUNT, seed=3)
    setup = wandb.setup()
    out = []
    for i, sample in enumerate(samples):
        path = tracked.FOLDER / f"sweep-params-{id(room)}-{i}.yaml"
        path.write_text(yaml.safe_dump({k: {"value": v} for k, v in sample.items()}))
        before = set(tracked.FOLDER.glob("wandb/offline-run-*/run-*.wandb"))
        setup.settings.sweep_param_path = str(path)
        try:
            room.train()
        finally:
            setup.settings.sweep_param_path = None
            if wandb.run is not None:
                wandb.finish()
            path.unlink(missing_ok=True)
        files = sorted(set(tracked.FOLDER.glob("wandb/offline-run-*/run-*.wandb")) - before)
        out.append((sample, [tracked.finished_run(f) for f in files]))
    _sweeps[id(room)] = out
    return out


def _one_run_each(room) -> list:
    sweep = run_sweep(room)
    for sample, runs in sweep:
        if len(runs) != 1:
            fail(f"train() with the sampled settings {sample} wrote {len(runs)} runs, expected "
                 "one: open the run once (wandb.init) and let the trainer log into it",
                 kind="value")
    return [(sample, runs[0]) for sample, runs in sweep]


def test_one_run_per_call(room):
    """Each of the three train() calls writes exactly one run."""
    _one_run_each(room)


def test_runs_finished_in_the_args_project(room):
    """Each run is in the args' project ('day3-resnet-sweep') and ends with an exit record."""
    for sample, run in _one_run_each(room):
        if run["project"] != "day3-resnet-sweep":
            fail(f"the run for {sample} is in project {run['project']!r}, expected "
                 "'day3-resnet-sweep' (args.wandb_project)", kind="value")
        if run["exit"] != 0:
            fail(f"the run for {sample} has no exit record: the run must be closed by the end "
                 "of train()", kind="value")


def test_config_holds_the_sample(room):
    """Each run's config has its sampled learning_rate, batch_size, weight_decay and the other args."""
    for sample, run in _one_run_each(room):
        got = {k: run["config"].get(k) for k in sample}
        if got != sample:
            fail(f"a run's config says {got}, but the agent sampled {sample} for it", kind="value")
        if run["config"].get("epochs") != 2:
            fail(f"the run for {sample} has config {run['config']}: the args' other fields "
                 "(epochs, n_classes, ...) belong in it too", kind="value")


def test_each_run_trains_with_its_sample(room):
    """Each run's train_loss history equals training the given trainer with that sample."""
    rows = []
    for sample, run in _one_run_each(room):
        args = room.update_args(room.WandbResNetFinetuningArgs(), dict(sample))
        expected = room.ResNetFinetuner(args).train()
        _, losses = tracked.series(run, "train_loss")
        if len(losses) != len(expected["loss"]) or \
                any(abs(a - b) > 1e-6 for a, b in zip(losses, expected["loss"])):
            fail(f"the run for {sample} logged {len(losses)} losses starting "
                 f"{[round(v, 3) for v in losses[:3]]}, but training with those settings gives "
                 f"{len(expected['loss'])} starting {[round(v, 3) for v in expected['loss'][:3]]}: "
                 "read the sample from wandb.config (after wandb.init) into the args you train "
                 "with", kind="value")
        _, accs = tracked.series(run, "test_accuracy")
        rows.append((sample, accs[-1] if accs else float("nan")))
    best = max(rows, key=lambda r: r[1])
    note("sweep: " + "; ".join(f"lr {s['learning_rate']:.3g}, batch {s['batch_size']}, "
                               f"decay {s['weight_decay']} -> accuracy {a:.2f}" for s, a in rows)
         + f". Best (maximize test_accuracy): lr {best[0]['learning_rate']:.3g}")
