"""Cases for WandbResNetFinetuner: the trainer runs with wandb offline in a fresh folder,
and every case reads the logged run back from the run's own file (`run-<id>.wandb`):
its name and config, the train_loss and test_accuracy history with their steps, and the
exit record that wandb.finish() writes."""

import atexit
import json
import math
import os
import shutil
import struct
import tempfile
import time
from pathlib import Path

import wandb
from wandb.proto import wandb_internal_pb2

from arena_dungeon.testing import assert_equal, curve, fail, note

ARGS = dict(batch_size=64, epochs=2, learning_rate=0.05, wandb_project="tracked-probe",
            wandb_name="probe-run")
N_TRAIN = 200
_runs: dict = {}

# wandb offline, writing into a private folder. wandb.setup() starts wandb's service
# process now, while the test module loads: once the player's file is imported, grading
# lets no code start a program, and wandb.init then finds the service already running.
# A grading process may end without running atexit: each one writes under a folder named
# by its pid, and the folders of processes that have ended are removed here.
BASE = Path(tempfile.gettempdir()) / "arena-wandb"
BASE.mkdir(exist_ok=True)
for _old in BASE.iterdir():
    try:
        os.kill(int(_old.name), 0)
    except (ValueError, ProcessLookupError):
        shutil.rmtree(_old, ignore_errors=True)
    except OSError:
        pass
FOLDER = BASE / str(os.getpid())
shutil.rmtree(FOLDER, ignore_errors=True)
FOLDER.mkdir()
os.environ.update(WANDB_MODE="offline", WANDB_DIR=str(FOLDER), WANDB_SILENT="true",
                  WANDB_CONSOLE="off", WANDB_ERROR_REPORTING="false", WANDB_DISABLE_GIT="true",
                  # no requirements.txt, system facts or machine info per run: the tests
                  # read the history and config only, and listing packages costs ~0.2 s a run
                  WANDB_X_SAVE_REQUIREMENTS="false", WANDB_X_DISABLE_META="true",
                  WANDB_X_DISABLE_MACHINE_INFO="true")
wandb.setup()
atexit.register(shutil.rmtree, FOLDER, True)


def read_run(path: Path) -> dict:
    """The records of one offline run file: wandb writes a ':W&B' header, then protobuf
    records framed like a LevelDB log (32 KiB blocks; a 7-byte header per chunk)."""
    raw = path.read_bytes()
    pos, buf = 7, b""
    run = {"name": None, "project": None, "config": {}, "rows": {}, "exit": None}
    while pos + 7 <= len(raw):
        if 32768 - pos % 32768 < 7:
            pos += 32768 - pos % 32768
            continue
        _, length, kind = struct.unpack("<IHB", raw[pos:pos + 7])
        chunk, pos = raw[pos + 7:pos + 7 + length], pos + 7 + length
        buf = chunk if kind in (1, 2) else buf + chunk
        if kind not in (1, 4):
            continue
        rec = wandb_internal_pb2.Record()
        rec.ParseFromString(buf)
        which = rec.WhichOneof("record_type")
        if which == "run":
            run["name"], run["project"] = rec.run.display_name, rec.run.project
            run["config"].update({i.key or "/".join(i.nested_key): json.loads(i.value_json)
                                  for i in rec.run.config.update})
        elif which == "config":
            run["config"].update({i.key or "/".join(i.nested_key): json.loads(i.value_json)
                                  for i in rec.config.update})
        elif which == "history":
            row = {i.key or "/".join(i.nested_key): json.loads(i.value_json)
                   for i in rec.history.item}
            run["rows"].setdefault(row.get("_step"), {}).update(row)
        elif which == "exit":
            run["exit"] = rec.exit.exit_code
    run["config"].pop("_wandb", None)
    return run


def finished_run(path: Path) -> dict:
    """The run read back once wandb's service has written its exit record (up to 5 s); its
    folder is removed afterwards."""
    run = read_run(path)
    for _ in range(100):
        if run["exit"] is not None:
            break
        time.sleep(0.05)
        run = read_run(path)
    shutil.rmtree(path.parent, ignore_errors=True)
    return run


def train_and_read(room) -> tuple:
    """Train once per graded file; the trainer, the run read back, and whether it was left open."""
    if id(room) in _runs:
        return _runs[id(room)]
    before = set(FOLDER.glob("wandb/offline-run-*/run-*.wandb"))
    args = room.WandbResNetFinetuningArgs(**ARGS)
    trainer = room.WandbResNetFinetuner(args)
    trainer.train()
    left_open = wandb.run is not None
    if left_open:
        wandb.finish()
    files = sorted(set(FOLDER.glob("wandb/offline-run-*/run-*.wandb")) - before)
    if len(files) != 1:
        fail(f"trainer.train() wrote {len(files)} wandb runs, expected exactly one "
             "(one wandb.init per training)", kind="value")
    _runs[id(room)] = (trainer, finished_run(files[0]), left_open)
    return _runs[id(room)]


def series(run: dict, key: str) -> tuple[list, list]:
    steps = sorted(s for s, row in run["rows"].items() if key in row)
    return steps, [run["rows"][s][key] for s in steps]


def test_run_has_name_project_and_config(room):
    """The run carries the args' project and name, and every args field in its config."""
    trainer, run, _ = train_and_read(room)
    if run["project"] != ARGS["wandb_project"] or run["name"] != ARGS["wandb_name"]:
        fail(f"the run was logged as project {run['project']!r}, name {run['name']!r}; "
             f"expected project {ARGS['wandb_project']!r}, name {ARGS['wandb_name']!r} from the "
             "args (wandb.init(project=..., name=...))", kind="value")
    expected = dict(vars(trainer.args))
    missing = sorted(k for k in expected if k not in run["config"])
    if missing:
        fail(f"the run's config has {sorted(run['config'])}, missing {missing}: pass every "
             "field of the args as wandb.init(config=...)", kind="value")
    wrong = {k: run["config"][k] for k in expected if run["config"][k] != expected[k]}
    if wrong:
        fail(f"the run's config says {wrong}, the args say "
             f"{ {k: expected[k] for k in wrong} }", kind="value")


def test_run_is_finished(room):
    """train() closes its run: wandb.run is None afterwards and the file ends in an exit record."""
    _, run, left_open = train_and_read(room)
    if left_open:
        fail("after trainer.train() returned, wandb.run was still open: call wandb.finish() at "
             "the end of train(); an open run is never marked finished, and the next "
             "wandb.init() in the same process (a sweep's next run) has to close it first",
             kind="value")
    assert_equal(run["exit"], 0, call="the run file's exit code")


def test_train_loss_at_every_step_by_examples_seen(room):
    """One train_loss per batch (4 batches per epoch: 64, 64, 64 and 8 points), logged at
    step = examples seen so far, equal to the losses the trainer recorded."""
    trainer, run, _ = train_and_read(room)
    steps, losses = series(run, "train_loss")
    per_epoch = math.ceil(N_TRAIN / ARGS["batch_size"])
    expected_steps = []
    for epoch in range(ARGS["epochs"]):
        seen = epoch * N_TRAIN
        expected_steps += [min(seen + (i + 1) * ARGS["batch_size"], (epoch + 1) * N_TRAIN)
                           for i in range(per_epoch)]
    if len(steps) != len(expected_steps):
        fail(f"the run has {len(steps)} train_loss values, expected {len(expected_steps)}: one "
             f"per training step ({ARGS['epochs']} epochs of {per_epoch} batches)", kind="value")
    if steps != expected_steps:
        fail(f"train_loss was logged at steps {steps}, expected {expected_steps}: "
             "step=self.examples_seen, after the parent's step has counted the batch "
             "(the last batch of an epoch holds only 8 points)", kind="value")
    recorded = trainer.logged_variables["loss"]
    if any(abs(a - b) > 1e-6 for a, b in zip(losses, recorded)):
        fail(f"the logged train_loss values {[round(v, 4) for v in losses]} differ from the "
             f"losses the trainer computed {[round(v, 4) for v in recorded]}", kind="value")
    curve("train_loss read back from the run, per step", losses)


def test_test_accuracy_before_and_after_each_epoch(room):
    """test_accuracy logged epochs + 1 times: at step 0 (before training) and after each epoch."""
    trainer, run, _ = train_and_read(room)
    steps, accs = series(run, "test_accuracy")
    expected_steps = [e * N_TRAIN for e in range(ARGS["epochs"] + 1)]
    if steps != expected_steps:
        fail(f"test_accuracy was logged at steps {steps}, expected {expected_steps}: once "
             "before training, then after every epoch, each at step=self.examples_seen",
             kind="value", details="wandb drops (with only a warning) any log whose step is "
                                   "below the run's current step: one step counter for all logs.")
    recorded = trainer.logged_variables["accuracy"]
    if [round(a, 6) for a in accs] != [round(a, 6) for a in recorded]:
        fail(f"the logged test_accuracy values {accs} differ from the trainer's {recorded}",
             kind="value")
    note(f"test accuracy read back from the run: {', '.join(f'{a:.2f}' for a in accs)}")
